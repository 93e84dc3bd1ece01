import { describe, expect, it } from 'vitest';
import { normalizeForSearch, searchEntries } from '../../../src/shared/content/search';

const entries = [
  { moduleId: 'e-sig', lessonId: 'one', title: 'Kas ir elektroniskais paraksts', text: 'eParaksts mobile ļauj parakstīt dokumentus.' },
  { moduleId: 'safety', lessonId: 'two', title: 'Фішинг і шахрайство', text: 'Не переходьте за посиланням у підозрілому повідомленні.' },
  { moduleId: 'safety', title: 'Ασφάλεια στο διαδίκτυο', text: 'Προστασία από απάτες.' },
];

describe('offline search', () => {
  it('ignores case and diacritics in Latin, Cyrillic and Greek', () => {
    expect(normalizeForSearch('Ļauj PARAKSTĪT')).toBe('lauj parakstit');
    expect(searchEntries(entries, 'parakstit').map((h) => h.lessonId)).toEqual(['one']);
    expect(searchEntries(entries, 'ФІШИНГ').map((h) => h.lessonId)).toEqual(['two']);
    expect(searchEntries(entries, 'ασφαλεια').map((h) => h.moduleId)).toEqual(['safety']);
  });

  it('needs every word and ranks title matches first', () => {
    expect(searchEntries(entries, 'paraksts zebra')).toEqual([]);
    const hits = searchEntries(
      [
        { moduleId: 'a', title: 'Other', text: 'phishing mentioned in text' },
        { moduleId: 'b', title: 'Phishing', text: 'about phishing' },
      ],
      'phishing',
    );
    expect(hits.map((h) => h.moduleId)).toEqual(['b', 'a']);
  });

  it('returns a snippet around the match and nothing for an empty query', () => {
    expect(searchEntries(entries, 'посиланням')[0]?.snippet).toContain('посиланням');
    expect(searchEntries(entries, '   ')).toEqual([]);
  });
});
