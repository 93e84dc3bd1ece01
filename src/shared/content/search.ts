/*
 * Offline full-text search over the compiled search index. Matching ignores case and
 * diacritics in every script we ship (ā = a, й = и, ά = α), so a learner typing without
 * their keyboard's accents still finds what they look for.
 */
import type { SearchEntry } from './compiled';

export function normalizeForSearch(text: string): string {
  return text.normalize('NFKD').replace(/\p{M}/gu, '').toLocaleLowerCase('und').replace(/\s+/g, ' ').trim();
}

export type SearchHit = SearchEntry & { score: number; snippet: string };

const SNIPPET_RADIUS = 80;

function snippetAround(text: string, normalized: string, term: string): string {
  // NFKD + mark removal can change lengths, so search in the normalized text word by word.
  const index = normalized.indexOf(term);
  if (index < 0) return text.slice(0, SNIPPET_RADIUS * 2);
  const ratio = text.length / Math.max(normalized.length, 1);
  const at = Math.round(index * ratio);
  const start = Math.max(0, at - SNIPPET_RADIUS);
  const end = Math.min(text.length, at + SNIPPET_RADIUS);
  return `${start > 0 ? '…' : ''}${text.slice(start, end).trim()}${end < text.length ? '…' : ''}`;
}

/** Entries containing every word of the query, best first (title matches weigh more). */
export function searchEntries(entries: readonly SearchEntry[], query: string, limit = 30): SearchHit[] {
  const terms = normalizeForSearch(query).split(' ').filter(Boolean);
  if (terms.length === 0) return [];
  const hits: SearchHit[] = [];
  for (const entry of entries) {
    const title = normalizeForSearch(entry.title);
    const text = normalizeForSearch(entry.text);
    let score = 0;
    let all = true;
    for (const term of terms) {
      const inTitle = title.includes(term);
      const inText = text.includes(term);
      if (!inTitle && !inText) {
        all = false;
        break;
      }
      score += (inTitle ? 10 : 0) + (inText ? 1 : 0);
    }
    if (all) hits.push({ ...entry, score, snippet: snippetAround(entry.text, text, terms[0] ?? '') });
  }
  return hits
    .sort((a, b) => b.score - a.score || a.moduleId.localeCompare(b.moduleId) || (a.lessonId ?? '').localeCompare(b.lessonId ?? ''))
    .slice(0, limit);
}
