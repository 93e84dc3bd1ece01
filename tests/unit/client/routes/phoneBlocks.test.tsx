/*
 * My learning, Learning hours, a mentor's learner page and the survey overview on a phone: each
 * module, quiz attempt, hours entry and survey report is one block, its title first and its
 * facts under it in words, instead of tables that scrolled sideways at 360 px. The phone is a
 * matchMedia stand-in answering the narrow-screen query (jsdom has none: there, as on a PC, the
 * tables show).
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson, finishQuiz, saveReadingProgress } from '../../../../src/client/db/actions';
import { logHours } from '../../../../src/client/db/mentoring';
import { NARROW_QUERY } from '../../../../src/client/ui/useNarrowScreen';
import type { Catalog } from '../../../../src/shared/content/compiled';
import { contentFile, json, moduleContent, renderRoute, resetLearner, signInAs } from './render';
import { anna, learnerReport } from './learnerReport';
import type { SurveyReport } from '../../../../src/shared/mentoring/contract';

const MODULE = 'online-safety';
const catalog = contentFile<Catalog>('content/catalog.json');

function screenWidth(narrow: boolean) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    matches: narrow && query === NARROW_QUERY,
    media: query,
    addEventListener: () => undefined,
    removeEventListener: () => undefined,
  }));
}

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  const content = moduleContent(MODULE);
  const lesson = { moduleId: MODULE, lessonId: content.lessons[0]!.id, moduleVersion: content.version, locale: 'en' as const };
  await saveReadingProgress(lesson, 100, 25 * 60_000);
  await completeLesson(lesson);
  const module = { moduleId: MODULE, moduleVersion: content.version, locale: 'en' as const };
  await finishQuiz(module, { attemptId: '00000000-0000-4000-8000-000000000001', raw: 6, max: 8, passMark: 70, activeMs: 60_000 });
});

afterEach(() => {
  vi.unstubAllGlobals();
});

const section = (name: string) => screen.findByRole('region', { name }, { timeout: 10_000 });

describe('My learning on a phone', () => {
  it('lists each module with its status, lessons, best score and study time in words, and no table', async () => {
    screenWidth(true);
    await renderRoute('/learning');
    const modules = await section('Modules');
    expect(within(modules).queryByRole('table')).not.toBeInTheDocument();
    const items = within(modules).getAllByRole('listitem');
    expect(items).toHaveLength(catalog.modules.length);

    const content = moduleContent(MODULE);
    const studied = within(modules).getByRole('link', { name: content.title }).closest('li')!;
    expect(within(studied).getByText('In progress')).toBeInTheDocument();
    const fact = (term: string) => within(studied).getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Lessons')).toHaveTextContent(`1 of ${content.lessons.length}`);
    expect(fact('Best quiz score')).toHaveTextContent('75%');
    expect(fact('Study time')).toHaveTextContent('26 min');

    // A module not started says so, without a score or a time it does not have.
    const other = items.find((item) => item !== studied)!;
    expect(within(other).getByText('Not started')).toBeInTheDocument();
    expect(
      within(other)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Lessons']);
  });

  it('lists each quiz attempt with its score, result and date', async () => {
    screenWidth(true);
    await renderRoute('/learning');
    const history = await section('Quiz history');
    expect(within(history).queryByRole('table')).not.toBeInTheDocument();
    const [attempt, ...rest] = within(history).getAllByRole('listitem');
    expect(rest).toEqual([]);
    expect(attempt).toHaveTextContent(moduleContent(MODULE).title);
    const fact = (term: string) => within(attempt!).getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact('Score')).toHaveTextContent('6/8 (75%)');
    expect(fact('Result')).toHaveTextContent('Passed');
    expect(fact('Date')).toHaveTextContent(/\d{4}/);
  });

  it('keeps the tables on a wider screen', async () => {
    screenWidth(false);
    await renderRoute('/learning');
    expect(within(await section('Modules')).getByRole('table')).toBeInTheDocument();
    expect(within(await section('Quiz history')).getByRole('table')).toBeInTheDocument();
  });
});

describe('Learning hours on a phone', () => {
  it('lists each entry with its category, date, hours, review and what was done, and no table', async () => {
    screenWidth(true);
    await logHours({ category: 'work-based', hours: 2.5, date: '2026-03-05', description: 'Helped patrons with e-signatures.' });
    await logHours({ category: 'face-to-face', hours: 4, date: '2026-03-09', description: 'Seminar day.' });
    await renderRoute('/hours');
    const entries = await screen.findByRole('list', { name: 'Your entries, newest first' }, { timeout: 10_000 });
    expect(screen.queryByRole('table')).not.toBeInTheDocument();
    const [newest, older, ...rest] = within(entries).getAllByRole('listitem');
    expect(rest).toEqual([]);
    expect(newest).toHaveTextContent('Face-to-face seminars');
    const fact = (entry: HTMLElement, term: string) => within(entry).getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(fact(older!, 'Date')).toHaveTextContent('2026');
    expect(fact(older!, 'Hours')).toHaveTextContent('2.5');
    expect(fact(older!, 'Review')).toHaveTextContent('Waiting for review');
    expect(within(older!).getByText('Helped patrons with e-signatures.')).toBeInTheDocument();
  });
});

describe("a mentor's learner page on a phone", () => {
  it('lists each module with its status, progress, best score and time, and no table', async () => {
    screenWidth(true);
    signInAs('mentor', 'ivo', 'Ivo');
    const [started, untouched] = catalog.modules;
    const report = learnerReport({
      learner: anna,
      modules: [
        { moduleId: started!.id, status: 'in-progress', percent: 50, bestScore: 0.625, secondsSpent: 47 * 60 },
        { moduleId: untouched!.id, status: 'not-started', percent: 0, bestScore: null, secondsSpent: 0 },
      ],
    });
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report) : undefined));
    const modules = await screen.findByRole(
      'list',
      { name: 'Status, progress, best score and study time per module' },
      { timeout: 10_000 },
    );
    expect(within(await section('Progress per module')).queryByRole('table')).not.toBeInTheDocument();
    const [first, second] = within(modules).getAllByRole('listitem');
    expect(first).toHaveTextContent(started!.title.en!);
    const fact = (item: HTMLElement, term: string) => within(item).getByText(term, { selector: 'dt' }).nextElementSibling;
    expect(within(first!).getByText('In progress')).toBeInTheDocument();
    expect(fact(first!, 'Progress')).toHaveTextContent('50%');
    expect(fact(first!, 'Best score')).toHaveTextContent('63%');
    expect(fact(first!, 'Study time')).toHaveTextContent('47 min');
    expect(
      within(second!)
        .getAllByRole('term')
        .map((term) => term.textContent),
    ).toEqual(['Progress']);
  });
});

describe('the survey overview on a phone', () => {
  it('lists each report with its responses and share satisfied, linking to it', async () => {
    screenWidth(true);
    signInAs('coordinator', 'dace', 'Dace');
    const module = catalog.modules[1]!;
    const reports: SurveyReport[] = [
      {
        about: { moduleId: module.id },
        responses: 4,
        items: { relevant: [0, 0, 1, 1, 2], useful: [0, 1, 1, 1, 1], willUse: [0, 0, 0, 2, 2], overall: [1, 0, 0, 2, 1] },
        comments: [],
      },
      {
        about: { moduleId: catalog.modules[2]!.id },
        responses: 1,
        items: { relevant: [0, 0, 0, 0, 1], useful: [0, 0, 0, 0, 1], willUse: [0, 0, 0, 0, 1], overall: [0, 0, 0, 0, 1] },
        comments: [],
      },
    ];
    await renderRoute('/reports/surveys', (url) =>
      url.pathname === '/api/reports/surveys' ? json(reports) : url.pathname === '/api/events' ? json([]) : undefined,
    );
    const overview = await screen.findByRole(
      'list',
      { name: 'Responses and overall satisfaction per module and event' },
      { timeout: 10_000 },
    );
    expect(within(await section('Overview')).queryByRole('table')).not.toBeInTheDocument();
    const [first] = within(overview).getAllByRole('listitem');
    expect(within(first!).getByText('4 responses')).toBeInTheDocument();
    expect(within(first!).getByText('Satisfied overall: 75% (3 of 4)')).toBeInTheDocument();
    const details = document.getElementById(`survey-module-${module.id}`)!.querySelector(':scope > details')!;
    expect(details).not.toHaveAttribute('open');
    await userEvent.setup().click(within(first!).getByRole('link', { name: `Module: ${module.title.en}` }));
    expect(details).toHaveAttribute('open');
  });
});
