import { useTranslation } from 'react-i18next';
import type { CourseEvent, SurveyReport } from '../../../shared/mentoring/contract';
import type { SurveyItem } from '../../../shared/xapi/build';
import { useCatalog } from '../../content/load';
import { currentContentLocale } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { pick } from '../../ui/localized';

/** Words for survey reports: item questions, answers (index 0 = fully disagree), what a report is about, and its satisfaction. */
export function useSurveyWords(events: readonly CourseEvent[]) {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  const catalog = useCatalog();
  const locale = currentContentLocale(i18n.language);
  const items: Record<SurveyItem, string> = {
    relevant: t('survey.itemRelevant'),
    useful: t('survey.itemUseful'),
    willUse: t('survey.itemWillUse'),
    overall: t('survey.itemOverall'),
  };
  const answers = [t('survey.fullyDisagree'), t('survey.disagree'), t('survey.neutral'), t('survey.agree'), t('survey.fullyAgree')];
  const about = (report: SurveyReport): string => {
    if ('moduleId' in report.about) {
      const { moduleId } = report.about;
      const module = catalog.status === 'ready' ? catalog.data.modules.find((m) => m.id === moduleId) : undefined;
      return t('reports.aboutModule', { title: module ? pick(module.title, locale).text : moduleId });
    }
    const { eventId } = report.about;
    return t('reports.aboutEvent', { title: events.find((e) => e.id === eventId)?.title ?? eventId });
  };
  /** How many were satisfied overall ("agree" or "fully agree" on the overall item): "75% (3 of 4)". */
  const satisfied = (report: SurveyReport): string => {
    const [, , , agree = 0, fullyAgree = 0] = report.items.overall;
    const count = agree + fullyAgree;
    return t('reports.satisfiedValue', {
      percent: format.percent(report.responses ? count / report.responses : 0),
      agree: format.number(count),
      responses: format.number(report.responses),
    });
  };
  return { items, answers, about, satisfied };
}
