import { useTranslation } from 'react-i18next';
import { HOUR_CATEGORIES } from '../../../shared/content/locales';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import type { Agent } from '../../../shared/xapi/types';
import { useFormat } from '../../i18n/format';
import { BarChart } from '../../ui/BarChart';
import { downloadCsv, fileSlug } from '../../ui/downloadCsv';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import { Decision } from './Decision';
import { ReviewControls } from './ReviewControls';
import { latestDecision, type LocalReview } from './localReviews';

type Props = { report: LearnerReport; local: Map<string, LocalReview>; agent: Agent | undefined };

/** Logged hours with approve / question, progress per category, and the entries as CSV. */
export function LearnerHours({ report, local, agent }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const category = useHourCategoryLabel();
  const summary = report.hoursSummary.categories;
  const bars = HOUR_CATEGORIES.map((c) => ({
    label: category(c),
    value: summary[c].approved,
    max: Math.max(summary[c].required, summary[c].approved, 1),
    text: t('mentor.hoursOf', { done: format.number(summary[c].approved), required: format.number(summary[c].required) }),
  }));
  const exportHours = () =>
    downloadCsv(`${fileSlug(report.learner.name)}-hours.csv`, [
      [t('hours.date'), t('hours.category'), t('hours.hours'), t('hours.description'), t('hours.status'), t('mentor.csvComment')],
      ...report.hours.map((e) => {
        const decision = latestDecision(e.review, local.get(e.statementId));
        const status = decision ? (decision.accepted ? t('hours.statusApproved') : t('hours.statusQuestioned')) : t('hours.statusPending');
        return [e.date, category(e.category), String(e.hours), e.description, status, decision?.comment ?? ''];
      }),
    ]);
  return (
    <section aria-labelledby="hours-heading">
      <h2 id="hours-heading">{t('mentor.hoursTitle')}</h2>
      <BarChart title={t('mentor.hoursChart')} bars={bars} valueHeader={t('mentor.hoursApproved')} />
      {report.hours.length === 0 ? (
        <p>{t('mentor.hoursNone')}</p>
      ) : (
        <ul className="plain-list">
          {report.hours.map((entry) => {
            const decision = latestDecision(entry.review, local.get(entry.statementId));
            return (
              <li key={entry.statementId} className="card">
                <h3>
                  {t('mentor.hoursEntry', {
                    date: format.date(entry.date),
                    category: category(entry.category),
                    hours: format.number(entry.hours),
                  })}
                </h3>
                <p className="pre-line">{entry.description}</p>
                {decision && (
                  <Decision review={decision} acceptedText={t('hours.statusApproved')} returnedText={t('hours.statusQuestioned')} />
                )}
                {!decision && agent && (
                  <ReviewControls
                    target={{ statementId: entry.statementId }}
                    learner={agent}
                    label={t('mentor.hoursCommentLabel')}
                    acceptLabel={t('mentor.approve')}
                    returnLabel={t('mentor.question')}
                  />
                )}
              </li>
            );
          })}
        </ul>
      )}
      <p className="no-print">
        <button type="button" className="button--secondary" onClick={exportHours}>
          {t('mentor.exportHours')}
        </button>
      </p>
    </section>
  );
}
