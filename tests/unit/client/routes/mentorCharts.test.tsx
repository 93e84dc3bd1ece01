/*
 * The mentor's and coordinator's charts and the printable report, at the route level: completion
 * counted against the pathway the page shows (not the whole catalogue), chart rows as page text
 * (CSS bars, not SVG), and each survey item named once.
 */
import { screen, within } from '@testing-library/react';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { contentFile, json, renderRoute, resetLearner, signInAs } from './render';
import { resetIdentityCache, setSignedInAccount } from '../../../../src/client/db/identity';
import type { Catalog } from '../../../../src/shared/content/compiled';
import type { CohortDashboard, DashboardCell, DashboardLearner } from '../../../../src/shared/mentoring/contract';

const catalog = contentFile<Catalog>('content/catalog.json');
const modules = catalog.modules.map((m) => m.id);
const shortCourse = catalog.curricula.find((c) => c.id === 'e-services-everyday')!;
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

beforeEach(async () => {
  await resetLearner();
  resetIdentityCache();
  signInAs('mentor', 'ivo', 'Ivo');
});

afterEach(() => setSignedInAccount(null));

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
