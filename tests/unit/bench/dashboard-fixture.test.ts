/** The generated cohort dashboard of the browser benchmark (tests/bench/dashboard-fixture.ts): deterministic, and the server's contract. */
import { describe, expect, it } from 'vitest';
import { benchModuleIds, cohortDashboardFixture, type DashboardFixtureOptions } from '../../bench/dashboard-fixture';
import type { CatalogCurriculum } from '../../../src/shared/content/compiled';
import { HOUR_CATEGORIES } from '../../../src/shared/content/locales';
import type { CohortDashboard } from '../../../src/shared/mentoring/contract';

const catalogueIds = ['online-safety', 'e-identity-and-e-signature', 'online-public-services', 'digitising-local-heritage'];
const moduleIds = benchModuleIds(catalogueIds, 10);
const curriculum = (id: string, modules: string[]): CatalogCurriculum => ({
  id,
  title: { en: id },
  summary: { en: '' },
  modules,
  hours: { 'face-to-face': 20, online: 160 },
});
const curricula = [
  curriculum('safety', ['online-safety', 'e-identity-and-e-signature']),
  curriculum('heritage', ['digitising-local-heritage']),
];
const NOW = new Date('2026-03-10T12:00:00.000Z');
const options: DashboardFixtureOptions = { cohort: { id: 'cohort-1', name: 'Riga 2026' }, learners: 200, moduleIds, curricula, now: NOW };

const cellKey = (learnerId: string, moduleId: string) => `${learnerId} ${moduleId}`;

describe('benchModuleIds', () => {
  it('keeps the catalogue ids in order, then repeats them with a part number', () => {
    expect(moduleIds.slice(0, 4)).toEqual(catalogueIds);
    expect(moduleIds.slice(4, 6)).toEqual(['online-safety-part-2', 'e-identity-and-e-signature-part-2']);
    expect(moduleIds[8]).toBe('online-safety-part-3');
    expect(new Set(benchModuleIds(catalogueIds, 38)).size).toBe(38);
  });

  it('needs a catalogue', () => {
    expect(() => benchModuleIds([], 3)).toThrow(/no modules/);
  });
});

describe('cohortDashboardFixture', () => {
  const dashboard = cohortDashboardFixture(options);

  it('gives the same dashboard for the same options, another for another seed', () => {
    expect(JSON.stringify(cohortDashboardFixture(options))).toBe(JSON.stringify(dashboard));
    expect(JSON.stringify(cohortDashboardFixture({ ...options, seed: 5 }))).not.toBe(JSON.stringify(dashboard));
  });

  it('has the cohort, the time and the modules asked for', () => {
    expect(dashboard.cohort).toEqual(options.cohort);
    expect(dashboard.generatedAt).toBe(NOW.toISOString());
    expect(dashboard.inactiveDays).toBe(14);
    expect(dashboard.modules).toEqual(moduleIds);
  });

  it('lists one learner per id, with distinct logins, in name order', () => {
    expect(dashboard.learners).toHaveLength(200);
    expect(new Set(dashboard.learners.map((l) => l.id)).size).toBe(200);
    expect(new Set(dashboard.learners.map((l) => l.login)).size).toBe(200);
    const names = dashboard.learners.map((l) => l.name);
    expect(names).toEqual([...names].sort());
  });

  it('has one cell per learner and known module, and none other', () => {
    const learnerIds = new Set(dashboard.learners.map((l) => l.id));
    const known = new Set(moduleIds);
    expect(dashboard.cells).toHaveLength(200 * moduleIds.length);
    expect(new Set(dashboard.cells.map((c) => cellKey(c.learnerId, c.moduleId))).size).toBe(dashboard.cells.length);
    for (const cell of dashboard.cells) {
      expect(learnerIds.has(cell.learnerId)).toBe(true);
      expect(known.has(cell.moduleId)).toBe(true);
    }
  });

  it('keeps totals consistent with the cells', () => {
    for (const learner of dashboard.learners) {
      const cells = dashboard.cells.filter((c) => c.learnerId === learner.id);
      expect(learner.modulesCompleted).toBe(cells.filter((c) => c.status === 'completed').length);
      expect(learner.secondsSpent).toBe(cells.reduce((sum, c) => sum + c.secondsSpent, 0));
      expect(Object.keys(learner.pathways).sort()).toEqual(['heritage', 'safety']);
      for (const percent of Object.values(learner.pathways)) expect(percent).toBeGreaterThanOrEqual(0);
      for (const percent of Object.values(learner.pathways)) expect(percent).toBeLessThanOrEqual(100);
      for (const cell of cells) {
        if (cell.status === 'not-started') expect([cell.secondsSpent, cell.bestScore, cell.assignment]).toEqual([0, null, 'none']);
        if (cell.bestScore !== null) expect(cell.bestScore * 8).toBe(Math.round(cell.bestScore * 8));
      }
    }
  });

  it('gives hours per known category, in hours with two decimals, online from the measured study time', () => {
    for (const { hours, secondsSpent } of dashboard.learners) {
      for (const [category, value] of [...Object.entries(hours.approved), ...Object.entries(hours.pending)]) {
        expect(HOUR_CATEGORIES).toContain(category);
        expect(value).toBeGreaterThan(0);
        expect(Math.round(value * 100)).toBeCloseTo(value * 100, 6);
      }
      expect(hours.approved.online ?? 0).toBeCloseTo(Math.round((secondsSpent / 3600) * 100) / 100, 6);
      expect(hours.pending.online).toBeUndefined();
    }
  });

  it('never dates anything after generatedAt, and syncs after the last activity', () => {
    for (const learner of dashboard.learners) {
      if (learner.lastActivityAt === null) expect(learner.lastSyncAt).toBeNull();
      else expect(learner.lastSyncAt! >= learner.lastActivityAt && learner.lastSyncAt! < NOW.toISOString()).toBe(true);
    }
    for (const item of dashboard.attention) if (item.since) expect(item.since < NOW.toISOString()).toBe(true);
  });

  it('lists in needs-attention exactly what the learners and cells say', () => {
    const learners = new Map(dashboard.learners.map((l) => [l.id, l]));
    const cells = new Map(dashboard.cells.map((c) => [cellKey(c.learnerId, c.moduleId), c]));
    const cutoff = new Date(NOW.getTime() - 14 * 86_400_000).toISOString();
    const reasons = (reason: string) => dashboard.attention.filter((a) => a.reason === reason);
    for (const item of dashboard.attention) expect(learners.has(item.learnerId)).toBe(true);

    const inactive = dashboard.learners.filter((l) => l.lastActivityAt === null || l.lastActivityAt < cutoff).map((l) => l.id);
    expect(
      reasons('inactive')
        .map((a) => a.learnerId)
        .sort(),
    ).toEqual(inactive.sort());
    for (const item of reasons('inactive')) expect(item.since ?? null).toBe(learners.get(item.learnerId)!.lastActivityAt);

    const waiting = dashboard.cells.filter((c) => c.assignment === 'submitted').map((c) => cellKey(c.learnerId, c.moduleId));
    expect(
      reasons('assignment-waiting')
        .map((a) => cellKey(a.learnerId, a.moduleId!))
        .sort(),
    ).toEqual(waiting.sort());

    for (const item of reasons('quiz-failed-twice')) expect(cells.get(cellKey(item.learnerId, item.moduleId!))?.status).toBe('in-progress');

    const withPendingHours = dashboard.learners.filter((l) => Object.keys(l.hours.pending).length > 0).map((l) => l.id);
    expect(
      reasons('hours-waiting')
        .map((a) => a.learnerId)
        .sort(),
    ).toEqual(withPendingHours.sort());
  });

  it('mixes what a real cohort shows', () => {
    const big: CohortDashboard = cohortDashboardFixture({ ...options, learners: 1000, moduleIds: benchModuleIds(catalogueIds, 38) });
    const statuses = new Set(big.cells.map((c) => c.status));
    const assignments = new Set(big.cells.map((c) => c.assignment));
    const reasons = new Set(big.attention.map((a) => a.reason));
    expect([...statuses].sort()).toEqual(['completed', 'in-progress', 'not-started']);
    expect([...assignments].sort()).toEqual(['accepted', 'none', 'returned', 'submitted']);
    expect([...reasons].sort()).toEqual(['assignment-waiting', 'hours-waiting', 'inactive', 'quiz-failed-twice']);
    // Names in several scripts, so sorting and searching meet them.
    expect(big.learners.some((l) => /\p{Script=Cyrillic}/u.test(l.name))).toBe(true);
    expect(big.learners.some((l) => /\p{Script=Greek}/u.test(l.name))).toBe(true);
    // Some learners need the mentor, not everyone.
    const needing = new Set(big.attention.map((a) => a.learnerId)).size;
    expect(needing).toBeGreaterThan(big.learners.length * 0.1);
    expect(needing).toBeLessThan(big.learners.length * 0.9);
  });
});
