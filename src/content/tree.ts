/*
 * Course content as the compiler reads it: relative paths (with `/`) to file bytes, so the
 * same validator reads a modules/ folder on disk, a module package unpacked from a zip, or
 * modules kept in the database. Folders are implied by the paths of the files in them.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';

export type ContentTree = ReadonlyMap<string, Uint8Array>;

/** Every file under `root`, by its path relative to `root`; links are not followed. */
export function readTree(root: string): Map<string, Uint8Array> {
  const tree = new Map<string, Uint8Array>();
  const walk = (dir: string, prefix: string): void => {
    let entries;
    try {
      entries = readdirSync(dir, { withFileTypes: true });
    } catch {
      return;
    }
    for (const entry of entries) {
      const path = prefix + entry.name;
      if (entry.isDirectory()) walk(join(dir, entry.name), `${path}/`);
      else if (entry.isFile()) tree.set(path, readFileSync(join(dir, entry.name)));
    }
  };
  walk(root, '');
  return tree;
}

const decoder = new TextDecoder();

/** Reading helpers over a tree. */
export class TreeReader {
  constructor(readonly tree: ContentTree) {}

  has(path: string): boolean {
    return this.tree.has(path);
  }

  text(path: string): string {
    const bytes = this.tree.get(path);
    return bytes ? decoder.decode(bytes) : '';
  }

  size(path: string): number {
    return this.tree.get(path)?.byteLength ?? 0;
  }

  /** Names of the files and folders directly in `dir` ('' for the top), sorted. */
  list(dir: string): string[] {
    const prefix = dir ? `${dir}/` : '';
    const names = new Set<string>();
    for (const path of this.tree.keys()) {
      if (!path.startsWith(prefix)) continue;
      const name = path.slice(prefix.length).split('/')[0];
      if (name) names.add(name);
    }
    return [...names].sort();
  }

  isFolder(path: string): boolean {
    const prefix = `${path}/`;
    for (const key of this.tree.keys()) if (key.startsWith(prefix)) return true;
    return false;
  }

  /** The files under `dir`, with paths relative to it. */
  subtree(dir: string): Map<string, Uint8Array> {
    const prefix = `${dir}/`;
    const out = new Map<string, Uint8Array>();
    for (const [path, bytes] of this.tree) if (path.startsWith(prefix)) out.set(path.slice(prefix.length), bytes);
    return out;
  }
}
