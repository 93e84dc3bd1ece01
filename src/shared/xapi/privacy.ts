/*
 * What is private to the learner: their notes, bookmarks, reading positions (`progressed`:
 * the position in a lesson, with the active time spent reading) and assignment drafts. Only
 * the learner who made them reads them: no mentor, coordinator or xAPI client, neither by
 * id, nor by query, nor through an /api view. The server's read rules (server/auth/access.ts)
 * and the mentor's views both take this one list. Study time still reaches mentors, as totals
 * the server folds from these statements, never as the statements themselves.
 */
import type { Statement } from './types';
import { VERBS } from './verbs';

export const LEARNER_PRIVATE_VERBS: readonly string[] = [VERBS.noted, VERBS.bookmarked, VERBS.progressed, VERBS.drafted];

/**
 * What mentors never read of a learner: the private list, plus survey answers (`responded`),
 * which are anonymous to mentors; coordinators read those only as the survey report's totals.
 */
export const MENTOR_HIDDEN_VERBS: readonly string[] = [...LEARNER_PRIVATE_VERBS, VERBS.responded];

export const isLearnerPrivate = (statement: Pick<Statement, 'verb'>): boolean => LEARNER_PRIVATE_VERBS.includes(statement.verb.id);
