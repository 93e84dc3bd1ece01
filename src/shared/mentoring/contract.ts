/*
 * The contract between the server and the mentor/coordinator views (issue 4): the JSON the
 * server's mentoring routes return. The folds that compute these live beside this file;
 * everything a learner or mentor does is still an xAPI statement (src/shared/xapi/build.ts:
 * assignmentDraft, assignmentSubmission, loggedHours, review, surveyResponse).
 */
import type { HourCategory } from '../content/locales';
import type { ModuleStatus } from '../learning/progress';
import type { QuizAttempt } from '../learning/fold';
import type { SurveyItem } from '../xapi/build';
import type { Statement } from '../xapi/types';

/** Where a learner's practical assignment stands: nothing handed in, waiting for the mentor, sent back, accepted. */
export type AssignmentStatus = 'none' | 'submitted' | 'returned' | 'accepted';

export type DashboardCell = {
  learnerId: string;
  moduleId: string;
  status: ModuleStatus;
  /** Best quiz score 0..1, null before the first attempt. */
  bestScore: number | null;
  secondsSpent: number;
  lessonsCompleted: number;
  assignment: AssignmentStatus;
};

export type DashboardLearner = {
  id: string;
  name: string;
  login: string;
  /** When the server last received a statement from this learner (their last sync). */
  lastSyncAt: string | null;
  /** The latest learning event's own time. */
  lastActivityAt: string | null;
  modulesCompleted: number;
  secondsSpent: number;
  /** Percent complete per curriculum id (the catalogue's curricula). */
  pathways: Record<string, number>;
  /** Learning hours per category, for cohort totals (hours chart, hours CSV). */
  hours: LearnerHours;
};

/**
 * A learner's hours per category, in hours (two decimals): `approved` = entries the mentor
 * accepted, plus, for `online`, the study time the app measured; `pending` = entries waiting
 * for the mentor. Categories with no hours are left out (a cohort of 1,000 stays small).
 */
export type LearnerHours = {
  approved: Partial<Record<HourCategory, number>>;
  pending: Partial<Record<HourCategory, number>>;
};

export type AttentionReason = 'inactive' | 'quiz-failed-twice' | 'assignment-waiting' | 'hours-waiting';

export type AttentionItem = { learnerId: string; reason: AttentionReason; moduleId?: string; since?: string };

export type CohortDashboard = {
  cohort: { id: string; name: string };
  /** When the server computed it; views offline show this time. */
  generatedAt: string;
  /** "No activity for N days" uses this N. */
  inactiveDays: number;
  modules: string[];
  learners: DashboardLearner[];
  /**
   * One cell per learner x module. With `?cells=touched` only the cells of modules a learner
   * has touched are listed; a missing cell then means not started (no score, no time, no assignment).
   */
  cells: DashboardCell[];
  attention: AttentionItem[];
};

export type Submission = { statementId: string; text: string; at: string };
export type Review = { statementId: string; targetId: string; accepted: boolean; comment: string; at: string; mentorName: string | null };

export type AssignmentState = {
  moduleId: string;
  status: AssignmentStatus;
  submissions: Submission[];
  reviews: Review[];
};

export type HoursEntry = {
  statementId: string;
  category: HourCategory;
  hours: number;
  /** YYYY-MM-DD */
  date: string;
  description: string;
  loggedAt: string;
  /** The latest mentor decision, if any. */
  review: Review | null;
};

export type HoursSummary = {
  /** Per category: approved hours, hours waiting for the mentor, and the curriculum's requirement. */
  categories: Record<HourCategory, { approved: number; pending: number; required: number }>;
  /** Online study measured by the app (active time in lessons and quizzes), in hours. */
  onlineMeasured: number;
};

/** A lesson the learner completed, and the module version of its first completion (absent when its statement did not say). */
export type CompletedLesson = { moduleId: string; lessonId: string; completedVersion?: number };

export type LearnerReport = {
  learner: DashboardLearner;
  timeline: Statement[];
  modules: { moduleId: string; status: ModuleStatus; percent: number; bestScore: number | null; secondsSpent: number }[];
  /** Absent in a copy a mentor's device saved from a server that did not send it yet. */
  lessons?: CompletedLesson[];
  attempts: QuizAttempt[];
  assignments: AssignmentState[];
  hours: HoursEntry[];
  hoursSummary: HoursSummary;
};

export type DifficultQuestion = {
  moduleId: string;
  questionId: string;
  /** Learners who answered it in their first attempt. */
  learners: number;
  firstTimeRight: number;
  /** firstTimeRight / learners, 0..1. */
  share: number;
  /** The most common wrong response (xAPI response format), or null. */
  commonWrongAnswer: string | null;
  commonWrongCount: number;
};

export type SurveyReport = {
  about: { moduleId: string } | { eventId: string };
  responses: number;
  /** Per item, counts of answers 1..5 (index 0 = "fully disagree" .. 4 = "fully agree"). */
  items: Record<SurveyItem, [number, number, number, number, number]>;
  /** Comments without names: surveys are anonymous to mentors. */
  comments: string[];
};

export type CourseEvent = { id: string; title: string; date: string; cohortId: string | null };

/**
 * GET /api/me/reviewers: who may review the signed-in learner's work, as xAPI agent keys
 * (`agentKey`), so the learner's device counts only their reviews, as the server does.
 */
export type MyReviewers = { reviewers: string[] };
