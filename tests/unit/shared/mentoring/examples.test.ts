import { describe, expect, it } from 'vitest';
import { assignmentStates, latestDraft } from '../../../../src/shared/mentoring/assignments';
import { hoursEntries, hoursSummary, learnerHours } from '../../../../src/shared/mentoring/hours';
import { surveyReports } from '../../../../src/shared/mentoring/surveys';
import { difficultQuestions } from '../../../../src/shared/mentoring/difficult';
import { attentionItems, dashboardCell, learnerTotals, moduleRows } from '../../../../src/shared/mentoring/dashboard';
import { toCsv } from '../../../../src/shared/mentoring/csv';
import { foldLearning } from '../../../../src/shared/learning/fold';
import { buildStatement } from '../../../../src/shared/xapi/build';
import type { CatalogCurriculum, CatalogModule } from '../../../../src/shared/content/compiled';
import { env, learner, MENTOR, REVIEWERS } from './arbitraries';

const anna = learner(1);
const ben = learner(2);
const mod = { moduleId: 'online-safety', moduleVersion: 1, locale: 'en' };

describe('assignmentStates', () => {
  it('walks submitted -> returned -> submitted -> accepted', () => {
    const first = buildStatement.assignmentSubmission(env(anna, 1, '2026-03-01T10:00:00.000Z'), mod, 'v1');
    const returned = buildStatement.review(
      env(MENTOR, 2, '2026-03-02T10:00:00.000Z'),
      { statementId: first.id },
      anna,
      false,
      'More detail',
    );
    const second = buildStatement.assignmentSubmission(env(anna, 3, '2026-03-03T10:00:00.000Z'), mod, 'v2');
    const accepted = buildStatement.review(env(MENTOR, 4, '2026-03-04T10:00:00.000Z'), { statementId: second.id }, anna, true, 'Good');
    expect(assignmentStates([first], REVIEWERS)[0]?.status).toBe('submitted');
    expect(assignmentStates([first, returned], REVIEWERS)[0]?.status).toBe('returned');
    expect(assignmentStates([first, returned, second], REVIEWERS)[0]?.status).toBe('submitted');
    const done = assignmentStates([accepted, second, returned, first], REVIEWERS);
    expect(done).toEqual([
      {
        moduleId: 'online-safety',
        status: 'accepted',
        submissions: [
          { statementId: first.id, text: 'v1', at: '2026-03-01T10:00:00.000Z' },
          { statementId: second.id, text: 'v2', at: '2026-03-03T10:00:00.000Z' },
        ],
        reviews: [
          {
            statementId: returned.id,
            targetId: first.id,
            accepted: false,
            comment: 'More detail',
            at: '2026-03-02T10:00:00.000Z',
            mentorName: 'Ivo Mentor',
          },
          {
            statementId: accepted.id,
            targetId: second.id,
            accepted: true,
            comment: 'Good',
            at: '2026-03-04T10:00:00.000Z',
            mentorName: 'Ivo Mentor',
          },
        ],
      },
    ]);
    // The mentor withdraws the acceptance: back to waiting.
    const withdrawn = buildStatement.voided(env(MENTOR, 5, '2026-03-05T10:00:00.000Z'), accepted.id);
    expect(assignmentStates([first, returned, second, accepted, withdrawn], REVIEWERS)[0]?.status).toBe('submitted');
  });

  it('gives the latest draft of a module', () => {
    const a = buildStatement.assignmentDraft(env(anna, 1, '2026-03-01T10:00:00.000Z'), mod, 'early');
    const b = buildStatement.assignmentDraft(env(anna, 2, '2026-03-02T10:00:00.000Z'), mod, 'late');
    expect(latestDraft([b, a], 'online-safety')?.text).toBe('late');
    expect(latestDraft([a, b], 'e-signature')).toBeNull();
  });
});

describe('hours', () => {
  it('counts approved, pending, and neither for questioned entries; online adds measured time', () => {
    const f2f = buildStatement.loggedHours(env(anna, 1, '2026-03-01T10:00:00.000Z'), {
      category: 'face-to-face',
      hours: 4,
      date: '2026-02-28',
      description: 'Seminar',
    });
    const project = buildStatement.loggedHours(env(anna, 2, '2026-03-02T10:00:00.000Z'), {
      category: 'project',
      hours: 2.5,
      date: '2026-03-02',
      description: 'Workshop',
    });
    const work = buildStatement.loggedHours(env(anna, 3, '2026-03-03T10:00:00.000Z'), {
      category: 'work-based',
      hours: 3,
      date: '2026-03-03',
      description: 'Desk',
    });
    const approve = buildStatement.review(env(MENTOR, 4, '2026-03-04T10:00:00.000Z'), { statementId: f2f.id }, anna, true, '');
    const question = buildStatement.review(env(MENTOR, 5, '2026-03-04T10:00:00.000Z'), { statementId: work.id }, anna, false, 'Which day?');
    const entries = hoursEntries([f2f, project, work, approve, question], REVIEWERS);
    expect(entries.map((e) => [e.category, e.hours, e.date, e.review?.accepted ?? null])).toEqual([
      ['face-to-face', 4, '2026-02-28', true],
      ['project', 2.5, '2026-03-02', null],
      ['work-based', 3, '2026-03-03', false],
    ]);
    const summary = hoursSummary(entries, 5400, { 'face-to-face': 20, online: 160 });
    expect(summary.onlineMeasured).toBe(1.5);
    expect(summary.categories).toEqual({
      'face-to-face': { approved: 4, pending: 0, required: 20 },
      online: { approved: 1.5, pending: 0, required: 160 },
      project: { approved: 0, pending: 2.5, required: 0 },
      assessment: { approved: 0, pending: 0, required: 0 },
      'work-based': { approved: 0, pending: 0, required: 0 },
    });
    // The cohort views' per-learner hours: the same sums, empty categories left out, questioned in neither.
    expect(learnerHours(entries, 5400)).toEqual({ approved: { 'face-to-face': 4, online: 1.5 }, pending: { project: 2.5 } });
  });

  it('gives a learner with nothing logged only the measured online time, rounded to two decimals', () => {
    expect(learnerHours([], 0)).toEqual({ approved: {}, pending: {} });
    expect(learnerHours([], 1000)).toEqual({ approved: { online: 0.28 }, pending: {} });
    const online = buildStatement.loggedHours(env(anna, 6, '2026-03-05T10:00:00.000Z'), {
      category: 'online',
      hours: 1.25,
      date: '2026-03-05',
      description: 'Webinar',
    });
    const pending = hoursEntries([online], REVIEWERS);
    expect(learnerHours(pending, 1800)).toEqual({ approved: { online: 0.5 }, pending: { online: 1.25 } });
    const approved = hoursEntries(
      [online, buildStatement.review(env(MENTOR, 7, '2026-03-06T10:00:00.000Z'), { statementId: online.id }, anna, true, '')],
      REVIEWERS,
    );
    expect(learnerHours(approved, 1800)).toEqual({ approved: { online: 1.75 }, pending: {} });
  });
});

describe('surveyReports', () => {
  it('counts each learner once (latest answer) and keeps comments without names', () => {
    const answers = { relevant: 5, useful: 4, willUse: 3, overall: 5 } as const;
    const reports = surveyReports([
      buildStatement.surveyResponse(
        env(anna, 1, '2026-03-01T10:00:00.000Z'),
        { moduleId: 'online-safety' },
        { ...answers, overall: 1 },
        'first try',
      ),
      buildStatement.surveyResponse(env(anna, 2, '2026-03-02T10:00:00.000Z'), { moduleId: 'online-safety' }, answers, 'Ļoti noderīgi'),
      buildStatement.surveyResponse(env(ben, 3, '2026-03-02T10:00:00.000Z'), { moduleId: 'online-safety' }, answers, ''),
      buildStatement.surveyResponse(env(ben, 4, '2026-03-02T10:00:00.000Z'), { eventId: 'seminar' }, answers, 'Great day'),
    ]);
    expect(reports).toEqual([
      {
        about: { moduleId: 'online-safety' },
        responses: 2,
        items: { relevant: [0, 0, 0, 0, 2], useful: [0, 0, 0, 2, 0], willUse: [0, 0, 2, 0, 0], overall: [0, 0, 0, 0, 2] },
        comments: ['Ļoti noderīgi'],
      },
      {
        about: { eventId: 'seminar' },
        responses: 1,
        items: { relevant: [0, 0, 0, 0, 1], useful: [0, 0, 0, 1, 0], willUse: [0, 0, 1, 0, 0], overall: [0, 0, 0, 0, 1] },
        comments: ['Great day'],
      },
    ]);
    expect(JSON.stringify(reports)).not.toContain('Learner');
  });
});

describe('difficultQuestions', () => {
  it('uses each learner’s first attempt only, worst first, with the most common wrong answer', () => {
    const attempt = (who: typeof anna, n: number, day: string, id: string, q1: string, q2: string) => [
      buildStatement.answered(env(who, n, `${day}T10:00:00.000Z`), mod, id, 'q1', q1, q1 === 'a'),
      buildStatement.answered(env(who, n + 1, `${day}T10:01:00.000Z`), mod, id, 'q2', q2, q2 === 'a'),
      buildStatement.quizResult(env(who, n + 2, `${day}T10:02:00.000Z`), mod, id, Number(q1 === 'a') + Number(q2 === 'a'), 2, 70, 1000),
    ];
    const result = difficultQuestions(
      [
        ...attempt(anna, 10, '2026-03-02', 'r2', 'a', 'a'), // second attempt: ignored
        ...attempt(anna, 20, '2026-03-01', 'r1', 'a', 'b'),
        ...attempt(ben, 30, '2026-03-01', 'r3', 'c', 'b'),
      ],
      'online-safety',
      ['q1', 'q2', 'q3'],
    );
    expect(result).toEqual([
      {
        moduleId: 'online-safety',
        questionId: 'q2',
        learners: 2,
        firstTimeRight: 0,
        share: 0,
        commonWrongAnswer: 'b',
        commonWrongCount: 2,
      },
      {
        moduleId: 'online-safety',
        questionId: 'q1',
        learners: 2,
        firstTimeRight: 1,
        share: 0.5,
        commonWrongAnswer: 'c',
        commonWrongCount: 1,
      },
      {
        moduleId: 'online-safety',
        questionId: 'q3',
        learners: 0,
        firstTimeRight: 0,
        share: 0,
        commonWrongAnswer: null,
        commonWrongCount: 0,
      },
    ]);
  });
});

describe('difficultQuestions with a question pool', () => {
  it('counts each question in the first attempt that showed it, not only in the first attempt', () => {
    const attempt = (n: number, day: string, id: string, answers: Record<string, string>) => [
      ...Object.entries(answers).map(([q, response], i) =>
        buildStatement.answered(env(anna, n + i, `${day}T10:0${i}:00.000Z`), mod, id, q, response, response === 'a'),
      ),
      buildStatement.quizResult(env(anna, n + 5, `${day}T10:09:00.000Z`), mod, id, 1, 2, 70, 1000),
    ];
    const result = difficultQuestions(
      [
        ...attempt(10, '2026-03-01', 'r1', { q1: 'b', q2: 'a' }), // drew q1 and q2
        ...attempt(20, '2026-03-02', 'r2', { q1: 'a', q3: 'c' }), // drew q1 and q3: q1 was already counted
      ],
      'online-safety',
      ['q1', 'q2', 'q3'],
    );
    expect(result.map((q) => [q.questionId, q.learners, q.firstTimeRight, q.commonWrongAnswer])).toEqual([
      ['q1', 1, 0, 'b'],
      ['q3', 1, 0, 'c'],
      ['q2', 1, 1, null],
    ]);
  });
});

describe('dashboard', () => {
  const module: CatalogModule = {
    id: 'online-safety',
    version: 1,
    title: { en: 'Online safety' },
    summary: { en: '' },
    minutes: 60,
    level: 2,
    competences: [],
    prerequisites: [],
    languages: ['en'],
    lessons: [
      { id: 'l1', title: { en: 'One' }, minutes: 5, words: 400 },
      { id: 'l2', title: { en: 'Two' }, minutes: 5, words: 400 },
    ],
    quiz: { questions: 8, passMark: 70 },
    assignment: { category: 'project', hours: 4 },
    revisions: { en: 'x', lv: 'x', bg: 'x', uk: 'x' },
    media: { en: [], lv: [], bg: [], uk: [] },
    cover: {},
  };
  const curriculum: CatalogCurriculum = { id: 'path', title: { en: 'Path' }, summary: { en: '' }, modules: ['online-safety'], hours: {} };

  it('makes cells and totals, and lists who needs attention', () => {
    const lesson = { ...mod, lessonId: 'l1' };
    const statements = [
      buildStatement.readingProgress(env(anna, 1, '2026-03-01T10:00:00.000Z'), lesson, 100, 120_000),
      buildStatement.completedLesson(env(anna, 2, '2026-03-01T10:02:00.000Z'), lesson),
      buildStatement.quizResult(env(anna, 3, '2026-03-01T11:00:00.000Z'), mod, 'r1', 2, 8, 70, 60_000),
      buildStatement.quizResult(env(anna, 4, '2026-03-01T12:00:00.000Z'), mod, 'r2', 4, 8, 70, 60_000),
      buildStatement.assignmentSubmission(env(anna, 5, '2026-03-02T10:00:00.000Z'), mod, 'done'),
    ];
    const [row] = moduleRows([module], foldLearning(statements), assignmentStates(statements, REVIEWERS));
    expect(row).toMatchObject({
      status: 'in-progress',
      percent: 33,
      bestScore: 0.5,
      failedAttempts: 2,
      quizPassed: false,
      assignment: 'submitted',
    });
    expect(dashboardCell('anna', row!)).toEqual({
      learnerId: 'anna',
      moduleId: 'online-safety',
      status: 'in-progress',
      bestScore: 0.5,
      secondsSpent: 240,
      lessonsCompleted: 1,
      assignment: 'submitted',
    });
    expect(learnerTotals([row!], [curriculum])).toEqual({ modulesCompleted: 0, secondsSpent: 240, pathways: { path: 33 } });
    const items = attentionItems(
      [
        { learnerId: 'anna', lastActivityAt: '2026-03-02T10:00:00.000Z', modules: [row!], hoursWaitingSince: '2026-03-03T00:00:00.000Z' },
        { learnerId: 'ben', lastActivityAt: null, modules: [], hoursWaitingSince: null },
        { learnerId: 'carl', lastActivityAt: '2026-03-20T10:00:00.000Z', modules: [], hoursWaitingSince: null },
      ],
      new Date('2026-03-25T00:00:00.000Z'),
      14,
    );
    expect(items).toEqual([
      { learnerId: 'ben', reason: 'inactive' },
      { learnerId: 'anna', reason: 'inactive', since: '2026-03-02T10:00:00.000Z' },
      { learnerId: 'anna', reason: 'quiz-failed-twice', moduleId: 'online-safety', since: '2026-03-01T12:00:00.000Z' },
      { learnerId: 'anna', reason: 'assignment-waiting', moduleId: 'online-safety', since: '2026-03-02T10:00:00.000Z' },
      { learnerId: 'anna', reason: 'hours-waiting', since: '2026-03-03T00:00:00.000Z' },
    ]);
  });
});

describe('toCsv', () => {
  it('quotes per RFC 4180, ends lines with CRLF and starts with a BOM', () => {
    expect(
      toCsv([
        ['Имя', 'Σχόλιο'],
        ['Anna "A"', 'a,b'],
        ['line\nbreak', '-2.5'],
        ['=SUM(A1)', 'ok'],
      ]),
    ).toBe('\uFEFFИмя,Σχόλιο\r\n"Anna ""A""","a,b"\r\n"line\nbreak",-2.5\r\n\'=SUM(A1),ok\r\n');
  });
});
