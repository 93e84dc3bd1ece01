import { useTranslation } from 'react-i18next';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import type { Agent } from '../../../shared/xapi/types';
import { verbName } from '../../../shared/xapi/verbs';
import type { StoredStatement } from '../../db/schema';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { DataAge } from '../../ui/DataAge';
import { usePageTitle } from '../../ui/usePageTitle';
import { LearnerAssignments } from './LearnerAssignments';
import { LearnerHours } from './LearnerHours';
import { LearnerModules } from './LearnerModules';
import { LearnerTimeline } from './LearnerTimeline';
import { localReviewsByTarget } from './localReviews';
import { MentorBreadcrumb, useFromCohort } from './MentorBreadcrumb';
import { useCourseTitles } from './useModuleTitles';

type Props = { report: LearnerReport; ownReviews: StoredStatement[]; fetchedAt: string; fromCache: boolean; onReload: () => void };

/** The learner's own statements name their xAPI agent, which a review addresses. */
function learnerAgent(report: LearnerReport): Agent | undefined {
  const own = report.timeline.find((s) => verbName(s.verb.id) !== 'reviewed');
  return own?.actor.objectType === 'Group' ? undefined : (own?.actor as Agent | undefined);
}

export function LearnerView({ report, ownReviews, fetchedAt, fromCache, onReload }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const titles = useCourseTitles();
  usePageTitle(report.learner.name);
  const local = localReviewsByTarget(ownReviews);
  const agent = learnerAgent(report);
  const learner = report.learner;
  const cohort = useFromCohort();
  return (
    <>
      <MentorBreadcrumb trail={cohort ? [{ to: paths.cohort(cohort.id), label: cohort.name }] : []} here={learner.name} />
      <h1>{learner.name}</h1>
      <DataAge fetchedAt={fetchedAt} fromCache={fromCache} onReload={onReload} />
      <dl className="facts">
        <div>
          <dt>{t('mentor.colLastSync')}</dt>
          <dd>{learner.lastSyncAt ? format.dateTime(learner.lastSyncAt) : t('mentor.never')}</dd>
        </div>
        <div>
          <dt>{t('mentor.colLastActivity')}</dt>
          <dd>{learner.lastActivityAt ? format.dateTime(learner.lastActivityAt) : t('mentor.never')}</dd>
        </div>
        <div>
          <dt>{t('mentor.colModulesCompleted')}</dt>
          <dd>{format.number(learner.modulesCompleted)}</dd>
        </div>
        <div>
          <dt>{t('mentor.colTime')}</dt>
          <dd>{format.duration(learner.secondsSpent)}</dd>
        </div>
      </dl>
      <LearnerAssignments
        key={report.learner.id}
        report={report}
        local={local}
        agent={agent}
        moduleTitle={titles.module}
        moduleLang={titles.moduleLang}
      />
      <LearnerHours report={report} local={local} agent={agent} />
      <LearnerModules report={report} catalog={titles.catalog} moduleTitle={titles.module} moduleLang={titles.moduleLang} />
      <LearnerTimeline report={report} moduleTitle={titles.module} />
    </>
  );
}
