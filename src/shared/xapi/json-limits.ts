/*
 * Limits on JSON that comes from outside, checked before anything recurses over it or stores
 * it: nesting depth (canonical JSON, fingerprints and JSON.stringify recurse, and a value nested
 * 10,000 levels deep overflows the stack) and the NUL character (PostgreSQL text cannot hold
 * it). Walked with an explicit stack, so the check itself never overflows.
 */
/** Levels of arrays and objects, counting the outermost value; an xAPI statement uses about 10. */
export const MAX_JSON_DEPTH = 64;

type Node = { value: unknown; depth: number; parent: Node | undefined; key: string };

function pathOf(node: Node): string {
  const keys: string[] = [];
  for (let at: Node | undefined = node; at?.parent; at = at.parent) keys.unshift(at.key);
  return keys.join('');
}

const keyPath = (key: string): string => (/^[A-Za-z_$][\w$-]*$/.test(key) ? `.${key}` : `[${JSON.stringify(key)}]`);

export type JsonLimitProblem = { code: 'nul-character' | 'nested-too-deep'; message: string };

/** The first problem found (its message is `path: what is wrong`), or undefined when the value is within the limits. */
export function jsonLimitProblem(value: unknown, path: string): JsonLimitProblem | undefined {
  const stack: Node[] = [{ value, depth: 1, parent: undefined, key: '' }];
  for (let node = stack.pop(); node; node = stack.pop()) {
    const current = node.value;
    if (typeof current === 'string') {
      if (current.includes('\u0000'))
        return { code: 'nul-character', message: `${path}${pathOf(node)}: must not contain the NUL character (U+0000)` };
      continue;
    }
    if (typeof current !== 'object' || current === null) continue;
    if (node.depth > MAX_JSON_DEPTH) {
      return { code: 'nested-too-deep', message: `${path}${pathOf(node)}: is nested more than ${MAX_JSON_DEPTH} levels deep` };
    }
    if (Array.isArray(current)) {
      current.forEach((item: unknown, index) => stack.push({ value: item, depth: node.depth + 1, parent: node, key: `[${index}]` }));
      continue;
    }
    for (const [key, item] of Object.entries(current as Record<string, unknown>)) {
      if (key.includes('\u0000')) {
        return { code: 'nul-character', message: `${path}${pathOf(node)}: has a property name with the NUL character (U+0000)` };
      }
      stack.push({ value: item, depth: node.depth + 1, parent: node, key: keyPath(key) });
    }
  }
  return undefined;
}
