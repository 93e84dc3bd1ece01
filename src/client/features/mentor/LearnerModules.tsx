import { useTranslation } from 'react-i18next';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../ui/StatusBadge';

/** Progress per module, and every quiz attempt with its answers (right or wrong, in words). */
export function LearnerModules({ report, moduleTitle }: { report: LearnerReport; moduleTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <>
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('mentor.modulesTitle')}</h2>
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('mentor.colModule')}</th>
                <th scope="col">{t('mentor.colStatus')}</th>
                <th scope="col">{t('mentor.colProgress')}</th>
                <th scope="col">{t('mentor.colBestScore')}</th>
                <th scope="col">{t('mentor.colTime')}</th>
              </tr>
            </thead>
            <tbody>
              {report.modules.map((m) => (
                <tr key={m.moduleId}>
                  <th scope="row">{moduleTitle(m.moduleId)}</th>
                  <td>
                    <StatusBadge status={m.status} />
                  </td>
                  <td>{format.percent(m.percent / 100)}</td>
                  <td>{m.bestScore === null ? '–' : format.percent(m.bestScore)}</td>
                  <td>{format.duration(m.secondsSpent)}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      </section>
      <section aria-labelledby="attempts-heading">
        <h2 id="attempts-heading">{t('mentor.attemptsTitle')}</h2>
        {report.attempts.length === 0 && <p>{t('mentor.attemptsNone')}</p>}
        {report.attempts.map((attempt) => (
          <details key={`${attempt.moduleId}-${attempt.attemptId}`} className="card">
            <summary>
              {t('mentor.attemptSummary', {
                module: moduleTitle(attempt.moduleId),
                date: format.dateTime(attempt.at),
                score: format.percent(attempt.scaled),
              })}{' '}
              {attempt.passed ? t('mentor.passed') : t('mentor.failed')}
            </summary>
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('mentor.colQuestion')}</th>
                  <th scope="col">{t('mentor.colAnswer')}</th>
                  <th scope="col">{t('mentor.colResult')}</th>
                </tr>
              </thead>
              <tbody>
                {attempt.answers.map((answer) => (
                  <tr key={answer.questionId}>
                    <th scope="row">{answer.questionId}</th>
                    <td>{answer.response}</td>
                    <td>{answer.success ? t('mentor.right') : t('mentor.wrong')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </details>
        ))}
      </section>
    </>
  );
}
