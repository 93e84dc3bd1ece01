/*
 * Reaction surveys: per module and per face-to-face event, how many answered, the count of
 * each answer 1..5 of each item, and the comments. Anonymous: a report carries no names, and
 * comments are sorted alphabetically so their order reveals nothing either. A learner who
 * answers twice counts once, with their latest answer by (timestamp, id). Pure,
 * order-independent, idempotent; voided statements are left out.
 */
import type { Statement } from '../xapi/types';
import { parseActivityId } from '../xapi/activities';
import { SURVEY_ANSWERS_EXTENSION, verbName } from '../xapi/verbs';
import { agentKey } from '../xapi/canonical';
import { SURVEY_ITEMS, type SurveyItem } from '../xapi/build';
import type { SurveyReport } from './contract';
import { byStamp, liveStatements } from './statements';

type About = SurveyReport['about'];

const aboutKey = (about: About): string => ('moduleId' in about ? `0module\u0000${about.moduleId}` : `1event\u0000${about.eventId}`);

function aboutOf(s: Statement): About | undefined {
  if (verbName(s.verb.id) !== 'responded' || s.object.objectType === 'StatementRef') return undefined;
  const ref = parseActivityId(s.object.id);
  if (ref?.kind === 'survey') return { moduleId: ref.moduleId };
  if (ref?.kind === 'event-survey') return { eventId: ref.eventId };
  return undefined;
}

const emptyCounts = (): [number, number, number, number, number] => [0, 0, 0, 0, 0];

export function surveyReports(statements: Iterable<Statement>): SurveyReport[] {
  const latest = new Map<string, { about: About; statement: Statement }>();
  for (const s of liveStatements(statements)) {
    const about = aboutOf(s);
    const who = agentKey(s.actor);
    if (!about || who === undefined) continue;
    const key = `${aboutKey(about)}\u0000${who}`;
    const current = latest.get(key);
    if (!current || byStamp(s, current.statement) > 0) latest.set(key, { about, statement: s });
  }
  const reports = new Map<string, SurveyReport>();
  for (const { about, statement } of latest.values()) {
    const key = aboutKey(about);
    let report = reports.get(key);
    if (!report) {
      const items = {} as SurveyReport['items'];
      for (const item of SURVEY_ITEMS) items[item] = emptyCounts();
      report = { about, responses: 0, items, comments: [] };
      reports.set(key, report);
    }
    report.responses += 1;
    const answers = statement.result?.extensions?.[SURVEY_ANSWERS_EXTENSION];
    if (typeof answers === 'object' && answers !== null) {
      for (const item of SURVEY_ITEMS) {
        const value = (answers as Partial<Record<SurveyItem, unknown>>)[item];
        if (typeof value === 'number' && Number.isInteger(value) && value >= 1 && value <= 5) {
          const counts = report.items[item];
          counts[value - 1] = (counts[value - 1] ?? 0) + 1;
        }
      }
    }
    const comment = statement.result?.response?.trim() ?? '';
    if (comment !== '') report.comments.push(comment);
  }
  return [...reports.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([, report]) => ({ ...report, comments: [...report.comments].sort() }));
}

/** Percent (0..100, whole) of a count among the responses. */
export const surveyPercent = (count: number, responses: number): number => (responses > 0 ? Math.round((count / responses) * 100) : 0);
