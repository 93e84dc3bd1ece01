import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFile, json, moduleContent, renderRoute, replaceContentFile, signInMentorForEachTest } from './render';
import { failedAttempt, learnerReport } from './learnerReport';
import { setSignedInAccount } from '../../../../src/client/db/identity';
import type { Catalog, QuizQuestion } from '../../../../src/shared/content/compiled';
import type { AttentionItem, CohortDashboard, CourseEvent, LearnerReport, SurveyReport } from '../../../../src/shared/mentoring/contract';
import { LEARNER_PRIVATE_VERBS } from '../../../../src/shared/xapi/privacy';

const catalog = contentFile<Catalog>('content/catalog.json');
/**
 * The cohort's grid shows ten of the catalogue's modules: enough columns for sorting, paging
 * and the attention list, and a DOM small enough for jsdom's role queries (all 38 modules x
 * 50 rows made each query take seconds; the real grid's speed is measured in Chromium by
 * tests/bench/grid-render.ts).
 */
const modules = catalog.modules.slice(0, 10).map((m) => m.id);
const curriculum = catalog.curricula[0]!.id;
const shortCourse = catalog.curricula.find((c) => c.id === 'e-services-everyday')!;

/**
 * A cohort of 120 learners with varied progress; learner 7 has not been active and needs attention.
 * Hours: face-to-face 20 approved for even learners and 10 for odd ones; online 160 for the first 30;
 * work-based 12 for the first 10; 2 project hours waiting for every third learner.
 */
function cohort(): CohortDashboard {
  const learners = Array.from({ length: 120 }, (_, i) => ({
    id: `l${i}`,
    name: i === 0 ? 'Ōzola Anna' : `Learner ${String(i).padStart(3, '0')}`,
    login: `learner${i}`,
    lastSyncAt: i === 7 ? null : '2024-05-01T10:00:00.000Z',
    lastActivityAt: i === 7 ? null : `2024-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    modulesCompleted: i === 7 ? 0 : i % 4,
    secondsSpent: i === 7 ? 0 : i * 600,
    pathways: { [curriculum]: (i % 4) * 10 },
    hours: {
      approved: { 'face-to-face': i % 2 === 0 ? 20 : 10, ...(i < 30 ? { online: 160 } : {}), ...(i < 10 ? { 'work-based': 12 } : {}) },
      pending: i % 3 === 0 ? { project: 2 } : {},
    },
  }));
  return {
    cohort: { id: 'c1', name: 'Rīga 2024' },
    generatedAt: '2024-05-02T08:00:00.000Z',
    inactiveDays: 14,
    modules,
    learners,
    cells: learners.flatMap((l) =>
      modules.slice(0, l.modulesCompleted).map((moduleId) => ({
        learnerId: l.id,
        moduleId,
        status: 'completed' as const,
        bestScore: 0.8,
        secondsSpent: 1200,
        lessonsCompleted: 3,
        assignment: 'none' as const,
      })),
    ),
    attention: [{ learnerId: 'l7', reason: 'inactive' }],
  };
}

/** Catches what the page downloads: the files it makes object URLs for, and the clicks on the download link (restore after). */
function catchDownloads() {
  const blobs: Blob[] = [];
  URL.createObjectURL = vi.fn((blob: Blob) => {
    blobs.push(blob);
    return 'blob:test';
  });
  URL.revokeObjectURL = vi.fn();
  const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
  return { blobs, click };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

const grid = () => screen.getByRole('table', { name: /Each learner's progress/ });

signInMentorForEachTest();

describe('the cohort dashboard', () => {
  it('renders a page of learners, filters, sorts and paginates', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/^Data from /)).toBeInTheDocument();

    const table = grid();
    expect(await within(table).findByRole('columnheader', { name: catalog.modules[0]!.title.en })).toBeInTheDocument();
    for (const name of ['Learner', 'Last activity', 'Last sync', 'Modules completed'])
      expect(within(table).getByRole('columnheader', { name })).toHaveAttribute('scope', 'col');
    expect(within(table).getByRole('columnheader', { name: 'Learner' })).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Showing 1–50 of 120 learners.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 51–100 of 120 learners.')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find a learner by name' }), 'ozola');
    expect(screen.getByText('Showing 1–1 of 1 learner.')).toBeInTheDocument();
    expect(within(grid()).getByRole('link', { name: 'Ōzola Anna' })).toHaveAttribute('href', '/mentor/learners/l0');

    await user.clear(screen.getByRole('searchbox', { name: 'Find a learner by name' }));
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));
    const rows = within(grid()).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Learner 007');
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress' }), 'Not started');
    expect(screen.getByText('Showing 1–1 of 1 learner.')).toBeInTheDocument();
    expect(within(grid()).getAllByRole('row')[1]).toHaveTextContent('Learner 007');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress' }), 'Everyone');

    await user.click(screen.getByRole('button', { name: /Modules completed/ }));
    expect(screen.getByRole('columnheader', { name: /Modules completed/ })).toHaveAttribute('aria-sort', 'descending');
    expect(within(grid()).getAllByRole('row')[1]).toHaveTextContent(`3 of ${modules.length}`);

    const attention = screen.getByRole('heading', { name: 'Needs attention (1)' }).closest('section')!;
    expect(within(attention).getByRole('link', { name: 'Learner 007' })).toHaveAttribute('href', '/mentor/learners/l7');
  }, 30_000);

  it('says a module’s status in the words the learner sees (“Completed”, not “Done”)', async () => {
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    await dashboardShown();
    expect(within(grid()).getAllByText('Completed', { selector: '.visually-hidden' }).length).toBeGreaterThan(0);
    expect(within(grid()).queryAllByText('Done')).toEqual([]);
  });

  it('marks module and pathway column titles with their language: English in the Italian UI, Latvian in the Latvian one', async () => {
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    await dashboardShown();
    const first = catalog.modules[0]!;
    const pathway = catalog.curricula[0]!;
    // The table keeps its element while its caption changes language.
    const table = grid();
    try {
      await i18next.changeLanguage('it');
      const header = await within(table).findByRole('columnheader', { name: first.title.en });
      expect(header).toHaveAttribute('lang', 'en');
      expect(within(table).getByRole('columnheader', { name: pathway.title.en })).toHaveAttribute('lang', 'en');
      // The UI's own column titles are in Italian, with no lang of their own.
      expect(await within(table).findByRole('columnheader', { name: i18next.t('mentor.colTime') })).not.toHaveAttribute('lang');

      await i18next.changeLanguage('lv');
      const latvian = first.title.lv ?? first.title.en;
      expect(await within(table).findByRole('columnheader', { name: latvian })).toHaveAttribute('lang', first.title.lv ? 'lv' : 'en');
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('exports progress as CSV with a BOM and headers in the mentor’s language', async () => {
    const user = userEvent.setup();
    const { blobs, click } = catchDownloads();
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    await user.click(await screen.findByRole('button', { name: 'Download progress as CSV' }));
    expect(click).toHaveBeenCalled();
    const bytes = await bytesOf(blobs[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, first] = text.split('\r\n');
    expect(header).toMatch(/^Learner,Login,Last activity,Last sync,Modules completed,Study time \(minutes\),/);
    expect(text).toContain('Ōzola Anna');
    expect(first).toContain('learner');
    click.mockRestore();
  });

  it('shows the last copy, labelled with its time, when the server cannot be reached', async () => {
    const first = await renderRoute('/mentor/cohorts/c1', (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' });
    await waitFor(async () => {
      const { cachedResponse } = await import('../../../../src/client/db/mentorCache');
      expect(await cachedResponse('/api/cohorts/c1/dashboard?inactiveDays=14')).toBeDefined();
    });
    first.unmount();
    await renderRoute('/mentor/cohorts/c1', () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' })).toBeInTheDocument();
    expect(screen.getByText(/last copy saved on this device/)).toBeInTheDocument();
  });

  it('is not shown to a learner', async () => {
    setSignedInAccount(null);
    await renderRoute('/mentor/cohorts/c1');
    expect(await screen.findByText('Only mentors and coordinators can open this page.')).toBeInTheDocument();
  });
});

/** The cohort with twelve assignments waiting (learners 20..31, one module each) and three learners' hours waiting. */
function cohortNeedingAttention(): CohortDashboard {
  const base = cohort();
  const waiting: AttentionItem[] = Array.from({ length: 12 }, (_, k) => ({
    learnerId: `l${20 + k}`,
    reason: 'assignment-waiting',
    moduleId: modules[0]!,
    since: `2024-04-${String(12 - k + 10).padStart(2, '0')}T09:00:00.000Z`,
  }));
  const hours: AttentionItem[] = [40, 41, 42].map((i) => ({
    learnerId: `l${i}`,
    reason: 'hours-waiting',
    since: '2024-04-30T09:00:00.000Z',
  }));
  return { ...base, attention: [...base.attention, ...waiting, ...hours] };
}

/** The dashboard is there, with the course titles (the catalogue loads beside the dashboard). */
async function dashboardShown() {
  await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' }, { timeout: 5000 });
  await within(grid()).findByRole('columnheader', { name: catalog.modules[0]!.title.en });
}

const attentionSection = () => screen.getByRole('heading', { name: /^Needs attention \(\d+\)$/ }).closest('section')!;
/** The people in the needs-attention list (each with the list of their reasons inside). */
const people = () => [...attentionSection().querySelectorAll<HTMLElement>('.attention-people > li')];

describe('the needs-attention list', () => {
  it('lists each learner once with their reasons under them, longest waiting first, five at first and all on request', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/cohorts/c1', (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohortNeedingAttention()) : undefined,
    );
    await dashboardShown();
    expect(screen.getByRole('heading', { name: 'Needs attention (16)' })).toBeInTheDocument();
    const first = people();
    expect(first).toHaveLength(5);
    // Never active first, then the oldest wait: learner 31's assignment has waited since 11 April.
    expect(first[0]).toHaveTextContent(/^Learner 007No activity yet$/);
    expect(within(first[1]!).getByRole('link', { name: 'Learner 031' })).toHaveAttribute('href', '/mentor/learners/l31');
    expect(within(first[1]!).getByRole('listitem')).toHaveTextContent(
      `Assignment of “${catalog.modules[0]!.title.en}” waiting for review since Apr 11, 2024`,
    );
    const more = within(attentionSection()).getByRole('button', { name: 'Show all 16' });
    expect(more).toHaveAttribute('aria-expanded', 'false');
    await user.click(more);
    expect(people()).toHaveLength(16);
    expect(within(people()[15]!).getByRole('listitem')).toHaveTextContent(/^Logged hours waiting for approval since /);
    await user.click(within(attentionSection()).getByRole('button', { name: 'Show only the first 5' }));
    expect(people()).toHaveLength(5);
  });

  it('counts people, not entries: a learner waiting for two things is one', async () => {
    const dashboard = cohortNeedingAttention();
    // Learner 20 has an assignment waiting and hours waiting too.
    dashboard.attention.push({ learnerId: 'l20', reason: 'hours-waiting', since: '2024-04-30T09:00:00.000Z' });
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(dashboard) : undefined));
    await dashboardShown();
    expect(dashboard.attention).toHaveLength(17);
    expect(screen.getByRole('heading', { name: 'Needs attention (16)' })).toBeInTheDocument();
    await userEvent.setup().click(within(attentionSection()).getByRole('button', { name: 'Show all 16' }));
    const learner20 = people().find((li) => within(li).queryByRole('link', { name: 'Learner 020' }))!;
    expect(
      within(learner20)
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([
      `Assignment of “${catalog.modules[0]!.title.en}” waiting for review since Apr 22, 2024`,
      'Logged hours waiting for approval since Apr 30, 2024',
    ]);
  });

  it('applies the inactivity threshold the mentor chooses, remembers it, and applies it to the copy saved for offline use', async () => {
    const user = userEvent.setup();
    const first = await renderRoute('/mentor/cohorts/c1', (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' });
    const threshold = screen.getByRole('combobox', { name: 'Count a learner as inactive after' });
    expect(threshold).toHaveValue('14');
    expect(
      within(threshold)
        .getAllByRole('option')
        .map((o) => o.textContent),
    ).toEqual(['7 days', '14 days', '30 days']);

    // Generated on 2 May 2024 at 08:00: last active before 2 April (learners 0, 28, 56, 84, 112) or never (learner 7).
    await user.selectOptions(threshold, '30');
    expect(screen.getByRole('heading', { name: 'Needs attention (6)' })).toBeInTheDocument();
    expect(people()[1]).toHaveTextContent(/^Learner 028No activity since Apr 1, 2024$/);
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));
    expect(screen.getByText('Showing 1–6 of 6 learners.')).toBeInTheDocument();
    expect(localStorage.getItem('biblio-study:mentor-inactive-days')).toBe('30');

    await waitFor(async () => {
      const { cachedResponse } = await import('../../../../src/client/db/mentorCache');
      expect(await cachedResponse('/api/cohorts/c1/dashboard?inactiveDays=14')).toBeDefined();
    });
    first.unmount();
    await renderRoute('/mentor/cohorts/c1', () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await screen.findByText(/last copy saved on this device/)).toBeInTheDocument();
    expect(screen.getByRole('combobox', { name: 'Count a learner as inactive after' })).toHaveValue('30');
    expect(screen.getByRole('heading', { name: 'Needs attention (6)' })).toBeInTheDocument();
  });
});

const hoursSection = () => screen.getByRole('heading', { level: 2, name: 'Hours by category' }).closest('section')!;

describe('cohort hours', () => {
  it('shows approved and waiting hours per category against the pathway the cohort is furthest in, and another on request', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    const section = await screen.findByRole('region', { name: 'Hours by category' }, { timeout: 5000 });
    const pathway = within(section).getByRole('combobox', { name: 'Requirements of the pathway' });
    expect(pathway).toHaveValue(curriculum);
    expect(within(section).getByText(/^Learners who have met every hours requirement/)).toHaveTextContent(
      'Learners who have met every hours requirement: 0 of 120 (0%).',
    );
    const chart = within(section).getByRole('figure', { name: 'Average hours per learner in each category, against the requirement' });
    const table = within(section).getByRole('table', { name: `Hours by category for “${catalog.curricula[0]!.title.en}”` });
    const row = (name: string) => within(table).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
    const texts = (name: string) => [...row(name)].map((td) => td.textContent);
    expect(texts('Face-to-face seminars')).toEqual(['20 h', '1,800 h', '0 h', '15 h', '60 of 120 (50%)']);
    expect(texts('Online and self-study')).toEqual(['160 h', '4,800 h', '0 h', '40 h', '30 of 120 (25%)']);
    expect(texts('Project-based learning')).toEqual(['40 h', '0 h', '80 h', '0 h', '0 of 120 (0%)']);
    // The chart says it in words beside each bar (averages per learner), and draws bars to scale of the requirement.
    const bars = within(chart).getAllByRole('listitem');
    expect(bars.map((bar) => bar.textContent)).toEqual([
      'Face-to-face seminars15 of 20 h',
      'Online and self-study40 of 160 h',
      'Project-based learning0 of 40 h, 0.7 h waiting',
      'Assessment0 of 20 h',
      'Work-based learning1 of 165 h',
    ]);
    const widths = (bar: HTMLElement) =>
      [...bar.querySelectorAll<HTMLElement>('[aria-hidden="true"] > span')].map((span) => `${span.className}:${span.style.width}`);
    expect(widths(bars[0]!)).toEqual(['hours-chart__track:100%', 'hours-chart__approved:75%']);
    // 0.67 h waiting on average, of 40 h required.
    expect(widths(bars[2]!)[2]).toBe('hours-chart__waiting:1.675%');

    await user.selectOptions(pathway, shortCourse.id);
    expect(hoursSection()).toHaveTextContent('Learners who have met every hours requirement: 10 of 120 (8%).');
    expect(texts('Project-based learning')).toEqual(['Not required', '0 h', '80 h', '0 h', '–']);
    expect(texts('Work-based learning')).toEqual(['12 h', '120 h', '0 h', '1 h', '10 of 120 (8%)']);
    // The printable report follows the choice.
    expect(screen.getByRole('link', { name: 'Printable report' })).toHaveAttribute(
      'href',
      `/mentor/cohorts/c1/report?pathway=${shortCourse.id}`,
    );
  }, 30_000);

  it('shows the same hours section in the printable report, for the pathway in the address', async () => {
    await renderRoute(`/mentor/cohorts/c1/report?pathway=${shortCourse.id}`, (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined,
    );
    const section = await screen.findByRole('region', { name: 'Hours by category' }, { timeout: 5000 });
    expect(section).toHaveTextContent(`Each learner’s hours measured against what “${shortCourse.title.en}” requires.`);
    expect(section).toHaveTextContent('Learners who have met every hours requirement: 10 of 120 (8%).');
    // Each learner's approved hours against the pathway's total, and whether every requirement is met.
    const row = screen.getByRole('rowheader', { name: 'Learner 003' }).closest('tr')!;
    expect([...row.querySelectorAll('td')].slice(-2).map((td) => td.textContent)).toEqual(['182 of 18 h', 'Yes']);
    const late = screen.getByRole('rowheader', { name: 'Learner 030' }).closest('tr')!;
    expect([...late.querySelectorAll('td')].slice(-2).map((td) => td.textContent)).toEqual(['20 of 18 h', 'No']);
    // The learners' table scrolls sideways on a phone in a named region a keyboard can reach.
    const scroller = screen.getByRole('region', { name: 'Learners and modules' });
    expect(scroller).toHaveAttribute('tabindex', '0');
    expect(scroller).toContainElement(row);
  });

  it('exports one row of hours per learner, for the chosen pathway, with a BOM and headers in the mentor’s language', async () => {
    const user = userEvent.setup();
    const { blobs, click } = catchDownloads();
    await renderRoute(`/mentor/cohorts/c1?pathway=${shortCourse.id}`, (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined,
    );
    await user.click(await screen.findByRole('button', { name: 'Download hours as CSV' }, { timeout: 5000 }));
    expect(click).toHaveBeenCalled();
    const bytes = await bytesOf(blobs[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const lines = new TextDecoder().decode(bytes.slice(3)).split('\r\n');
    expect(lines[0]).toMatch(/^Learner,Login,Face-to-face seminars: approved \(h\),Face-to-face seminars: waiting for approval \(h\),/);
    expect(lines[0]!.endsWith(',Work-based learning: required (h),Every hours requirement met')).toBe(true);
    expect(lines).toHaveLength(122); // header, 120 learners, the empty line after the last CRLF
    expect(lines.find((line) => line.startsWith('Learner 003,'))).toBe('Learner 003,learner3,10,0,0,160,0,6,0,2,0,0,0,0,12,0,12,Yes');
    expect(lines.find((line) => line.startsWith('Learner 030,'))).toBe('Learner 030,learner30,20,0,0,0,0,6,0,2,0,0,0,0,0,0,12,No');
    click.mockRestore();
  });
});

describe('the learner page', () => {
  const quizModule = catalog.modules.find((m) => m.quiz)!;
  const questions = moduleContent(quizModule.id).quiz!.questions;
  const single = questions.find((q): q is Extract<QuizQuestion, { type: 'single' }> => q.type === 'single')!;
  const wrong = single.options.find((o) => o.id !== single.answer)!;
  const right = single.options.find((o) => o.id === single.answer)!;
  const truefalse = questions.find((q): q is Extract<QuizQuestion, { type: 'truefalse' }> => q.type === 'truefalse');

  const report = (): LearnerReport =>
    learnerReport({
      learner: { ...cohort().learners[1]!, id: 'l1' },
      attempts: [
        failedAttempt({
          moduleId: quizModule.id,
          moduleVersion: 1,
          answers: [
            { questionId: single.id, response: wrong.id, success: false },
            ...(truefalse ? [{ questionId: truefalse.id, response: String(truefalse.answer), success: true }] : []),
          ],
        }),
      ],
    });

  it('shows quiz answers as the question and option texts, marked right or wrong, with the right answer', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report()) : undefined));
    const attempts = await screen.findByRole('region', { name: 'Quiz attempts' }, { timeout: 5000 });
    const summary = await within(attempts).findByText((text) => text.startsWith(`${quizModule.title.en}, `), { selector: 'summary' });
    // The version the attempt was scored on, so a newer version of the module does not hide it.
    expect(summary).toHaveTextContent(/Not passed \(module version 1\)$/);
    await user.click(summary);
    const row = (await within(attempts).findByRole('rowheader', { name: single.text })).closest('tr')!;
    const [answer, result] = within(row).getAllByRole('cell');
    expect(answer).toHaveTextContent(wrong.text);
    expect(result).toHaveTextContent(/^Wrong/);
    expect(within(result!).getByText(/^Right answer:/)).toHaveTextContent(`Right answer: ${right.text}`);
    expect(within(attempts).queryByText(wrong.id, { exact: true })).toBeNull();
    if (truefalse) {
      const [tfAnswer, tfResult] = within(within(attempts).getByRole('rowheader', { name: truefalse.text }).closest('tr')!).getAllByRole(
        'cell',
      );
      expect(tfAnswer).toHaveTextContent(truefalse.answer ? 'True' : 'False');
      expect(tfResult).toHaveTextContent(/^Right/);
    }
  });
});

describe('the learner page after a module update', () => {
  const updated = catalog.modules.find((m) => m.lessons.length >= 3)!;
  const [first, second] = updated.lessons;
  const removed = updated.lessons.at(-1)!;
  const unchanged = catalog.modules.find((m) => m.id !== updated.id)!;
  let undo: () => void = () => undefined;
  /** The server now serves version 2 of the module, without its last lesson. */
  beforeEach(() => {
    const modules = catalog.modules.map((m) =>
      m.id === updated.id ? { ...m, version: 2, lessons: m.lessons.filter((l) => l.id !== removed.id) } : m,
    );
    undo = replaceContentFile('content/catalog.json', { ...catalog, modules });
  });
  afterEach(() => undo());

  const report = (): LearnerReport =>
    learnerReport({
      learner: { ...cohort().learners[1]!, id: 'l1' },
      lessons: [
        { moduleId: updated.id, lessonId: second!.id, completedVersion: 1 },
        { moduleId: updated.id, lessonId: removed.id, completedVersion: 1 },
        { moduleId: updated.id, lessonId: first!.id, completedVersion: 2 },
        { moduleId: unchanged.id, lessonId: unchanged.lessons[0]!.id, completedVersion: 1 },
        // Its statement named no version: nothing to say about it.
        { moduleId: unchanged.id, lessonId: unchanged.lessons[1]!.id },
      ],
    });

  it('says which lessons were completed on an earlier version of their module, in the learner’s words', async () => {
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report()) : undefined));
    const section = (await screen.findByRole('heading', { name: 'Lessons completed on an earlier version' }, { timeout: 5000 })).closest(
      'section',
    )!;
    // Only the module whose version changed, its lessons in the module's order, a removed lesson by its id.
    expect(
      within(section)
        .getAllByRole('heading', { level: 4 })
        .map((h) => h.textContent),
    ).toEqual([updated.title.en]);
    const name = removed.id.replace(/-/g, ' ');
    expect(
      within(within(section).getByRole('list', { name: updated.title.en }))
        .getAllByRole('listitem')
        .map((li) => li.textContent),
    ).toEqual([`${second!.title.en} Completed on version 1`, `${name.charAt(0).toUpperCase()}${name.slice(1)} Completed on version 1`]);
  });

  it('says nothing of versions for a report saved before the server sent its lessons', async () => {
    const { lessons: _left, ...saved } = report();
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(saved) : undefined));
    expect(await screen.findByRole('heading', { name: 'Quiz attempts' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.queryByRole('heading', { name: 'Lessons completed on an earlier version' })).toBeNull();
  });
});

describe('a mentor’s decision on an assignment', () => {
  it('takes the focus of the Accept button it replaces', async () => {
    const user = userEvent.setup();
    const moduleId = catalog.modules[0]!.id;
    const report = learnerReport({
      learner: { ...cohort().learners[1]!, id: 'l1' },
      // The learner's own statement names the agent the review addresses.
      timeline: [
        {
          id: '00000000-0000-4000-8000-000000000001',
          actor: { objectType: 'Agent', account: { homePage: 'https://library.test/xapi', name: 'l1' } },
          verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
          object: { objectType: 'Activity', id: `https://library.test/xapi/activities/module/${moduleId}/lesson/l1` },
          timestamp: '2024-04-20T10:00:00.000Z',
        },
      ],
      assignments: [
        {
          moduleId,
          status: 'submitted',
          submissions: [
            { statementId: '00000000-0000-4000-8000-000000000001', text: 'My catalogue records.', at: '2024-04-20T10:00:00.000Z' },
          ],
          reviews: [],
        },
      ],
    });
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report) : undefined));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Assignments' }, { timeout: 5000 })).closest('section')!;
    // The module's title is course text, marked with its language.
    expect(
      await within(section).findByRole('heading', { level: 3, name: catalog.modules[0]!.title.en }, { timeout: 5000 }),
    ).toHaveAttribute('lang', 'en');
    await user.type(within(section).getByRole('textbox', { name: 'Your feedback to the learner' }), 'Well organised.');
    await user.click(within(section).getByRole('button', { name: 'Accept' }));
    const decision = await within(section).findByText('Accepted');
    await waitFor(() => expect(decision.closest('.decision')).toHaveFocus());
    expect(within(section).queryByRole('button', { name: 'Accept' })).toBeNull();
  });
});

describe('the assignments on the learner page', () => {
  const [accepted, recent, oldest] = catalog.modules.slice(0, 3).map((m) => m.id) as [string, string, string];
  const id = (n: number) => `00000000-0000-4000-8000-00000000000${n}`;
  const report = learnerReport({
    learner: { ...cohort().learners[1]!, id: 'l1' },
    timeline: [
      {
        id: id(1),
        actor: { objectType: 'Agent', account: { homePage: 'https://library.test/xapi', name: 'l1' } },
        verb: { id: 'http://adlnet.gov/expapi/verbs/completed' },
        object: { objectType: 'Activity', id: `https://library.test/xapi/activities/module/${accepted}/lesson/l1` },
        timestamp: '2024-04-20T10:00:00.000Z',
      },
    ],
    // In the course's order: one accepted, one sent on 2 May, one sent on 25 April.
    assignments: [
      {
        moduleId: accepted,
        status: 'accepted',
        submissions: [{ statementId: id(1), text: 'Accepted work.', at: '2024-04-18T10:00:00.000Z' }],
        reviews: [
          { statementId: id(4), targetId: id(1), accepted: true, comment: 'Good.', at: '2024-04-19T10:00:00.000Z', mentorName: 'Ivo' },
        ],
      },
      {
        moduleId: recent,
        status: 'submitted',
        submissions: [{ statementId: id(2), text: 'Recent work.', at: '2024-05-02T10:00:00.000Z' }],
        reviews: [],
      },
      {
        moduleId: oldest,
        status: 'submitted',
        submissions: [{ statementId: id(3), text: 'Oldest work.', at: '2024-04-25T10:00:00.000Z' }],
        reviews: [],
      },
    ],
  });
  const titleOf = (moduleId: string) => catalog.modules.find((m) => m.id === moduleId)!.title.en;

  it('come waiting first, the longest waiting at the top, and stay in place after a decision', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report) : undefined));
    const section = (await screen.findByRole('heading', { level: 2, name: 'Assignments' }, { timeout: 5000 })).closest('section')!;
    const order = () =>
      within(section)
        .getAllByRole('heading', { level: 3 })
        .map((h) => h.textContent);
    await waitFor(() => expect(order()).toEqual([titleOf(oldest), titleOf(recent), titleOf(accepted)]));
    expect(within(section).getByText(/^Waiting for your review: 2\./)).toBeInTheDocument();

    const first = within(section).getAllByRole('article')[0]!;
    await user.click(within(first).getByRole('button', { name: 'Accept' }));
    const decision = await within(first).findByText('Accepted');
    await waitFor(() => expect(decision.closest('.decision')).toHaveFocus());
    expect(order()).toEqual([titleOf(oldest), titleOf(recent), titleOf(accepted)]);
    expect(within(section).getByText(/^Waiting for your review: 1\./)).toBeInTheDocument();
  });
});

describe("the learner page's timeline", () => {
  it('never lists what is private to the learner, even when the report holds it', async () => {
    const moduleId = catalog.modules[0]!.id;
    const lesson = `https://library.test/xapi/activities/module/${moduleId}/lesson/l1`;
    const made = (n: number, verb: string) => ({
      id: `00000000-0000-4000-8000-00000000000${n}`,
      actor: { objectType: 'Agent' as const, account: { homePage: 'https://library.test/xapi', name: 'l1' } },
      verb: { id: verb },
      object: { objectType: 'Activity' as const, id: lesson },
      timestamp: `2024-04-2${n}T10:00:00.000Z`,
    });
    const timeline = [made(1, 'http://adlnet.gov/expapi/verbs/completed'), ...LEARNER_PRIVATE_VERBS.map((verb, i) => made(i + 2, verb))];
    const report = learnerReport({ learner: { ...cohort().learners[1]!, id: 'l1' }, timeline });
    await renderRoute('/mentor/learners/l1', (url) => (url.pathname === '/api/learners/l1/report' ? json(report) : undefined));
    const section = await screen.findByRole('region', { name: 'Activity' }, { timeout: 5000 });
    expect(within(section).getAllByRole('listitem')).toHaveLength(1);
    expect(within(section).getByRole('listitem')).toHaveTextContent(/Completed a lesson in/);
    expect(within(section).queryByText(/Wrote a note in|Bookmarked a lesson in|Read in|Worked on the assignment of/)).toBeNull();

    // Both scrollers of the page are named (apart from their sections) and reachable by Tab.
    for (const name of ['Activity, newest first', 'Status, progress, best score and study time per module']) {
      expect(screen.getByRole('region', { name })).toHaveAttribute('tabindex', '0');
    }
    expect(within(screen.getByRole('region', { name: 'Activity, newest first' })).getAllByRole('listitem')).toHaveLength(1);
  });
});

describe('the survey results', () => {
  const moduleId = catalog.modules[1]!.id;
  const reports: SurveyReport[] = [
    {
      about: { moduleId },
      responses: 4,
      items: { relevant: [0, 0, 1, 1, 2], useful: [0, 1, 1, 1, 1], willUse: [0, 0, 0, 2, 2], overall: [1, 0, 0, 2, 1] },
      comments: ['Примерите бяха полезни.'],
    },
    {
      about: { eventId: 'e1' },
      responses: 2,
      items: { relevant: [0, 0, 0, 0, 2], useful: [0, 0, 0, 1, 1], willUse: [0, 0, 0, 0, 2], overall: [0, 0, 2, 0, 0] },
      comments: [],
    },
  ];
  const events: CourseEvent[] = [{ id: 'e1', title: 'Seminārs Rīgā', date: '2024-04-10', cohortId: null }];

  it('starts with an overview: responses and overall satisfaction per module and event, each linking to its details', async () => {
    setSignedInAccount({
      id: 'k1',
      login: 'dace',
      name: 'Dace',
      role: 'coordinator',
      actor: { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'dace' } },
    });
    await renderRoute('/reports/surveys', (url) =>
      url.pathname === '/api/reports/surveys' ? json(reports) : url.pathname === '/api/events' ? json(events) : undefined,
    );
    const title = catalog.modules[1]!.title.en;
    const overview = await screen.findByRole(
      'table',
      { name: 'Responses and overall satisfaction per module and event' },
      { timeout: 5000 },
    );
    const link = await within(overview).findByRole('link', { name: `Module: ${title}` });
    expect(link).toHaveAttribute('href', `#survey-module-${moduleId}`);
    const cells = (name: string) => within(overview).getByRole('rowheader', { name }).closest('tr')!.querySelectorAll('td');
    expect([...cells(`Module: ${title}`)].map((td) => td.textContent)).toEqual(['4', '75% (3 of 4)']);
    expect([...cells('Event: Seminārs Rīgā')].map((td) => td.textContent)).toEqual(['2', '0% (0 of 2)']);
    const section = document.getElementById(`survey-module-${moduleId}`)!;
    expect(within(section).getByRole('heading', { level: 2 })).toHaveTextContent(`Module: ${title}`);
    expect(within(section).getByText('Примерите бяха полезни.')).toBeInTheDocument();
    // Each report's answers are folded away; the overview's link opens the one it leads to.
    const details = (about: string) => document.getElementById(about)!.querySelector(':scope > details')!;
    expect(details(`survey-module-${moduleId}`)).not.toHaveAttribute('open');
    await userEvent.setup().click(link);
    expect(details(`survey-module-${moduleId}`)).toHaveAttribute('open');
    expect(details('survey-event-e1')).not.toHaveAttribute('open');
  });
});
