import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { AttentionItem, CohortDashboard } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';

type Props = { dashboard: CohortDashboard; moduleTitle: (id: string) => string };

/** Learners who need the mentor: inactive, failed a quiz twice, an assignment or hours waiting. */
export function AttentionList({ dashboard, moduleTitle }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const names = new Map(dashboard.learners.map((l) => [l.id, l.name]));
  const reason = (item: AttentionItem) => {
    const module = item.moduleId ? moduleTitle(item.moduleId) : '';
    switch (item.reason) {
      case 'inactive':
        return item.since
          ? t('mentor.reasonInactiveSince', { days: dashboard.inactiveDays, date: format.date(item.since) })
          : t('mentor.reasonInactiveNever', { days: dashboard.inactiveDays });
      case 'quiz-failed-twice':
        return t('mentor.reasonQuizFailed', { module });
      case 'assignment-waiting':
        return t('mentor.reasonAssignment', { module });
      case 'hours-waiting':
        return t('mentor.reasonHours');
    }
  };
  return (
    <section aria-labelledby="attention-heading">
      <h2 id="attention-heading">{t('mentor.attentionTitle', { count: dashboard.attention.length })}</h2>
      {dashboard.attention.length === 0 ? (
        <p>{t('mentor.attentionNone')}</p>
      ) : (
        <ul className="attention-list">
          {dashboard.attention.map((item, index) => (
            <li key={`${item.learnerId}-${item.reason}-${item.moduleId ?? ''}-${index}`}>
              <Link to={paths.learner(item.learnerId)}>{names.get(item.learnerId) ?? item.learnerId}</Link>
              {': '}
              {reason(item)}
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}
