/*
 * The module page says what storing a module takes on the device, from the sizes measured when
 * the course was published: the text and images, and with its videos when it has any; the
 * videos are stored only when the learner asks, and can be removed again.
 */
import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, describe, expect, it, vi } from 'vitest';
import { OfflineStatus } from '../../../../src/client/features/module/OfflineStatus';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { compileContent } from '../../../../src/content/compile';
import type { Catalog, ModuleStorage } from '../../../../src/shared/content/compiled';

const MODULE = 'online-safety';
const compiled = JSON.parse(compileContent('modules').files.get('content/catalog.json')!) as Catalog;

const VIDEO = '/content/media/online-safety/scam-call.0123456789.mp4';

afterEach(() => {
  vi.unstubAllGlobals();
});

async function showWith(storage: ModuleStorage | undefined, language: 'en' | 'lv' = 'en') {
  const catalog: Catalog = {
    ...compiled,
    modules: compiled.modules.map((m) =>
      m.id === MODULE && storage
        ? { ...m, storage: { en: storage, lv: storage, bg: storage, uk: storage }, ...(storage.videoBytes ? { video: [VIDEO] } : {}) }
        : m,
    ),
  };
  const i18n = await initI18n(language);
  await i18n.changeLanguage(language);
  render(<OfflineStatus catalog={catalog} moduleId={MODULE} locale="en" />);
  // Storing is offered once the device has looked at what it holds.
  await screen.findByRole('button', { name: language === 'en' ? 'Make available offline' : /.+/ });
}

describe('the size of a module on the device', () => {
  it('says what storing it takes', async () => {
    await showWith({ bytes: 1_234_000, videoBytes: 0 });
    expect(screen.getByText('Stored for offline study, it takes 1.2 MB.')).toBeInTheDocument();
  });

  it('says what it takes with its videos, when it has some', async () => {
    await showWith({ bytes: 1_234_000, videoBytes: 5_000_000 });
    expect(screen.getByText('Stored for offline study, it takes 1.2 MB; with its videos, 6.2 MB.')).toBeInTheDocument();
  });

  it('says it in the learner language', async () => {
    await showWith({ bytes: 1_234_000, videoBytes: 0 }, 'lv');
    expect(screen.getByText(/^Saglabāts mācībām bezsaistē, tas aizņem 1,2\sMB\.$/)).toBeInTheDocument();
  });

  it('says nothing of a size that was not measured', async () => {
    await showWith(undefined);
    expect(screen.queryByText(/Stored for offline study/)).not.toBeInTheDocument();
  });

  it('stores the videos only when asked, after showing their size, and removes them again', async () => {
    const stored = new Map<string, string>();
    const cache = {
      match: async (url: string) => (stored.has(url) ? new Response(stored.get(url)) : undefined),
      put: async (url: string, response: Response) => void stored.set(url, await response.text()),
      delete: async (url: string) => stored.delete(url),
    };
    vi.stubGlobal('caches', { open: async () => cache, match: async (url: string) => cache.match(url) });
    vi.stubGlobal(
      'fetch',
      vi.fn(async () => new Response('video bytes')),
    );
    await showWith({ bytes: 1_234_000, videoBytes: 5_000_000 });
    expect(stored.has(VIDEO)).toBe(false);
    await userEvent.click(await screen.findByRole('button', { name: 'Also store the videos (5 MB)' }));
    expect(await screen.findByText('The videos are stored on this device too.')).toBeInTheDocument();
    expect(stored.get(VIDEO)).toBe('video bytes');
    await userEvent.click(screen.getByRole('button', { name: 'Remove the videos' }));
    expect(await screen.findByRole('button', { name: 'Also store the videos (5 MB)' })).toBeInTheDocument();
    expect(stored.has(VIDEO)).toBe(false);
  });
});
