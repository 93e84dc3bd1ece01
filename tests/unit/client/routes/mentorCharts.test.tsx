/*
 * The mentor's and coordinator's charts and the printable report, at the route level: completion
 * counted against the pathway the page shows (not the whole catalogue), chart rows as page text
 * (CSS bars, not SVG), and each survey item named once.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { contentFile, json, renderRoute, signInAs, signInMentorForEachTest } from './render';
import type { Catalog } from '../../../../src/shared/content/compiled';
import type { CohortDashboard, DashboardCell, DashboardLearner, SurveyReport } from '../../../../src/shared/mentoring/contract';

const catalog = contentFile<Catalog>('content/catalog.json');
const modules = catalog.modules.map((m) => m.id);
const shortCourse = catalog.curricula.find((c) => c.id === 'e-services-everyday')!;
const community = catalog.curricula.find((c) => c.id === 'community-engagement-communication-officer')!;
const moduleTitle = (id: string) => catalog.modules.find((m) => m.id === id)!.title.en;

const cell = (learnerId: string, moduleId: string, status: DashboardCell['status'] = 'completed'): DashboardCell => ({
  learnerId,
  moduleId,
  status,
  bestScore: 0.9,
  secondsSpent: 600,
  lessonsCompleted: 3,
  assignment: 'none',
});

const learner = (id: string, name: string, completed: number, pathways: Record<string, number>): DashboardLearner => ({
  id,
  name,
  login: id,
  lastSyncAt: '2024-05-01T10:00:00.000Z',
  lastActivityAt: completed > 0 ? '2024-04-30T10:00:00.000Z' : null,
  modulesCompleted: completed,
  secondsSpent: completed * 600,
  pathways,
  hours: { approved: {}, pending: {} },
});

/**
 * Four learners: Alīse completed the short course and nothing else; Boris every module of the
 * catalogue; Chiara all of the short course but its last module, which stands at 97 % (32 of 33
 * steps), so the rounded mean the server sends for the pathway already says 100; Dace nothing.
 */
function cohort(): CohortDashboard {
  const [last, ...firsts] = [...shortCourse.modules].reverse();
  const learners = [
    learner('a', 'Alīse', shortCourse.modules.length, { [shortCourse.id]: 100 }),
    learner('b', 'Boris', modules.length, Object.fromEntries(catalog.curricula.map((c) => [c.id, 100]))),
    learner('c', 'Chiara', firsts.length, { [shortCourse.id]: 100 }),
    learner('d', 'Dace', 0, {}),
  ];
  return {
    cohort: { id: 'c1', name: 'Rīga 2024' },
    generatedAt: '2024-05-02T08:00:00.000Z',
    inactiveDays: 14,
    modules,
    learners,
    cells: [
      ...shortCourse.modules.map((m) => cell('a', m)),
      ...modules.map((m) => cell('b', m)),
      ...firsts.map((m) => cell('c', m)),
      cell('c', last!, 'in-progress'),
    ],
    attention: [],
  };
}

const dashboardApi = (url: URL) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined);

signInMentorForEachTest();

describe('learners who completed the pathway', () => {
  it('are counted in the printable report against the pathway it shows, named in the sentence', async () => {
    await renderRoute(`/mentor/cohorts/c1/report?pathway=${shortCourse.id}`, dashboardApi);
    // Alīse counts though she has not done every module of the catalogue; Chiara does not, though her pathway reads 100 %.
    expect(await screen.findByText(/have completed every module/, {}, { timeout: 5000 })).toHaveTextContent(
      `4 learners. 2 learners have completed every module of the pathway “${shortCourse.title.en}”.`,
    );
    // Each learner's modules are counted against the same pathway.
    const total = shortCourse.modules.length;
    const modulesColumn = (name: string) => screen.getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td')[0]!.textContent;
    expect(modulesColumn('Alīse')).toBe(`${total} of ${total}`);
    expect(modulesColumn('Boris')).toBe(`${total} of ${total}`);
    expect(modulesColumn('Chiara')).toBe(`${total - 1} of ${total}`);
    expect(modulesColumn('Dace')).toBe(`0 of ${total}`);
  });

  it('follow the pathway chosen in the address', async () => {
    await renderRoute(`/mentor/cohorts/c1/report?pathway=${community.id}`, dashboardApi);
    expect(await screen.findByText(/has completed every module/, {}, { timeout: 5000 })).toHaveTextContent(
      `4 learners. 1 learner has completed every module of the pathway “${community.title.en}”.`,
    );
  });

  it('are the ones the grid’s “completed” filter keeps', async () => {
    const user = userEvent.setup();
    await renderRoute(`/mentor/cohorts/c1?pathway=${shortCourse.id}`, dashboardApi);
    const progress = await screen.findByRole('combobox', { name: 'Progress' }, { timeout: 5000 });
    // The choice names the pathway once the catalogue has loaded.
    const completed = await within(progress).findByRole('option', { name: `Completed every module of “${shortCourse.title.en}”` });
    await user.selectOptions(progress, completed);
    expect(screen.getByText('Showing 1–2 of 2 learners.')).toBeInTheDocument();
    const grid = screen.getByRole('table', { name: /Each learner's progress/ });
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((row) => row.textContent),
    ).toEqual(['Alīse', 'Boris']);
    await user.selectOptions(progress, 'In progress');
    expect(
      within(grid)
        .getAllByRole('rowheader')
        .map((row) => row.textContent),
    ).toEqual(['Chiara']);
  });
});

describe('the completion chart', () => {
  it('draws each module as a row of text with a CSS bar, not an SVG picture, and keeps the table', async () => {
    await renderRoute('/mentor/cohorts/c1/report', dashboardApi);
    const chart = await screen.findByRole('figure', { name: 'Learners who completed each module, out of 4' }, { timeout: 5000 });
    await within(chart).findByText(moduleTitle(modules[0]!), { selector: '.chart__label' });
    expect(chart.querySelector('svg')).toBeNull();
    const done = (moduleId: string) => cohort().cells.filter((c) => c.moduleId === moduleId && c.status === 'completed').length;
    const percent = (count: number) => `${Math.round((count / 4) * 100)}%`;
    const rows = within(chart).getAllByRole('listitem');
    expect(rows.map((row) => row.textContent)).toEqual(modules.map((m) => `${moduleTitle(m)}${done(m)} of 4 (${percent(done(m))})`));
    // The label and the words are page text; the bar beside them is hidden from screen readers and drawn to scale.
    const online = rows[modules.indexOf(shortCourse.modules[0]!)]!;
    expect(within(online).getByText(moduleTitle(shortCourse.modules[0]!))).toBeVisible();
    expect(within(online).getByText('3 of 4 (75%)')).toBeVisible();
    expect(online.querySelector('[aria-hidden="true"] .chart__fill')).toHaveStyle({ width: '75%' });
    // The text alternative: the same numbers in a table.
    const table = within(chart).getByRole('table');
    expect(within(table).getByRole('rowheader', { name: moduleTitle(shortCourse.modules[0]!) }).nextSibling).toHaveTextContent(
      '3 of 4 (75%)',
    );
  });
});

describe('the survey results', () => {
  const report: SurveyReport = {
    about: { moduleId: modules[1]! },
    responses: 4,
    items: { relevant: [0, 0, 1, 1, 2], useful: [0, 1, 1, 1, 1], willUse: [0, 0, 0, 2, 2], overall: [1, 0, 0, 2, 1] },
    comments: ['Примерите бяха полезни.'],
  };

  it('names each item once, as a heading under the module’s, with its answers as rows of text', async () => {
    signInAs('coordinator', 'dace', 'Dace');
    await renderRoute('/reports/surveys', (url) =>
      url.pathname === '/api/reports/surveys' ? json([report]) : url.pathname === '/api/events' ? json([]) : undefined,
    );
    const section = await screen.findByRole('region', { name: `Module: ${moduleTitle(modules[1]!)}` }, { timeout: 5000 });
    expect(section).toHaveTextContent('4 responses');
    expect(section).toHaveTextContent('Satisfied overall: 75% (3 of 4)');
    // The answers are behind a disclosure, closed until the coordinator opens it.
    const details = section.querySelector('details')!;
    expect(details.open).toBe(false);
    await userEvent.setup().click(within(section).getByText('Answers to each statement, and comments', { selector: 'summary' }));
    expect(details.open).toBe(true);
    const item = 'The topic is relevant to my work.';
    expect(within(section).getAllByText(item)).toHaveLength(1);
    expect(within(section).getByRole('heading', { level: 3, name: item })).toBeInTheDocument();
    expect(
      within(section)
        .getAllByRole('heading')
        .map((h) => `${h.tagName} ${h.textContent}`),
    ).toEqual([
      `H2 Module: ${moduleTitle(modules[1]!)}`,
      `H3 ${item}`,
      'H3 The materials were useful.',
      'H3 I will use this in my work.',
      'H3 Overall, I am satisfied.',
      'H3 Comments',
    ]);
    // The page's outline never skips a level.
    const levels = screen.getAllByRole('heading').map((h) => Number(h.tagName.slice(1)));
    expect(levels[0]).toBe(1);
    expect(levels.filter((level, i) => i > 0 && level > levels[i - 1]! + 1)).toEqual([]);

    const chart = within(section).getByRole('figure', { name: item });
    expect(chart.querySelector('svg')).toBeNull();
    expect(
      within(chart)
        .getAllByRole('listitem')
        .map((row) => row.textContent),
    ).toEqual(['Fully agree2 (50%)', 'Agree1 (25%)', 'Neither agree nor disagree1 (25%)', 'Disagree0 (0%)', 'Fully disagree0 (0%)']);
  });

  it('opens every report for print, so the paper has all the answers', async () => {
    signInAs('coordinator', 'dace', 'Dace');
    const event: SurveyReport = { ...report, about: { eventId: 'e1' } };
    await renderRoute('/reports/surveys', (url) =>
      url.pathname === '/api/reports/surveys' ? json([report, event]) : url.pathname === '/api/events' ? json([]) : undefined,
    );
    await screen.findByRole('region', { name: `Module: ${moduleTitle(modules[1]!)}` }, { timeout: 5000 });
    const disclosures = () => [...document.querySelectorAll<HTMLDetailsElement>('.survey-report > details')].map((d) => d.open);
    expect(disclosures()).toEqual([false, false]);
    window.dispatchEvent(new Event('beforeprint'));
    expect(disclosures()).toEqual([true, true]);
  });
});
