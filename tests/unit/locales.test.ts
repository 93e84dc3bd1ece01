/*
 * Every UI language has every string: the same keys as English, with the plural forms
 * each language needs (Intl.PluralRules), and the same {{placeholders}}.
 */
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { UI_LOCALES } from '../../src/shared/content/locales';

type Json = { [key: string]: string | Json };
const PLURAL = /_(zero|one|two|few|many|other)$/;

function flatten(json: Json, prefix = ''): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(json)) {
    if (typeof value === 'string') out.set(prefix + key, value);
    else for (const [k, v] of flatten(value, `${prefix}${key}.`)) out.set(k, v);
  }
  return out;
}

const read = (lng: string, ns: string) => flatten(JSON.parse(readFileSync(join('locales', lng, `${ns}.json`), 'utf8')) as Json);
const namespaces = readdirSync(join('locales', 'en')).map((f) => f.replace(/\.json$/, ''));
const placeholders = (text: string) => [...text.matchAll(/\{\{\s*(\w+)\s*\}\}/g)].map((m) => m[1]).sort();

describe.each(UI_LOCALES.filter((l) => l !== 'en'))('UI strings in %s', (lng) => {
  const categories = new Intl.PluralRules(lng).resolvedOptions().pluralCategories;

  it.each(namespaces)('%s has every English key, and no others', (ns) => {
    const en = read('en', ns);
    const own = read(lng, ns);
    const expected = new Set<string>();
    for (const key of en.keys()) {
      if (PLURAL.test(key)) for (const category of categories) expected.add(key.replace(PLURAL, `_${category}`));
      else expected.add(key);
    }
    // `_one`-only plural forms in English stand for the plural group; some languages need fewer forms than `_zero`.
    expect([...expected].filter((k) => !own.has(k))).toEqual([]);
    expect([...own.keys()].filter((k) => !expected.has(k))).toEqual([]);
  });

  it.each(namespaces)('%s keeps every {{placeholder}} of the English text', (ns) => {
    const en = read('en', ns);
    const own = read(lng, ns);
    const problems: string[] = [];
    for (const [key, text] of own) {
      const source = en.get(key) ?? en.get(key.replace(PLURAL, '_other'));
      if (source === undefined) continue;
      const need = placeholders(source).filter((p) => p !== 'count');
      const have = new Set(placeholders(text));
      for (const name of need) if (!have.has(name)) problems.push(`${key}: {{${name}}}`);
    }
    expect(problems).toEqual([]);
  });
});
