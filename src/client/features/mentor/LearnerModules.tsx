import { useTranslation } from 'react-i18next';
import { CircleCheck, CircleX } from 'lucide-react';
import type { Catalog } from '../../../shared/content/compiled';
import type { QuizAttempt } from '../../../shared/learning/fold';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import { useModuleContent } from '../../content/load';
import { useFormat } from '../../i18n/format';
import { currentContentLocale } from '../../i18n/i18n';
import { StatusBadge } from '../../ui/StatusBadge';
import { ScrollRegion } from '../../ui/ScrollRegion';
import { FactPairs } from '../../ui/BlockList';
import { useNarrowScreen } from '../../ui/useNarrowScreen';
import { LessonVersions } from './LessonVersions';
import { answerParts, AnswerText, rightAnswerParts, ShownChoices, shownChoices, useAnswerWords } from './quizAnswers';
import './LearnerModules.css';

/**
 * Progress per module, the lessons completed on an earlier version of their module, and every
 * quiz attempt with its answers (right or wrong, in words).
 */
export function LearnerModules({
  report,
  catalog,
  moduleTitle,
  moduleLang,
}: {
  report: LearnerReport;
  /** The course as served now, for the lessons completed on an earlier version of a module. */
  catalog: Catalog | undefined;
  moduleTitle: (id: string) => string;
  moduleLang: (id: string) => string | undefined;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  // On a phone the modules are blocks (ui/BlockList): five columns hid all but the title and status.
  const narrow = useNarrowScreen();
  return (
    <>
      <section aria-labelledby="modules-heading">
        <h2 id="modules-heading">{t('mentor.modulesTitle')}</h2>
        {narrow ? (
          <ul className="plain-list block-list" aria-label={t('mentor.modulesCaption')}>
            {report.modules.map((m) => (
              <li key={m.moduleId} className="block-list__item">
                <span className="block-list__title" lang={moduleLang(m.moduleId)}>
                  {moduleTitle(m.moduleId)}
                </span>
                <div className="block-list__meta">
                  <StatusBadge status={m.status} />
                  <FactPairs
                    facts={[
                      { term: t('mentor.colProgress'), value: format.percent(m.percent / 100) },
                      m.bestScore !== null && { term: t('mentor.colBestScore'), value: format.percent(m.bestScore) },
                      m.secondsSpent > 0 && { term: t('mentor.colTime'), value: format.duration(m.secondsSpent) },
                    ]}
                  />
                </div>
              </li>
            ))}
          </ul>
        ) : (
          <ScrollRegion labelledBy="modules-caption">
            <table>
              <caption id="modules-caption" className="visually-hidden">
                {t('mentor.modulesCaption')}
              </caption>
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
                    <th scope="row" lang={moduleLang(m.moduleId)}>
                      {moduleTitle(m.moduleId)}
                    </th>
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
          </ScrollRegion>
        )}
        <LessonVersions lessons={report.lessons ?? []} catalog={catalog} moduleTitle={moduleTitle} moduleLang={moduleLang} />
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
              {/* Scored on this version of the module; a newer version does not re-score it. */}
              {attempt.moduleVersion !== undefined && <> {t('mentor.attemptVersion', { version: attempt.moduleVersion })}</>}
            </summary>
            <AttemptAnswers attempt={attempt} />
          </details>
        ))}
      </section>
    </>
  );
}

/**
 * One attempt's answers with the question and option texts in the mentor's language, in the
 * order the learner saw the questions and, for choices, the options, each marked right or wrong
 * in words beside an icon (never colour alone), with the right answer under a wrong one.
 */
function AttemptAnswers({ attempt }: { attempt: QuizAttempt }) {
  const { t, i18n } = useTranslation();
  const words = useAnswerWords();
  const content = useModuleContent(attempt.moduleId, currentContentLocale(i18n.language));
  const quiz = content.status === 'ready' ? (content.data.quiz?.questions ?? []) : [];
  const questions = new Map(quiz.map((q) => [q.id, q]));
  const seen = attempt.questionIds ?? quiz.map((q) => q.id);
  const position = (questionId: string) => {
    const index = seen.indexOf(questionId);
    return index === -1 ? seen.length : index;
  };
  // In the order the attempt showed them (the quiz's, for attempts that did not record one).
  const answers = [...attempt.answers].sort((a, b) => position(a.questionId) - position(b.questionId));
  return (
    <table>
      <thead>
        <tr>
          <th scope="col">{t('mentor.colQuestion')}</th>
          <th scope="col">{t('mentor.colAnswer')}</th>
          <th scope="col">{t('mentor.colResult')}</th>
        </tr>
      </thead>
      <tbody>
        {answers.map((answer) => {
          const question = questions.get(answer.questionId);
          const Verdict = answer.success ? CircleCheck : CircleX;
          const choices = shownChoices(question, { response: answer.response, order: attempt.optionOrder?.[answer.questionId] });
          return (
            <tr key={answer.questionId}>
              <th scope="row">{question?.text ?? answer.questionId}</th>
              <td>
                <AnswerText answer={answerParts(question, answer.response, words)} />
                {choices && <ShownChoices choices={choices} />}
              </td>
              <td className={answer.success ? 'answer--right' : 'answer--wrong'}>
                <span className="answer__verdict">
                  <Verdict aria-hidden="true" size={16} />
                  {answer.success ? t('mentor.right') : t('mentor.wrong')}
                </span>
                {!answer.success && question && (
                  <div className="answer__right">
                    {t('mentor.rightAnswer')} <AnswerText answer={rightAnswerParts(question, words)} />
                  </div>
                )}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
