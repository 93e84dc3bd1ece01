import type { TFunction } from 'i18next';
import type { AttentionItem } from '../../../shared/mentoring/contract';
import type { Format } from '../../i18n/format';

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
