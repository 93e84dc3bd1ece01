/*
 * The module page says what storing a module takes on the device, from the sizes measured when
 * the course was published: the text and images, and with its videos when it has any.
 */
import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { OfflineStatus } from '../../../../src/client/features/module/OfflineStatus';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { compileContent } from '../../../../src/content/compile';
import type { Catalog, ModuleStorage } from '../../../../src/shared/content/compiled';

const MODULE = 'online-safety';
const compiled = JSON.parse(compileContent('modules').files.get('content/catalog.json')!) as Catalog;

async function showWith(storage: ModuleStorage | undefined, language: 'en' | 'lv' = 'en') {
  const catalog: Catalog = {
    ...compiled,
    modules: compiled.modules.map((m) =>
      m.id === MODULE && storage ? { ...m, storage: { en: storage, lv: storage, bg: storage, uk: storage, el: storage, it: storage } } : m,
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
});
