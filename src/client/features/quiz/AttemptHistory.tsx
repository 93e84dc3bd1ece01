import { useTranslation } from 'react-i18next';
import type { QuizAttempt } from '../../../shared/learning/fold';
import { useFormat } from '../../i18n/format';

export function AttemptHistory({ attempts }: { attempts: QuizAttempt[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  if (attempts.length === 0) return null;
  return (
    <section aria-labelledby="history-heading">
      <h2 id="history-heading">{t('quiz.historyTitle')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('quiz.historyDate')}</th>
              <th scope="col">{t('quiz.historyScore')}</th>
              <th scope="col">{t('quiz.historyResult')}</th>
              <th scope="col">{t('quiz.historyVersion')}</th>
            </tr>
          </thead>
          <tbody>
            {attempts.map((a) => (
              <tr key={a.attemptId}>
                <td>{format.dateTime(a.at)}</td>
                <td>
                  {a.raw}/{a.max} ({format.percent(a.scaled)})
                </td>
                <td>{a.passed ? t('quiz.passed') : t('quiz.failed')}</td>
                {/* The module version the attempt was scored on: a newer version does not re-score it. */}
                <td>{a.moduleVersion ?? ''}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
