import { useTranslation } from 'react-i18next';
import type { QuizAttempt } from '../../shared/learning/fold';
import { useFormat } from '../i18n/format';

/** An attempt's score ("6/8 (75%)") and result ("Passed") as the quiz page and My learning say them. */
export function useAttemptWords() {
  const { t } = useTranslation();
  const format = useFormat();
  return {
    score: (a: QuizAttempt) => `${a.raw}/${a.max} (${format.percent(a.scaled)})`,
    result: (a: QuizAttempt) => (a.passed ? t('quiz.passed') : t('quiz.failed')),
  };
}
