/*
 * Activity ids are IRIs under a deployment's base, e.g.
 * `https://library.example/xapi/activities/module/online-safety/lesson/spotting-phishing`.
 * Parsing looks only at the part after `/activities/`, so statements keep folding the same
 * way if a deployment moves to another base.
 */
export type ActivityRef =
  | { kind: 'module'; moduleId: string }
  | { kind: 'lesson'; moduleId: string; lessonId: string }
  | { kind: 'quiz'; moduleId: string }
  | { kind: 'question'; moduleId: string; questionId: string }
  | { kind: 'assignment'; moduleId: string };

export const DEFAULT_XAPI_BASE = 'https://biblio-study.example/xapi';

export function activityId(base: string, ref: ActivityRef): string {
  const root = `${base.replace(/\/+$/, '')}/activities/module/${encodeURIComponent(ref.moduleId)}`;
  switch (ref.kind) {
    case 'module':
      return root;
    case 'lesson':
      return `${root}/lesson/${encodeURIComponent(ref.lessonId)}`;
    case 'quiz':
      return `${root}/quiz`;
    case 'question':
      return `${root}/quiz/question/${encodeURIComponent(ref.questionId)}`;
    case 'assignment':
      return `${root}/assignment`;
  }
}

const pattern = /\/activities\/module\/([^/]+)(?:\/(lesson)\/([^/]+)|\/(quiz)(?:\/question\/([^/]+))?|\/(assignment))?$/;

export function parseActivityId(iri: string): ActivityRef | undefined {
  const match = pattern.exec(iri);
  if (!match) return undefined;
  const [, rawModule, lesson, rawLesson, quiz, rawQuestion, assignment] = match;
  if (rawModule === undefined) return undefined;
  const moduleId = decodeURIComponent(rawModule);
  if (lesson && rawLesson !== undefined) return { kind: 'lesson', moduleId, lessonId: decodeURIComponent(rawLesson) };
  if (quiz && rawQuestion !== undefined) return { kind: 'question', moduleId, questionId: decodeURIComponent(rawQuestion) };
  if (quiz) return { kind: 'quiz', moduleId };
  if (assignment) return { kind: 'assignment', moduleId };
  return { kind: 'module', moduleId };
}
