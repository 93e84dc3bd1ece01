import { useTranslation } from 'react-i18next';
import type { QuizAttempt } from '../../../shared/learning/fold';
import { useFormat } from '../../i18n/format';
import { useAttemptWords } from '../../ui/attemptWords';

export function AttemptHistory({ attempts }: { attempts: QuizAttempt[] }) {
  const { t } = useTranslation();
  const format = useFormat();
  const { score, result } = useAttemptWords();
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
                <td>{score(a)}</td>
                <td>{result(a)}</td>
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
