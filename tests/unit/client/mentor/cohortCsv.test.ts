import { describe, expect, it } from 'vitest';
import { cohortHoursRows, type HoursCsvWords } from '../../../../src/client/features/mentor/cohortCsv';
import { toCsv } from '../../../../src/shared/mentoring/csv';
import type { CohortDashboard, DashboardLearner, LearnerHours } from '../../../../src/shared/mentoring/contract';

const person = (id: string, name: string, hours: LearnerHours): DashboardLearner => ({
  id,
  name,
  login: id,
  lastSyncAt: null,
  lastActivityAt: null,
  modulesCompleted: 0,
  secondsSpent: 0,
  pathways: {},
  hours,
});

const dashboard = (learners: DashboardLearner[]): CohortDashboard => ({
  cohort: { id: 'c1', name: 'София' },
  generatedAt: '2026-03-31T12:00:00.000Z',
  inactiveDays: 14,
  modules: [],
  learners,
  cells: [],
  attention: [],
});

/** Bulgarian headers, as a Bulgarian mentor's download has them. */
const words: HoursCsvWords = {
  headers: { learner: 'Обучаем', login: 'Потребител', metAll: 'Всички изисквания са изпълнени' },
  approved: (c) => `${c}: одобрени (ч)`,
  waiting: (c) => `${c}: очакват одобрение (ч)`,
  required: (c) => `${c}: изисквани (ч)`,
  yes: 'Да',
  no: 'Не',
};

describe('cohortHoursRows', () => {
  const required = { online: 6, 'work-based': 12 };

  it('has one row per learner with approved, waiting and required hours per category, and whether every requirement is met', () => {
    const rows = cohortHoursRows(
      dashboard([
        person('ivan', 'Иван Петров', { approved: { online: 6.25, 'work-based': 12 }, pending: { project: 1.5 } }),
        person('maria', 'Мария Иванова', { approved: { online: 2 }, pending: { 'work-based': 12 } }),
      ]),
      required,
      words,
    );
    expect(rows[0]).toEqual([
      'Обучаем',
      'Потребител',
      'face-to-face: одобрени (ч)',
      'face-to-face: очакват одобрение (ч)',
      'face-to-face: изисквани (ч)',
      'online: одобрени (ч)',
      'online: очакват одобрение (ч)',
      'online: изисквани (ч)',
      'project: одобрени (ч)',
      'project: очакват одобрение (ч)',
      'project: изисквани (ч)',
      'assessment: одобрени (ч)',
      'assessment: очакват одобрение (ч)',
      'assessment: изисквани (ч)',
      'work-based: одобрени (ч)',
      'work-based: очакват одобрение (ч)',
      'work-based: изисквани (ч)',
      'Всички изисквания са изпълнени',
    ]);
    expect(rows.slice(1)).toEqual([
      ['Иван Петров', 'ivan', '0', '0', '0', '6.25', '0', '6', '0', '1.5', '0', '0', '0', '0', '12', '0', '12', 'Да'],
      ['Мария Иванова', 'maria', '0', '0', '0', '2', '0', '6', '0', '0', '0', '0', '0', '0', '0', '12', '12', 'Не'],
    ]);
  });

  it('goes through the shared CSV writer: a BOM, CRLF lines, Cyrillic kept as it is', () => {
    const text = toCsv(cohortHoursRows(dashboard([person('ivan', 'Иван, „Ваньо“', { approved: {}, pending: {} })]), required, words));
    expect(text.startsWith('\uFEFFОбучаем,Потребител,')).toBe(true);
    expect(text.split('\r\n')[1]).toBe('"Иван, „Ваньо“",ivan,0,0,0,0,0,6,0,0,0,0,0,0,0,0,12,Не');
  });

  it('gives a header row alone for a cohort without learners', () => {
    expect(cohortHoursRows(dashboard([]), required, words)).toHaveLength(1);
  });
});
