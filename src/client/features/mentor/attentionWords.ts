import type { TFunction } from 'i18next';
import type { AttentionItem } from '../../../shared/mentoring/contract';
import type { Format } from '../../i18n/format';
import { REASONS } from './attention';

type Words = { t: TFunction; format: Format; moduleTitle: (id: string) => string };

/**
 * Why a learner needs the mentor, in the words the needs-attention list and the learner cards
 * both use, so that the two say the same thing of the same learner.
 */
export function describeAttention(item: AttentionItem, { t, format, moduleTitle }: Words): string {
  const module = item.moduleId ? moduleTitle(item.moduleId) : '';
  const date = item.since ? format.date(item.since) : '';
  switch (item.reason) {
    case 'inactive':
      return date ? t('mentor.itemInactiveSince', { date }) : t('mentor.itemInactiveNever');
    case 'quiz-failed-twice':
      return t('mentor.reasonQuiz', { module });
    case 'assignment-waiting':
      return date ? t('mentor.reasonAssignmentSince', { module, date }) : t('mentor.reasonAssignment', { module });
    case 'hours-waiting':
      return date ? t('mentor.reasonHoursSince', { date }) : t('mentor.reasonHours');
  }
}

/**
 * A learner's reasons on a phone's learner card, one line per reason in the order of REASONS.
 * Several assignments waiting, or several quizzes failed twice, make one counted line with the
 * oldest wait: a card listing fifteen assignments was 1,300 px tall, and the learner page, one
 * tap away, lists each of them.
 */
export function cardAttentionLines(items: readonly AttentionItem[], words: Words): string[] {
  const { t, format } = words;
  return REASONS.flatMap((reason) => {
    const mine = items.filter((item) => item.reason === reason);
    if (mine.length > 1 && reason === 'assignment-waiting') {
      const oldest = mine
        .map((item) => item.since ?? '')
        .filter(Boolean)
        .sort()[0];
      return [
        oldest
          ? t('mentor.cardAssignments', { n: mine.length, date: format.date(oldest) })
          : t('mentor.cardAssignmentsNoDate', { n: mine.length }),
      ];
    }
    if (mine.length > 1 && reason === 'quiz-failed-twice') return [t('mentor.cardQuizzes', { n: mine.length })];
    return mine.map((item) => describeAttention(item, words));
  });
}
