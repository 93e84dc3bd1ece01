import { useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { ModuleContent, QuizContent, QuizQuestion } from '../../../shared/content/compiled';
import type { QuizAttempt } from '../../../shared/learning/fold';
import type { UiLocale } from '../../../shared/content/locales';
import { encodeResponse, isCorrect, seededShuffle, type QuizResponse } from '../../../shared/learning/quiz';
import type { ModuleRef } from '../../../shared/xapi/build';
import { newUuid } from '../../../shared/xapi/ids';
import { finishQuiz, recordAnswer } from '../../db/actions';
import { paths } from '../../app/paths';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { usePageTitle } from '../../ui/usePageTitle';
import { useActiveTime } from '../../ui/useActiveTime';
import { useFormat } from '../../i18n/format';
import { QuestionInput } from './QuestionInput';
import { AttemptHistory } from './AttemptHistory';

type Attempt = { id: string; index: number; responses: Record<string, QuizResponse>; checked: boolean; correct: number };

function optionOrder(question: QuizQuestion, attemptId: string): string[] {
  if (question.type === 'truefalse') return [];
  const ids = question.options.map((o) => o.id);
  return question.type === 'order' ? seededShuffle(ids, `${attemptId}/${question.id}`) : ids;
}

function hasAnswer(question: QuizQuestion, response: QuizResponse | undefined): boolean {
  if (!response) return question.type === 'order';
  return response.kind === 'choice' ? response.ids.length > 0 : true;
}

export function QuizView({
  module,
  quiz,
  attempts,
  uiLanguage,
}: {
  module: ModuleContent;
  quiz: QuizContent;
  attempts: QuizAttempt[];
  uiLanguage: UiLocale;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('quiz.title', { module: module.title }));
  const { take } = useActiveTime();
  const [attempt, setAttempt] = useState<Attempt | undefined>();
  const [finished, setFinished] = useState<{ raw: number; max: number } | undefined>();
  const feedbackRef = useRef<HTMLDivElement>(null);
  const ref: ModuleRef = { moduleId: module.id, moduleVersion: module.version, locale: quiz.fallback ? 'en' : module.locale };
  const best = attempts.length ? Math.max(...attempts.map((a) => a.scaled)) : undefined;

  const start = () => {
    take();
    setFinished(undefined);
    setAttempt({ id: newUuid(), index: 0, responses: {}, checked: false, correct: 0 });
  };

  const header = (
    <>
      <Breadcrumb module={{ id: module.id, title: module.title }} here={t('quiz.breadcrumb')} />
      <h1>{t('quiz.title', { module: module.title })}</h1>
      {(quiz.fallback || module.locale !== uiLanguage) && (
        <p className="notice" role="note">
          {t('quiz.fallbackNotice')}
        </p>
      )}
    </>
  );

  if (finished) {
    const scaled = finished.max ? finished.raw / finished.max : 0;
    const passed = scaled * 100 >= quiz.passMark;
    return (
      <>
        {header}
        <section aria-labelledby="result-heading" className={`card result ${passed ? 'result--passed' : 'result--failed'}`}>
          <h2 id="result-heading">{passed ? t('quiz.passedTitle') : t('quiz.failedTitle')}</h2>
          <p role="status">{t('quiz.score', { raw: finished.raw, max: finished.max, percent: format.percent(scaled) })}</p>
          <p>{passed ? t('quiz.passedBody', { passMark: quiz.passMark }) : t('quiz.failedBody', { passMark: quiz.passMark })}</p>
          <div className="inline-group">
            <button type="button" onClick={start}>
              {t('quiz.tryAgain')}
            </button>
            <Link className="button button--secondary" to={paths.module(module.id)}>
              {t('quiz.backToModule')}
            </Link>
          </div>
        </section>
        <AttemptHistory attempts={attempts} />
      </>
    );
  }

  if (!attempt) {
    return (
      <>
        {header}
        <p>{t('module.quizFacts', { count: quiz.questions.length, passMark: quiz.passMark })}</p>
        {best !== undefined && <p>{t('module.bestScore', { score: format.percent(best), count: attempts.length })}</p>}
        <p>{t('quiz.retriesAllowed')}</p>
        <button type="button" onClick={start}>
          {attempts.length ? t('module.quizRetake') : t('module.quizStart')}
        </button>
        <AttemptHistory attempts={attempts} />
      </>
    );
  }

  const question = quiz.questions[attempt.index];
  if (!question) return null;
  const order = optionOrder(question, attempt.id);
  const response = attempt.responses[question.id] ?? (question.type === 'order' ? { kind: 'order' as const, ids: order } : undefined);
  const correct = response ? isCorrect(question, response) : false;
  const last = attempt.index === quiz.questions.length - 1;

  const check = () => {
    if (!response) return;
    void recordAnswer(ref, attempt.id, question.id, encodeResponse(response), correct);
    setAttempt({
      ...attempt,
      responses: { ...attempt.responses, [question.id]: response },
      checked: true,
      correct: attempt.correct + (correct ? 1 : 0),
    });
    window.setTimeout(() => feedbackRef.current?.focus(), 0);
  };

  const next = () => {
    if (last) {
      const result = { raw: attempt.correct, max: quiz.questions.length };
      // The result shows once it is saved, so a reload right after never loses the attempt.
      void finishQuiz(ref, attempt.id, result.raw, result.max, quiz.passMark, take()).then(() => {
        setAttempt(undefined);
        setFinished(result);
      });
      return;
    }
    setAttempt({ ...attempt, index: attempt.index + 1, checked: false });
  };

  return (
    <>
      {header}
      <form
        className="card question"
        onSubmit={(event) => {
          event.preventDefault();
          if (attempt.checked) next();
          else check();
        }}
      >
        <p className="muted">{t('quiz.progress', { current: attempt.index + 1, total: quiz.questions.length })}</p>
        <fieldset>
          <legend>
            <span className="question__text">{question.text}</span>
            {question.type === 'multiple' && <span className="muted"> {t('quiz.chooseAll')}</span>}
            {question.type === 'order' && <span className="muted"> {t('quiz.putInOrder')}</span>}
          </legend>
          <QuestionInput
            key={`${attempt.id}/${question.id}`}
            question={question}
            order={order}
            response={attempt.responses[question.id]}
            locked={attempt.checked}
            onChange={(value) => setAttempt({ ...attempt, responses: { ...attempt.responses, [question.id]: value } })}
          />
        </fieldset>
        {attempt.checked && (
          <div ref={feedbackRef} tabIndex={-1} className={`feedback ${correct ? 'feedback--right' : 'feedback--wrong'}`} role="status">
            <p>
              <strong>{correct ? t('quiz.correct') : t('quiz.incorrect')}</strong>
            </p>
            <p>{question.explanation}</p>
          </div>
        )}
        <button type="submit" disabled={!attempt.checked && !hasAnswer(question, attempt.responses[question.id])}>
          {attempt.checked ? (last ? t('quiz.seeResult') : t('quiz.next')) : t('quiz.check')}
        </button>
      </form>
    </>
  );
}
