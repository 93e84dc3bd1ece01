import { useId, useMemo, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttentionItem, CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { attentionByLearner, INACTIVE_DAY_CHOICES } from './attention';
import { describeAttention } from './attentionWords';
import './AttentionList.css';

/** Learners shown before "Show all": a cohort of 1,000 must not push the grid off the page. */
export const FIRST_SHOWN = 5;

type Props = {
  dashboard: CohortDashboard;
  moduleTitle: (id: string) => string;
  onInactiveDaysChange: (days: number) => void;
};

/**
 * Learners who need the mentor, each once, with every reason under their name (inactive,
 * failed a quiz twice, an assignment or hours waiting), the longest-waiting first, with the
 * inactivity threshold the mentor chose (`dashboard.inactiveDays`).
 */
export function AttentionList({ dashboard, moduleTitle, onInactiveDaysChange }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [all, setAll] = useState(false);
  const names = useMemo(() => new Map(dashboard.learners.map((l) => [l.id, l.name])), [dashboard.learners]);
  const nameOf = (learnerId: string) => names.get(learnerId) ?? learnerId;
  const collator = useMemo(() => new Intl.Collator(format.locale), [format.locale]);
  const people = attentionByLearner(dashboard.attention, nameOf, collator);
  const shown = all ? people : people.slice(0, FIRST_SHOWN);
  const from = { cohort: dashboard.cohort };
  const describe = (item: AttentionItem) => describeAttention(item, { t, format, moduleTitle });
  return (
    <section aria-labelledby={`${id}-heading`} className="attention">
      <h2 id={`${id}-heading`}>{t('mentor.attentionTitle', { count: people.length })}</h2>
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
      {people.length === 0 ? (
        <p>{t('mentor.attentionNone')}</p>
      ) : (
        <>
          <ul id={`${id}-people`} className="attention-people">
            {shown.map((person) => (
              <li key={person.learnerId} className="attention-person">
                <Link to={paths.learner(person.learnerId)} state={from} className="attention-person__name">
                  {nameOf(person.learnerId)}
                </Link>
                <ul className="attention-person__reasons">
                  {person.items.map((item) => (
                    <li key={`${item.reason}-${item.moduleId ?? ''}`}>{describe(item)}</li>
                  ))}
                </ul>
              </li>
            ))}
          </ul>
          {people.length > FIRST_SHOWN && (
            <button
              type="button"
              className="button--secondary button--small"
              aria-controls={`${id}-people`}
              aria-expanded={all}
              onClick={() => setAll((v) => !v)}
            >
              {all ? t('mentor.showFirst', { number: FIRST_SHOWN }) : t('mentor.showAll', { number: people.length })}
            </button>
          )}
        </>
      )}
    </section>
  );
}
