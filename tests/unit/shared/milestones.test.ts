import { describe, expect, it } from 'vitest';
import { celebrationFor, milestones } from '../../../src/shared/learning/milestones';
import type { CatalogCurriculum } from '../../../src/shared/content/compiled';
import type { ModuleProgress } from '../../../src/shared/learning/progress';

const progressOf = (status: ModuleProgress['status']): ModuleProgress => ({
  moduleId: 'x',
  status,
  lessonsCompleted: 0,
  lessonsTotal: 3,
  bestScore: undefined,
  quizPassed: status === 'completed',
  attempts: 0,
  secondsSpent: 0,
  percent: status === 'completed' ? 100 : 50,
});

const curricula: CatalogCurriculum[] = [
  { id: 'short', title: { en: 'Short' }, summary: { en: '' }, modules: ['a', 'b'], hours: {} },
  { id: 'long', title: { en: 'Long' }, summary: { en: '' }, modules: ['a', 'b', 'c'], hours: {} },
  { id: 'other', title: { en: 'Other' }, summary: { en: '' }, modules: ['c'], hours: {} },
];

describe('what completing a lesson completed', () => {
  const at = (statuses: Record<string, ModuleProgress['status']>) =>
    milestones({ moduleId: 'b', curricula, progress: new Map(Object.entries(statuses).map(([id, s]) => [id, progressOf(s)])) });

  it('counts the module and the pathways that hold it', () => {
    expect(at({ a: 'completed', b: 'completed', c: 'in-progress' })).toEqual({ module: true, pathways: ['short'] });
    expect(at({ a: 'in-progress', b: 'completed', c: 'completed' })).toEqual({ module: true, pathways: [] });
  });

  it('celebrates the largest milestone newly reached', () => {
    const before = at({ a: 'completed', b: 'in-progress', c: 'in-progress' });
    expect(celebrationFor(before, before)).toEqual({ kind: 'lesson' });
    expect(celebrationFor(before, at({ a: 'completed', b: 'completed', c: 'in-progress' }))).toEqual({
      kind: 'pathway',
      curriculumId: 'short',
    });
    expect(celebrationFor(before, at({ a: 'in-progress', b: 'completed' }))).toEqual({ kind: 'module' });
  });

  it('does not celebrate a module or pathway again that was complete before', () => {
    const done = at({ a: 'completed', b: 'completed', c: 'in-progress' });
    expect(celebrationFor(done, done)).toEqual({ kind: 'lesson' });
  });
});
