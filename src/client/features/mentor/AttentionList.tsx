import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttentionItem, AttentionReason, CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { attentionGroups, INACTIVE_DAY_CHOICES, type AttentionGroup } from './attention';
import type { FromCohort } from './MentorBreadcrumb';

/** Entries shown per group before "Show all": a cohort of 1,000 must not push the grid off the page. */
export const FIRST_SHOWN = 5;

type Props = {
  dashboard: CohortDashboard;
  moduleTitle: (id: string) => string;
  onInactiveDaysChange: (days: number) => void;
};

/**
 * Learners who need the mentor, one collapsible group per reason (inactive, failed a quiz
 * twice, an assignment or hours waiting), the longest-waiting first, with the inactivity
 * threshold the mentor chose (`dashboard.inactiveDays`).
 */
export function AttentionList({ dashboard, moduleTitle, onInactiveDaysChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const names = useMemo(() => new Map(dashboard.learners.map((l) => [l.id, l.name])), [dashboard.learners]);
  const nameOf = (learnerId: string) => names.get(learnerId) ?? learnerId;
  const collator = useMemo(() => new Intl.Collator(format.locale), [format.locale]);
  const groups = attentionGroups(dashboard.attention, nameOf, collator);
  return (
    <section aria-labelledby={`${id}-heading`} className="attention">
      <h2 id={`${id}-heading`}>{t('mentor.attentionTitle', { count: dashboard.attention.length })}</h2>
      <div className="field field--inline">
        <label htmlFor={`${id}-days`}>{t('mentor.inactiveAfter')}</label>
        <select id={`${id}-days`} value={dashboard.inactiveDays} onChange={(e) => onInactiveDaysChange(Number(e.target.value))}>
          {INACTIVE_DAY_CHOICES.map((days) => (
            <option key={days} value={days}>
              {t('mentor.daysOption', { count: days })}
            </option>
          ))}
        </select>
      </div>
      {groups.length === 0 ? (
        <p>{t('mentor.attentionNone')}</p>
      ) : (
        groups.map((group) => (
          <Group key={group.reason} group={group} nameOf={nameOf} moduleTitle={moduleTitle} from={{ cohort: dashboard.cohort }} />
        ))
      )}
    </section>
  );
}

const GROUP_TITLE: Record<AttentionReason, 'groupInactive' | 'groupQuiz' | 'groupAssignment' | 'groupHours'> = {
  inactive: 'groupInactive',
  'quiz-failed-twice': 'groupQuiz',
  'assignment-waiting': 'groupAssignment',
  'hours-waiting': 'groupHours',
};

type GroupProps = { group: AttentionGroup; nameOf: (id: string) => string; moduleTitle: (id: string) => string; from: FromCohort };

function Group({ group, nameOf, moduleTitle, from }: GroupProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [all, setAll] = useState(false);
  const listId = useId();
  const shown = all ? group.items : group.items.slice(0, FIRST_SHOWN);
  const describe = (item: AttentionItem): string => {
    const module = item.moduleId ? moduleTitle(item.moduleId) : '';
    const date = item.since ? format.date(item.since) : '';
    switch (item.reason) {
      case 'inactive':
        return date ? t('mentor.itemInactiveSince', { date }) : t('mentor.itemInactiveNever');
      case 'quiz-failed-twice':
        return date ? t('mentor.itemQuizSince', { module, date }) : t('mentor.itemQuiz', { module });
      case 'assignment-waiting':
        return date ? t('mentor.itemAssignmentSince', { module, date }) : t('mentor.itemAssignment', { module });
      case 'hours-waiting':
        return date ? t('mentor.itemHoursSince', { date }) : t('mentor.itemHours');
    }
  };
  return (
    <details className="attention-group" open>
      <summary>{t(`mentor.${GROUP_TITLE[group.reason]}`, { number: group.items.length })}</summary>
      <ul id={listId} className="attention-list">
        {shown.map((item) => (
          <li key={`${item.learnerId}-${item.moduleId ?? ''}`}>
            <Link to={paths.learner(item.learnerId)} state={from}>
              {nameOf(item.learnerId)}
            </Link>
            {' — '}
            {describe(item)}
          </li>
        ))}
      </ul>
      {group.items.length > FIRST_SHOWN && (
        <button type="button" className="button--secondary button--small" aria-controls={listId} onClick={() => setAll((v) => !v)}>
          {all ? t('mentor.showFirst', { number: FIRST_SHOWN }) : t('mentor.showAll', { number: group.items.length })}
        </button>
      )}
    </details>
  );
}
