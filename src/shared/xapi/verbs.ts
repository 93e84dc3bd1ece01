/*
 * The verbs Biblio Study writes. ADL's vocabulary where it has the word; the few it lacks
 * (bookmarking, personal notes) live under the product's own vocabulary IRI, which never
 * changes with the deployment, so statements fold the same on every server.
 */
const ADL = 'http://adlnet.gov/expapi/verbs/';
export const PRODUCT_VOCABULARY = 'https://w3id.org/xapi/biblio-study/';

export const VERBS = {
  experienced: `${ADL}experienced`,
  progressed: `${ADL}progressed`,
  completed: `${ADL}completed`,
  answered: `${ADL}answered`,
  passed: `${ADL}passed`,
  failed: `${ADL}failed`,
  commented: `${ADL}commented`,
  voided: `${ADL}voided`,
  responded: `${ADL}responded`,
  /** A learner starts a quiz attempt; it records which questions the attempt drew. */
  attempted: `${ADL}attempted`,
  bookmarked: `${PRODUCT_VOCABULARY}verbs/bookmarked`,
  noted: `${PRODUCT_VOCABULARY}verbs/noted`,
  /** A learner's draft of an assignment (the latest wins; never shown to mentors). */
  drafted: `${PRODUCT_VOCABULARY}verbs/drafted`,
  /** A learner hands in an assignment for review. */
  submitted: `${PRODUCT_VOCABULARY}verbs/submitted`,
  /** A learner logs learning hours outside the app (face-to-face, project, work-based, ...). */
  logged: `${PRODUCT_VOCABULARY}verbs/logged`,
  /** A mentor's decision on a submission or a logged-hours entry (object: StatementRef to it). */
  reviewed: `${PRODUCT_VOCABULARY}verbs/reviewed`,
} as const;

export type VerbName = keyof typeof VERBS;

const byIri = new Map<string, VerbName>(Object.entries(VERBS).map(([name, iri]) => [iri, name as VerbName]));

export function verbName(iri: string): VerbName | undefined {
  return byIri.get(iri);
}

export function verbDisplay(name: VerbName): { 'en-US': string } {
  return { 'en-US': name };
}

/** cmi5's progress extension: how far through the activity, 0..100. */
export const PROGRESS_EXTENSION = 'https://w3id.org/xapi/cmi5/result/extensions/progress';
/** The survey answers of a `responded` statement: { relevant, useful, willUse, overall }, each 1..5. */
export const SURVEY_ANSWERS_EXTENSION = `${PRODUCT_VOCABULARY}extensions/survey-answers`;
/** The day (YYYY-MM-DD) logged hours were spent. */
export const ACTIVITY_DATE_EXTENSION = `${PRODUCT_VOCABULARY}extensions/activity-date`;
/** The module version a statement was made on. */
export const MODULE_VERSION_EXTENSION = `${PRODUCT_VOCABULARY}extensions/module-version`;
/** The ids of the questions a quiz attempt drew from the module's pool, in the order shown. */
export const QUIZ_QUESTIONS_EXTENSION = `${PRODUCT_VOCABULARY}extensions/quiz-questions`;
/**
 * The option ids of each choice or ordering question of a quiz attempt, in the order shown:
 * `{ [questionId]: optionId[] }`. Recorded rather than recomputed, so a review shows what the
 * learner saw even after the shuffle changes.
 */
export const QUIZ_OPTION_ORDER_EXTENSION = `${PRODUCT_VOCABULARY}extensions/quiz-option-order`;
/** The content language the learner studied in. */
export const CONTENT_LANGUAGE_EXTENSION = `${PRODUCT_VOCABULARY}extensions/content-language`;
