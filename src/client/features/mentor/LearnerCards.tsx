import { useMemo } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { TriangleAlert } from 'lucide-react';
import type { AttentionItem, CohortDashboard, DashboardLearner } from '../../../shared/mentoring/contract';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { ProgressBar } from '../../ui/ProgressBar';
import { cardAttentionLines } from './attentionWords';
import type { FromCohort } from './MentorBreadcrumb';

type Props = {
  /** The page of learners the grid's query shows, in its order. */
  learners: readonly DashboardLearner[];
  /** The id of the heading that names the list. */
  labelledBy: string;
  dashboard: CohortDashboard;
  moduleTitle: (id: string) => string;
  from: FromCohort;
};

/**
 * The cohort on a phone: one card per learner with the modules completed, the last activity and
 * the reasons the learner needs the mentor (several of a kind counted in one line), linking to
 * the learner page, where each reason and the per-module detail the PC's table shows are.
 */
export function LearnerCards({ learners, labelledBy, dashboard, moduleTitle, from }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const reasons = useMemo(() => {
    const byLearner = new Map<string, AttentionItem[]>();
    for (const item of dashboard.attention) byLearner.set(item.learnerId, [...(byLearner.get(item.learnerId) ?? []), item]);
    return byLearner;
  }, [dashboard.attention]);
  const total = dashboard.modules.length;
  return (
    <ul className="learner-cards" aria-labelledby={labelledBy}>
      {learners.map((learner) => {
        const needs = cardAttentionLines(reasons.get(learner.id) ?? [], { t, format, moduleTitle });
        return (
          <li key={learner.id} className="learner-card">
            <h3 className="learner-card__name">
              <Link to={paths.learner(learner.id)} state={from}>
                {learner.name}
              </Link>
            </h3>
            <p className="learner-card__line">
              <span>{t('mentor.colModulesCompleted')}</span> <span>{t('mentor.modulesOf', { done: learner.modulesCompleted, total })}</span>
            </p>
            <ProgressBar percent={total === 0 ? 0 : (learner.modulesCompleted / total) * 100} label={t('mentor.colModulesCompleted')} />
            <p className="learner-card__line">
              <span>{t('mentor.colLastActivity')}</span>{' '}
              <span>{learner.lastActivityAt ? format.date(learner.lastActivityAt) : t('mentor.never')}</span>
            </p>
            {needs.length > 0 && (
              <div className="learner-card__attention">
                <p className="learner-card__attention-title">
                  <TriangleAlert aria-hidden="true" size={16} />
                  {t('mentor.cardAttention')}
                </p>
                <ul>
                  {needs.map((line) => (
                    <li key={line}>{line}</li>
                  ))}
                </ul>
              </div>
            )}
          </li>
        );
      })}
    </ul>
  );
}
