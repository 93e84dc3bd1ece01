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
  | { kind: 'assignment'; moduleId: string }
  | { kind: 'survey'; moduleId: string }
  | { kind: 'event-survey'; eventId: string }
  | { kind: 'hours'; category: string };

export const DEFAULT_XAPI_BASE = 'https://biblio-study.example/xapi';

export function activityId(base: string, ref: ActivityRef): string {
  const activities = `${base.replace(/\/+$/, '')}/activities`;
  if (ref.kind === 'event-survey') return `${activities}/event/${encodeURIComponent(ref.eventId)}/survey`;
  if (ref.kind === 'hours') return `${activities}/hours/${encodeURIComponent(ref.category)}`;
  const root = `${activities}/module/${encodeURIComponent(ref.moduleId)}`;
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
    case 'survey':
      return `${root}/survey`;
  }
}

const pattern = /\/activities\/module\/([^/]+)(?:\/(lesson)\/([^/]+)|\/(quiz)(?:\/question\/([^/]+))?|\/(assignment)|\/(survey))?$/;
const eventSurvey = /\/activities\/event\/([^/]+)\/survey$/;
const hours = /\/activities\/hours\/([^/]+)$/;

/** What an activity id names, or undefined when it is not one of ours (or its escapes are broken). */
export function parseActivityId(iri: string): ActivityRef | undefined {
  try {
    return parseOurs(iri);
  } catch (error) {
    if (error instanceof URIError) return undefined;
    throw error;
  }
}

function parseOurs(iri: string): ActivityRef | undefined {
  const event = eventSurvey.exec(iri);
  if (event?.[1] !== undefined) return { kind: 'event-survey', eventId: decodeURIComponent(event[1]) };
  const logged = hours.exec(iri);
  if (logged?.[1] !== undefined) return { kind: 'hours', category: decodeURIComponent(logged[1]) };
  const match = pattern.exec(iri);
  if (!match) return undefined;
  const [, rawModule, lesson, rawLesson, quiz, rawQuestion, assignment, survey] = match;
  if (rawModule === undefined) return undefined;
  const moduleId = decodeURIComponent(rawModule);
  if (lesson && rawLesson !== undefined) return { kind: 'lesson', moduleId, lessonId: decodeURIComponent(rawLesson) };
  if (quiz && rawQuestion !== undefined) return { kind: 'question', moduleId, questionId: decodeURIComponent(rawQuestion) };
  if (quiz) return { kind: 'quiz', moduleId };
  if (assignment) return { kind: 'assignment', moduleId };
  if (survey) return { kind: 'survey', moduleId };
  return { kind: 'module', moduleId };
}
