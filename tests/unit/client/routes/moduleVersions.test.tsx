/*
 * Progress made on an older version of a module, as the learner sees it once a newer version
 * arrives: a lesson stays completed and says on which version, a lesson the new version
 * removed is still listed with its version, and quiz attempts show the version they were
 * scored on.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson, finishQuiz } from '../../../../src/client/db/actions';
import type { Catalog, ModuleContent } from '../../../../src/shared/content/compiled';
import { contentFile, moduleContent, renderRoute, replaceContentFile, resetLearner } from './render';

const MODULE = 'online-safety';
let undo: (() => void)[] = [];

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});
afterEach(() => {
  for (const restore of undo) restore();
  undo = [];
});

/** Serves version 2 of the module, which no longer has its last lesson. */
function publishVersion2(): { kept: ModuleContent['lessons'][number]; removed: ModuleContent['lessons'][number] } {
  const content = moduleContent(MODULE);
  const removed = content.lessons.at(-1)!;
  const catalog = contentFile<Catalog>('content/catalog.json');
  const modules = catalog.modules.map((m) =>
    m.id === MODULE ? { ...m, version: 2, lessons: m.lessons.filter((l) => l.id !== removed.id) } : m,
  );
  undo.push(replaceContentFile('content/catalog.json', { ...catalog, modules }));
  undo.push(
    replaceContentFile(`content/modules/${MODULE}/en.json`, {
      ...content,
      version: 2,
      lessons: content.lessons.filter((l) => l.id !== removed.id),
    }),
  );
  return { kept: content.lessons[0]!, removed };
}

describe('progress on an older version of a module', () => {
  it('stays completed on the module page, with the version, and keeps a removed lesson in the history', async () => {
    const content = moduleContent(MODULE);
    const first = content.lessons[0]!;
    const last = content.lessons.at(-1)!;
    for (const lessonId of [first.id, last.id]) await completeLesson({ moduleId: MODULE, lessonId, moduleVersion: 1, locale: 'en' });
    const { kept, removed } = publishVersion2();

    await renderRoute(`/modules/${MODULE}`);
    const lessons = (await screen.findByRole('heading', { name: 'Lessons', level: 2 }, { timeout: 10_000 })).closest('section')!;
    const row = within(lessons).getByRole('link', { name: kept.title }).closest('li')!;
    expect(row).toHaveTextContent('Completed on version 1');
    expect(within(lessons).queryByRole('link', { name: removed.title })).not.toBeInTheDocument();

    const earlier = screen.getByRole('heading', { name: 'Lessons from earlier versions' }).closest('section')!;
    const name = removed.id.replace(/-/g, ' ');
    expect(within(earlier).getByRole('listitem')).toHaveTextContent(
      `${name.charAt(0).toUpperCase()}${name.slice(1)}: completed on version 1`,
    );
  });

  it('shows the version each quiz attempt was scored on', async () => {
    await finishQuiz(
      { moduleId: MODULE, moduleVersion: 1, locale: 'en' },
      { attemptId: '00000000-0000-4000-8000-000000000001', raw: 8, max: 8, passMark: 70, activeMs: 60_000 },
    );
    publishVersion2();

    await renderRoute(`/modules/${MODULE}/quiz`);
    const history = (await screen.findByRole('heading', { name: 'Your attempts' }, { timeout: 10_000 })).closest('section')!;
    expect(within(history).getByRole('columnheader', { name: 'Module version' })).toBeInTheDocument();
    const [, attempt] = within(history).getAllByRole('row');
    expect(within(attempt!).getAllByRole('cell').at(-1)).toHaveTextContent(/^1$/);
  });
});
