/*
 * The interface strings the tests look for, read from locales/<lng>/common.json (merged with
 * the string groups the app adds to it on the pages that need them: people, mentor, hours)
 * the way i18next resolves them (missing key or missing file: English). Page objects take one of
 * these, so the same page object finds "Mark lesson as complete" in every language.
 */
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { readJson, repoRoot } from './repo';

type Tree = { [key: string]: string | Tree };

export type UiStrings = {
  language: string;
  /** Whether locales/<lng>/common.json exists (else every string is the English one). */
  translated: boolean;
  t: (key: string, values?: Record<string, string | number>) => string;
};

function localePath(language: string): string {
  return join(repoRoot, 'locales', language, 'common.json');
}

export function hasLocale(language: string): boolean {
  return existsSync(localePath(language));
}

function lookup(tree: Tree | undefined, key: string): string | undefined {
  let node: string | Tree | undefined = tree;
  for (const part of key.split('.')) {
    if (node === undefined || typeof node === 'string') return undefined;
    node = node[part];
  }
  return typeof node === 'string' ? node : undefined;
}

const GROUPS = ['people', 'mentor', 'hours'];
/** Namespaces of their own (the Modules page's words), found here under their name: `modulesAdmin.title`. */
const NAMESPACES = ['modulesAdmin'];

function merge(into: Tree, from: Tree): Tree {
  for (const [key, value] of Object.entries(from)) {
    const existing = into[key];
    into[key] = typeof value === 'object' && typeof existing === 'object' ? merge({ ...existing }, value) : value;
  }
  return into;
}

function readStrings(language: string): Tree {
  let tree = readJson<Tree>(localePath(language));
  for (const group of GROUPS) {
    const file = join(repoRoot, 'locales', language, `${group}.json`);
    if (existsSync(file)) tree = merge({ ...tree }, readJson<Tree>(file));
  }
  for (const namespace of NAMESPACES) {
    const file = join(repoRoot, 'locales', language, `${namespace}.json`);
    if (existsSync(file)) tree = merge({ ...tree }, { [namespace]: readJson<Tree>(file) });
  }
  return tree;
}

export function uiStrings(language = 'en'): UiStrings {
  const english = readStrings('en');
  const translated = language !== 'en' && hasLocale(language);
  const own = translated ? readStrings(language) : undefined;
  const resolve = (key: string, count: number | undefined): string | undefined => {
    const candidates: [Tree | undefined, string][] = [
      [own, language],
      [english, 'en'],
    ];
    for (const [tree, lng] of candidates) {
      if (count !== undefined) {
        const plural = lookup(tree, `${key}_${new Intl.PluralRules(lng).select(count)}`) ?? lookup(tree, `${key}_other`);
        if (plural !== undefined) return plural;
      }
      const plain = lookup(tree, key);
      if (plain !== undefined) return plain;
    }
    return undefined;
  };
  return {
    language,
    translated,
    t(key, values = {}) {
      const count = typeof values.count === 'number' ? values.count : undefined;
      const template = resolve(key, count);
      if (template === undefined) throw new Error(`No UI string "${key}" in locales/en/common.json`);
      return template.replace(/\{\{\s*(\w+)\s*\}\}/g, (whole, name: string) => (name in values ? String(values[name]) : whole));
    },
  };
}

export const en = uiStrings('en');

export function escapeRegExp(text: string): string {
  return text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
}
