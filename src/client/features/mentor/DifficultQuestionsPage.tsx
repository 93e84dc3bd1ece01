import { useParams, useSearchParams } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { useModuleContent } from '../../content/load';
import { currentContentLocale } from '../../i18n/i18n';
import { useFormat } from '../../i18n/format';
import { DataAge } from '../../ui/DataAge';
import { Loading } from '../../ui/Loading';
import { useCachedApi } from '../../ui/useCachedApi';
import { usePageTitle } from '../../ui/usePageTitle';
import { LoadProblem } from './LoadProblem';
import { MentorBreadcrumb } from './MentorBreadcrumb';
import { MentorOnly } from './MentorOnly';
import { answerParts, AnswerText, useAnswerWords } from './quizAnswers';
import { useCourseTitles } from './useModuleTitles';
import '../../ui/mentoring.css';

/** /mentor/cohorts/:cohortId/questions?module=ID: per quiz, the questions learners got wrong most on the first try. */
export function DifficultQuestionsPage() {
  return (
    <MentorOnly>
      <Questions />
    </MentorOnly>
  );
}

function Questions() {
  const { t, i18n } = useTranslation();
  const format = useFormat();
  usePageTitle(t('mentor.questionsTitle'));
  const { cohortId = '' } = useParams();
  const [search, setSearch] = useSearchParams();
  const titles = useCourseTitles();
  const withQuiz = (titles.catalog?.modules ?? []).filter((m) => m.quiz);
  const moduleId = search.get('module') ?? withQuiz[0]?.id ?? '';
  const content = useModuleContent(moduleId, currentContentLocale(i18n.language));
  const { state, reload } = useCachedApi(moduleId ? `/api/cohorts/${cohortId}/difficult-questions?module=${moduleId}` : undefined, () =>
    api.difficultQuestions(cohortId, moduleId),
  );
  const questions = new Map((content.status === 'ready' ? (content.data.quiz?.questions ?? []) : []).map((q) => [q.id, q]));
  const words = useAnswerWords();
  if (state.status === 'error') return <LoadProblem title={t('mentor.questionsTitle')} error={state.error} onRetry={reload} />;
  return (
    <>
      <MentorBreadcrumb trail={[{ to: paths.cohort(cohortId), label: t('mentor.dashboardTitle') }]} here={t('mentor.questionsTitle')} />
      <h1>{t('mentor.questionsTitle')}</h1>
      <p>{t('mentor.questionsIntro')}</p>
      <div className="field">
        <label htmlFor="questions-module">{t('mentor.questionsModule')}</label>
        <select id="questions-module" value={moduleId} onChange={(e) => setSearch({ module: e.target.value })}>
          {withQuiz.map((m) => (
            <option key={m.id} value={m.id}>
              {titles.module(m.id)}
            </option>
          ))}
        </select>
      </div>
      {state.status === 'loading' ? (
        <Loading />
      ) : (
        <>
          <DataAge fetchedAt={state.fetchedAt} fromCache={state.fromCache} onReload={reload} />
          {state.data.length === 0 || state.data.every((q) => q.learners === 0) ? (
            <p>{t('mentor.questionsNone')}</p>
          ) : (
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('mentor.colQuestion')}</th>
                  <th scope="col">{t('mentor.questionsRight')}</th>
                  <th scope="col">{t('mentor.questionsCommonWrong')}</th>
                </tr>
              </thead>
              <tbody>
                {state.data.map((q) => {
                  const question = questions.get(q.questionId);
                  return (
                    <tr key={q.questionId}>
                      <th scope="row">{question?.text ?? q.questionId}</th>
                      <td>
                        {t('mentor.questionsShare', { percent: format.percent(q.share), right: q.firstTimeRight, learners: q.learners })}
                      </td>
                      <td>
                        {q.commonWrongAnswer === null ? (
                          '–'
                        ) : (
                          <>
                            <AnswerText answer={answerParts(question, q.commonWrongAnswer, words)} />{' '}
                            <span className="muted">({t('mentor.cohortLearners', { count: q.commonWrongCount })})</span>
                          </>
                        )}
                      </td>
                    </tr>
                  );
                })}
              </tbody>
            </table>
          )}
        </>
      )}
    </>
  );
}
