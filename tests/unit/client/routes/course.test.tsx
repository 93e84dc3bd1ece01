/*
 * The course as a learner meets it: module cards with covers and progress rings in the
 * catalogue and on Home, "Continue" to the next unfinished lesson, and a celebration once
 * when a lesson, a module or a pathway is completed.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson, finishQuiz } from '../../../../src/client/db/actions';
import type { Catalog } from '../../../../src/shared/content/compiled';
import { contentFile, moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';
const catalog = contentFile<Catalog>('content/catalog.json');

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

async function complete(moduleId: string, lessonIds: string[]) {
  const content = moduleContent(moduleId);
  for (const lessonId of lessonIds) await completeLesson({ moduleId, lessonId, moduleVersion: content.version, locale: 'en' });
}

let attempt = 0;
async function passQuiz(moduleId: string) {
  attempt += 1;
  const module = { moduleId, moduleVersion: moduleContent(moduleId).version, locale: 'en' as const };
  const attemptId = `00000000-0000-4000-8000-${String(attempt).padStart(12, '0')}`;
  await finishQuiz(module, { attemptId, raw: 8, max: 8, passMark: 70, activeMs: 60_000 });
}

const cardOf = (title: string) => screen.getByRole('link', { name: title }).closest('li')!;

describe('module cards', () => {
  it('shows every module in the catalogue as a card: cover, area, time and progress', async () => {
    await renderRoute('/catalog');
    // The catalogue page and the competence names load together, on the page's first import;
    // the first test compiles both chunks in the test run: the time limit is a hang guard.
    await screen.findByText(`${catalog.modules.length} modules`, undefined, { timeout: 10_000 });
    const content = moduleContent(MODULE);
    const card = cardOf(content.title);
    const cover = card.querySelector('img')!;
    const expected = catalog.modules.find((m) => m.id === MODULE)!.cover.en!;
    // Decoration beside the title, sized so the page does not jump while it loads.
    expect(cover).toHaveAttribute('alt', '');
    expect(cover).toHaveAttribute('src', expected.url);
    expect(cover).toHaveAttribute('width', String(expected.width));
    expect(cover).toHaveAttribute('height', String(expected.height));
    expect(within(card).getByText('DigComp 4 Safety')).toBeInTheDocument();
    expect(within(card).getByText('55 min')).toBeInTheDocument();
    expect(within(card).getByRole('img', { name: '0% done' })).toBeInTheDocument();

    // Only the first row's covers load at once; the rest wait until scrolled to.
    const list = screen.getByRole('heading', { name: 'Modules' }).closest('section')!;
    const loading = within(list)
      .getAllByRole('listitem')
      .map((li) => li.querySelector('img')?.getAttribute('loading'));
    expect(loading.slice(0, 4)).toEqual(['eager', 'eager', 'eager', 'eager']);
    expect(new Set(loading.slice(4))).toEqual(new Set(['lazy']));
  });

  it("shows the learner's progress on the card of a module they started, on Home and in the catalogue", async () => {
    const content = moduleContent(MODULE);
    await complete(MODULE, [content.lessons[0]!.id]);
    const view = await renderRoute('/');
    const modules = (await screen.findByRole('heading', { name: 'Your modules' })).closest('section')!;
    // Three lessons and a quiz: one step of four.
    expect(within(modules).getByRole('img', { name: '25% done' })).toBeInTheDocument();
    expect(within(modules).getAllByRole('listitem')).toHaveLength(1);
    view.unmount();

    await renderRoute('/catalog');
    await screen.findByText(`${catalog.modules.length} modules`);
    expect(within(cardOf(content.title)).getByRole('img', { name: '25% done' })).toBeInTheDocument();
  });
});

describe('Continue', () => {
  it('leads to the next unfinished lesson, not the one just finished', async () => {
    const content = moduleContent(MODULE);
    await complete(MODULE, [content.lessons[0]!.id]);
    await renderRoute('/');
    const section = (await screen.findByRole('heading', { name: 'Continue where you left off' })).closest('section')!;
    await within(section).findByText(content.lessons[1]!.title);
    expect(within(section).getByRole('link', { name: 'Continue reading' })).toHaveAttribute(
      'href',
      `/modules/${MODULE}/lessons/${content.lessons[1]!.id}`,
    );
  });

  it('leads to the quiz once every lesson is done', async () => {
    const content = moduleContent(MODULE);
    await complete(
      MODULE,
      content.lessons.map((l) => l.id),
    );
    await renderRoute('/');
    const section = (await screen.findByRole('heading', { name: 'Continue where you left off' })).closest('section')!;
    expect(await within(section).findByRole('link', { name: 'Take the quiz' })).toHaveAttribute('href', `/modules/${MODULE}/quiz`);
  });
});

describe('the module page', () => {
  it('starts with the first lesson, then continues with the next unfinished one', async () => {
    const content = moduleContent(MODULE);
    const [first, second] = content.lessons;
    const view = await renderRoute(`/modules/${MODULE}`);
    expect(await screen.findByRole('link', { name: `Start with: ${first!.title}` })).toHaveAttribute(
      'href',
      `/modules/${MODULE}/lessons/${first!.id}`,
    );
    view.unmount();

    await complete(MODULE, [first!.id]);
    await renderRoute(`/modules/${MODULE}`);
    expect(await screen.findByRole('link', { name: `Continue with: ${second!.title}` })).toHaveAttribute(
      'href',
      `/modules/${MODULE}/lessons/${second!.id}`,
    );
  });
});

describe('finishing a lesson', () => {
  it('celebrates once, in a polite live region, and offers the next lesson with focus on it', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const [first, second] = content.lessons;
    const view = await renderRoute(`/modules/${MODULE}/lessons/${first!.id}`);
    await user.click(await screen.findByRole('button', { name: 'Mark lesson as complete' }));

    const words = await screen.findByText('Well done! You completed this lesson.');
    expect(words.closest('[role="status"]')).not.toBeNull();
    const next = within(screen.getByRole('region', { name: 'Lesson completion' })).getByRole('link', {
      name: `Next lesson: ${second!.title}`,
    });
    expect(next).toHaveAttribute('href', `/modules/${MODULE}/lessons/${second!.id}`);
    await waitFor(() => expect(next).toHaveFocus());
    view.unmount();

    // A later visit shows that the lesson is done and the way on, without celebrating again.
    await renderRoute(`/modules/${MODULE}/lessons/${first!.id}`);
    expect(await screen.findByText(/You completed this lesson on/)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: `Next lesson: ${second!.title}` })).toBeInTheDocument();
    expect(screen.queryByText('Well done! You completed this lesson.')).not.toBeInTheDocument();
  });

  it('offers the quiz after the last lesson while the quiz is not passed', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const last = content.lessons.at(-1)!;
    await complete(
      MODULE,
      content.lessons.slice(0, -1).map((l) => l.id),
    );
    await renderRoute(`/modules/${MODULE}/lessons/${last.id}`);
    await user.click(await screen.findByRole('button', { name: 'Mark lesson as complete' }));
    const completion = screen.getByRole('region', { name: 'Lesson completion' });
    expect(await within(completion).findByRole('link', { name: 'Take the quiz' })).toHaveFocus();
  });

  it('celebrates the module when its last lesson completes it', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const last = content.lessons.at(-1)!;
    await complete(
      MODULE,
      content.lessons.slice(0, -1).map((l) => l.id),
    );
    await passQuiz(MODULE);
    await renderRoute(`/modules/${MODULE}/lessons/${last.id}`);
    await user.click(await screen.findByRole('button', { name: 'Mark lesson as complete' }));
    const words = await screen.findByText(/Congratulations! You completed the module:/);
    expect(words).toHaveTextContent(content.title);
    expect(words.closest('[role="status"]')).not.toBeNull();
  });

  it('celebrates the pathway when its last lesson completes the whole pathway', async () => {
    const user = userEvent.setup();
    const pathway = catalog.curricula.find((c) => c.id === 'e-services-everyday')!;
    for (const moduleId of pathway.modules) {
      const ids = moduleContent(moduleId).lessons.map((l) => l.id);
      await complete(moduleId, moduleId === MODULE ? ids.slice(0, -1) : ids);
      await passQuiz(moduleId);
    }
    const last = moduleContent(MODULE).lessons.at(-1)!;
    await renderRoute(`/modules/${MODULE}/lessons/${last.id}`);
    await user.click(await screen.findByRole('button', { name: 'Mark lesson as complete' }));
    expect(await screen.findByText(/Congratulations! You completed the pathway:/)).toHaveTextContent(pathway.title.en);
  });
});
