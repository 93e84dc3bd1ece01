/* Dates follow the person's regional variant of the UI language, never another language's habits. */
import { renderHook } from '@testing-library/react';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { formattingLocale, useFormat } from '../../../../src/client/i18n/format';
import { initI18n } from '../../../../src/client/i18n/i18n';

afterEach(() => {
  vi.unstubAllGlobals();
});

describe('the locale dates are written in', () => {
  it('is the browser’s regional variant when it is of the UI language', () => {
    expect(formattingLocale('en', ['en-GB', 'lv'])).toBe('en-GB');
    expect(formattingLocale('it', ['de-CH', 'it-CH'])).toBe('it-CH');
  });

  it('is the UI language when the browser speaks another one', () => {
    expect(formattingLocale('lv', ['en-GB', 'de'])).toBe('lv');
    expect(formattingLocale('el', [])).toBe('el');
  });

  it('skips a malformed browser tag', () => {
    expect(formattingLocale('en', ['en-', 'en-AU'])).toBe('en-AU');
  });

  it('writes “6 Dec 2026” for a British reader of the English UI', async () => {
    vi.stubGlobal('navigator', { ...navigator, language: 'en-GB', languages: ['en-GB', 'en'] });
    const i18n = await initI18n('en');
    await i18n.changeLanguage('en');
    const { result } = renderHook(() => useFormat());
    expect(result.current.date('2026-12-06T12:00:00Z')).toBe('6 Dec 2026');
  });
});
