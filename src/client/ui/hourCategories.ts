import { useTranslation } from 'react-i18next';
import type { HourCategory } from '../../shared/content/locales';

/** The name of a learning-hours category in the person's language. */
export function useHourCategoryLabel(): (category: HourCategory) => string {
  const { t } = useTranslation();
  return (category) =>
    ({
      'face-to-face': t('hours.categoryFaceToFace'),
      online: t('hours.categoryOnline'),
      project: t('hours.categoryProject'),
      assessment: t('hours.categoryAssessment'),
      'work-based': t('hours.categoryWorkBased'),
    })[category];
}

/** An hours entry's review state in words (never colour alone). */
export function useHoursStatusLabel(): (status: 'approved' | 'pending' | 'questioned') => string {
  const { t } = useTranslation();
  return (status) =>
    ({ approved: t('hours.statusApproved'), pending: t('hours.statusPending'), questioned: t('hours.statusQuestioned') })[status];
}
