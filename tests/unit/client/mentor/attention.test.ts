import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { attentionByLearner, inactiveLearners, withInactiveDays } from '../../../../src/client/features/mentor/attention';
import { attentionItems } from '../../../../src/shared/mentoring/dashboard';
import type { AttentionItem, CohortDashboard, DashboardLearner } from '../../../../src/shared/mentoring/contract';

const person = (id: string, name: string, lastActivityAt: string | null): DashboardLearner => ({
  id,
  name,
  login: id,
  lastSyncAt: lastActivityAt,
  lastActivityAt,
  modulesCompleted: 0,
  secondsSpent: 0,
  pathways: {},
  hours: { approved: {}, pending: {} },
});

/** Fetched with the 14-day threshold on 2026-03-31: Anna was last active 20 days before, Ben 10, Carl 2, Dana never. */
const fetched: CohortDashboard = {
  cohort: { id: 'c1', name: 'Riga' },
  generatedAt: '2026-03-31T12:00:00.000Z',
  inactiveDays: 14,
  modules: ['m1'],
  learners: [
    person('anna', 'Anna', '2026-03-11T12:00:00.000Z'),
    person('ben', 'Ben', '2026-03-21T12:00:00.000Z'),
    person('carl', 'Carl', '2026-03-29T12:00:00.000Z'),
    person('dana', 'Dana', null),
  ],
  cells: [],
  attention: [
    { learnerId: 'dana', reason: 'inactive' },
    { learnerId: 'anna', reason: 'inactive', since: '2026-03-11T12:00:00.000Z' },
    { learnerId: 'carl', reason: 'assignment-waiting', moduleId: 'm1', since: '2026-03-29T12:00:00.000Z' },
  ],
};

const inactive = (d: CohortDashboard) =>
  d.attention
    .filter((a) => a.reason === 'inactive')
    .map((a) => a.learnerId)
    .sort();

describe('withInactiveDays', () => {
  it('counts learners as inactive for the chosen threshold, at the time the server computed the dashboard', () => {
    expect(inactive(withInactiveDays(fetched, 7))).toEqual(['anna', 'ben', 'dana']);
    expect(inactive(withInactiveDays(fetched, 30))).toEqual(['dana']);
    expect(withInactiveDays(fetched, 30).inactiveDays).toBe(30);
  });

  it('keeps every other reason, and gives back the same dashboard for the threshold it was fetched with', () => {
    expect(withInactiveDays(fetched, 7).attention.filter((a) => a.reason !== 'inactive')).toEqual([fetched.attention[2]]);
    expect(withInactiveDays(fetched, 14)).toBe(fetched);
    expect(withInactiveDays(fetched, 7).attention).toContainEqual({
      learnerId: 'ben',
      reason: 'inactive',
      since: '2026-03-21T12:00:00.000Z',
    });
  });
});

describe('attentionByLearner', () => {
  const names = new Map([
    ['anna', 'Anna'],
    ['ben', 'Ben'],
    ['carl', 'Čarlis'],
    ['dana', 'Dana'],
  ]);
  const nameOf = (id: string) => names.get(id) ?? id;
  const collator = new Intl.Collator('lv');

  it('lists each learner once with all their reasons, the longest waiting first', () => {
    const items: AttentionItem[] = [
      { learnerId: 'ben', reason: 'hours-waiting', since: '2026-03-20T00:00:00.000Z' },
      { learnerId: 'anna', reason: 'assignment-waiting', moduleId: 'm2', since: '2026-03-25T00:00:00.000Z' },
      { learnerId: 'carl', reason: 'assignment-waiting', moduleId: 'm1', since: '2026-03-01T00:00:00.000Z' },
      { learnerId: 'anna', reason: 'inactive', since: '2026-03-02T00:00:00.000Z' },
      { learnerId: 'dana', reason: 'inactive' },
      { learnerId: 'ben', reason: 'inactive' },
      { learnerId: 'anna', reason: 'assignment-waiting', moduleId: 'm1', since: '2026-03-25T00:00:00.000Z' },
    ];
    const people = attentionByLearner(items, nameOf, collator);
    // Never active first (by name), then by the oldest of each learner's reasons.
    expect(people.map((p) => p.learnerId)).toEqual(['ben', 'dana', 'carl', 'anna']);
    // Each learner's reasons in the fixed order of reasons, then by time and module.
    expect(people[0]!.items.map((i) => i.reason)).toEqual(['inactive', 'hours-waiting']);
    expect(people[3]!.items.map((i) => `${i.reason}/${i.moduleId ?? ''}`)).toEqual([
      'inactive/',
      'assignment-waiting/m1',
      'assignment-waiting/m2',
    ]);
    expect(attentionByLearner([], nameOf, collator)).toEqual([]);
  });
});

describe('inactiveLearners', () => {
  it('follows the server’s rule (attentionItems) for any last activity, time and threshold', () => {
    const minute = 60_000;
    const start = Date.parse('2026-01-01T00:00:00.000Z');
    const arbLearner = fc.record({
      id: fc.constantFrom('a', 'b', 'c', 'd', 'e'),
      lastActivityAt: fc.option(
        fc.integer({ min: 0, max: 90 * 24 * 60 }).map((m) => new Date(start + m * minute).toISOString()),
        { nil: null },
      ),
    });
    fc.assert(
      fc.property(
        fc.uniqueArray(arbLearner, { selector: (l) => l.id, maxLength: 5 }),
        fc.integer({ min: 0, max: 120 * 24 * 60 }),
        fc.constantFrom(1, 7, 14, 30),
        (learners, nowMinutes, days) => {
          const now = new Date(start + nowMinutes * minute);
          const server = attentionItems(
            learners.map((l) => ({ learnerId: l.id, lastActivityAt: l.lastActivityAt, modules: [], hoursWaitingSince: null })),
            now,
            days,
          );
          const byLearner = (items: AttentionItem[]) => [...items].sort((x, y) => (x.learnerId < y.learnerId ? -1 : 1));
          expect(byLearner(inactiveLearners(learners, now, days))).toEqual(byLearner(server));
        },
      ),
      { numRuns: 300 },
    );
  });
});
