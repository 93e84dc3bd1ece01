import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { Trans, useTranslation } from 'react-i18next';
import type { CatalogCurriculum, ModuleContent, QuizContent, QuizQuestion } from '../../../shared/content/compiled';
import type { QuizAttempt } from '../../../shared/learning/fold';
import { celebrationFor, milestones, type Milestones } from '../../../shared/learning/milestones';
import type { ModuleProgress } from '../../../shared/learning/progress';
import type { OpenAttempt } from '../../../shared/learning/openAttempt';
import type { UiLocale } from '../../../shared/content/locales';
import { encodeResponse, isCorrect, presentQuiz, shownOptionOrder, type QuizResponse } from '../../../shared/learning/quiz';
import type { ModuleRef } from '../../../shared/xapi/build';
import { newUuid } from '../../../shared/xapi/ids';
import { finishQuiz, recordAnswer, startQuiz } from '../../db/actions';
import { rememberQuizStep, type QuizStep } from '../../db/quizStep';
import { paths } from '../../app/paths';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { usePageTitle } from '../../ui/usePageTitle';
import { useActiveTime } from '../../ui/useActiveTime';
import { useFormat } from '../../i18n/format';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { CelebrationBurst } from '../../ui/Celebration';
import { pick } from '../../ui/localized';
import { QuestionInput } from './QuestionInput';
import { QuestionFeedback } from './QuestionFeedback';
import { AttemptHistory } from './AttemptHistory';
import { resumeAttempt, type Attempt } from './attempt';
import './QuizView.css';

function hasAnswer(question: QuizQuestion, response: QuizResponse | undefined): boolean {
  if (!response) return question.type === 'order';
  return response.kind === 'choice' ? response.ids.length > 0 : true;
}

export function QuizView({
  module,
  quiz,
  attempts,
  openAttempt,
  quizStep,
  uiLanguage,
  curricula,
  studyProgress,
}: {
  module: ModuleContent;
  quiz: QuizContent;
  attempts: QuizAttempt[];
  /** The learner's latest attempt if it has no result yet, to continue where they left off. */
  openAttempt: OpenAttempt | null;
  /** The question this device last moved on to with "Next question", to tell it from a checked answer. */
  quizStep: QuizStep | null;
  uiLanguage: UiLocale;
  /** The pathways and every module's progress: for the module or pathway a passed quiz completes. */
  curricula: readonly CatalogCurriculum[];
  studyProgress: ReadonlyMap<string, ModuleProgress>;
}) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(t('quiz.title', { module: module.title }));
  const { take } = useActiveTime();
  const [attempt, setAttempt] = useState<Attempt | undefined>();
  const [finished, setFinished] = useState<{ raw: number; max: number } | undefined>();
  // The milestones just before this attempt's result was saved: what it completed is celebrated once.
  const now = milestones({ moduleId: module.id, curricula, progress: studyProgress });
  const [before, setBefore] = useState<Milestones | null>(null);
  const celebration = finished && before ? celebrationFor(before, now) : null;
  const completed = celebration && celebration.kind !== 'lesson' ? celebration : null;
  const completedPathway = completed?.kind === 'pathway' ? curricula.find((c) => c.id === completed.curriculumId) : undefined;
  const feedbackRef = useRef<HTMLDivElement>(null);
  const questionHeadingRef = useRef<HTMLHeadingElement>(null);
  const resultHeadingRef = useRef<HTMLHeadingElement>(null);
  const [announcement, setAnnouncement] = useState('');
  const announceTimer = useRef<number | undefined>(undefined);
  // Emptied first, so the same words twice in a row ("Moved to position 2 of 5") are said twice.
  const announce = (text: string) => {
    setAnnouncement('');
    window.clearTimeout(announceTimer.current);
    announceTimer.current = window.setTimeout(() => setAnnouncement(text), 50);
  };
  useEffect(() => () => window.clearTimeout(announceTimer.current), []);
  // A new question (started, resumed or after "Next question") takes focus at its heading, which
  // says "Question 3 of 8"; its first control is then one Tab away. These renders come from a
  // saved promise, so the focus moves in a layout effect (see the feedback's below): a passive
  // one could still be pending when the learner already acts in the question, and take it back.
  const questionKey = attempt ? `${attempt.id}/${attempt.index}` : undefined;
  useLayoutEffect(() => {
    if (questionKey) questionHeadingRef.current?.focus();
  }, [questionKey]);
  useLayoutEffect(() => {
    if (finished) resultHeadingRef.current?.focus();
  }, [finished]);
  // After "Check", focus moves to the feedback once it is rendered (the answer is saved first,
  // so the render comes from a promise, not from the click). A layout effect runs in the same
  // task as the commit: a passive one may wait until after paint, and anything reading focus
  // as soon as the feedback appears (a screen reader, a test) would find it still on the button.
  const focusFeedback = useRef(false);
  useLayoutEffect(() => {
    if (!focusFeedback.current || !attempt?.checked) return;
    focusFeedback.current = false;
    feedbackRef.current?.focus();
  });
  const ref: ModuleRef = { moduleId: module.id, moduleVersion: module.version, locale: quiz.fallback ? 'en' : module.locale };
  const best = attempts.length ? Math.max(...attempts.map((a) => a.scaled)) : undefined;
  // The content's language, set as `lang` on its text when the page is in another one. A quiz
  // that falls back question by question is only marked when all of it is English.
  const textLang = !quiz.fallback || module.locale === 'en' ? module.locale : undefined;
  const contentLang = textLang && textLang !== uiLanguage ? textLang : undefined;
  const titleLang = module.titleLocale !== uiLanguage ? module.titleLocale : undefined;
  const shownPerAttempt = Math.min(quiz.draw ?? quiz.questions.length, quiz.questions.length);

  // The attempt begins once its draw is saved, so its questions are on record from the start;
  // a failed save is said and nothing begins.
  const startAttempt = useAction(async () => {
    take();
    const id = newUuid();
    const { questions, optionOrder } = presentQuiz(quiz, id);
    await startQuiz(ref, { attemptId: id, questionIds: questions.map((q) => q.id), optionOrder });
    setFinished(undefined);
    setBefore(null);
    setAttempt({ id, questions, optionOrder, index: 0, responses: {}, checked: false, correct: 0 });
  });
  // An answer is kept even if the attempt is never finished; a failed save is said, the quiz goes on.
  // The feedback (`checked`, the attempt with this answer in it) shows once the answer is stored
  // (or its failure is said), so a reload that follows the feedback always finds the answer checked.
  const saveAnswer = useAction(
    async ({
      answer,
      checked,
    }: {
      answer: { attemptId: string; questionId: string; response: string; success: boolean };
      checked: Attempt;
    }) => {
      try {
        await recordAnswer(ref, answer);
      } finally {
        focusFeedback.current = true;
        setAttempt(checked);
      }
    },
  );
  // The result shows once it is saved, so a reload right after never loses the attempt; a failed
  // save is said and the attempt stays, so "See result" tries again.
  const finish = useAction(async (attemptId: string, result: { raw: number; max: number }) => {
    setBefore(now);
    await finishQuiz(ref, { attemptId, raw: result.raw, max: result.max, passMark: quiz.passMark, activeMs: take() });
    setAttempt(undefined);
    setFinished(result);
  });

  const header = (
    <>
      <Breadcrumb module={{ id: module.id, title: module.title, lang: titleLang }} here={t('quiz.breadcrumb')} />
      <h1>
        <Trans i18nKey="quiz.heading" values={{ module: module.title }} components={{ title: <span lang={titleLang} /> }} />
      </h1>
      {/* A live region from the start, so the words are said when a passed quiz completes the module. */}
      <div role="status" className="celebration-news">
        {completed && <CelebrationBurst size={completed.kind} />}
        {completed?.kind === 'module' && (
          <p className="celebration-news__words">
            {t('celebrate.module')} <span lang={module.titleLocale}>{module.title}</span>
          </p>
        )}
        {completedPathway && (
          <p className="celebration-news__words">
            {t('celebrate.pathway')}{' '}
            <span lang={pick(completedPathway.title, module.locale).lang}>{pick(completedPathway.title, module.locale).text}</span>
          </p>
        )}
      </div>
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
        <section aria-labelledby="result-heading" className={`card quiz-result ${passed ? 'quiz-result--passed' : 'quiz-result--failed'}`}>
          <h2 id="result-heading" ref={resultHeadingRef} tabIndex={-1}>
            {passed ? t('quiz.passedTitle') : t('quiz.failedTitle')}
          </h2>
          <p role="status">
            {t('quiz.score', { count: finished.max, raw: finished.raw, max: finished.max, percent: format.percent(scaled) })}
          </p>
          <p>{passed ? t('quiz.passedBody', { passMark: quiz.passMark }) : t('quiz.failedBody', { passMark: quiz.passMark })}</p>
          <ActionError error={startAttempt.error} />
          <div className="inline-group">
            <button type="button" onClick={() => startAttempt.run()}>
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
    const resumable = openAttempt ? resumeAttempt({ quiz, open: openAttempt, step: quizStep }) : undefined;
    return (
      <>
        {header}
        <p>{t('module.quizFacts', { count: shownPerAttempt, passMark: quiz.passMark })}</p>
        {shownPerAttempt < quiz.questions.length && <p>{t('quiz.poolNotice', { shown: shownPerAttempt, pool: quiz.questions.length })}</p>}
        {best !== undefined && <p>{t('module.bestScore', { score: format.percent(best), count: attempts.length })}</p>}
        <p>{t('quiz.retriesAllowed')}</p>
        <ActionError error={startAttempt.error} />
        {resumable && (
          <p>{t('quiz.resumeNotice', { answered: Object.keys(resumable.responses).length, total: resumable.questions.length })}</p>
        )}
        <div className="inline-group">
          {resumable && (
            <button
              type="button"
              onClick={() => {
                take();
                setAttempt(resumable);
              }}
            >
              {t('quiz.resume')}
            </button>
          )}
          <button type="button" className={resumable ? 'button--secondary' : undefined} onClick={() => startAttempt.run()}>
            {attempts.length ? t('module.quizRetake') : t('module.quizStart')}
          </button>
        </div>
        <AttemptHistory attempts={attempts} />
      </>
    );
  }

  const question = attempt.questions[attempt.index];
  if (!question) return null;
  const order = shownOptionOrder(question, attempt);
  const response = attempt.responses[question.id] ?? (question.type === 'order' ? { kind: 'order' as const, ids: order } : undefined);
  const correct = response ? isCorrect(question, response) : false;
  const last = attempt.index === attempt.questions.length - 1;

  const check = () => {
    if (!response || saveAnswer.status === 'running') return;
    const checked = {
      ...attempt,
      responses: { ...attempt.responses, [question.id]: response },
      checked: true,
      correct: attempt.correct + (correct ? 1 : 0),
    };
    saveAnswer.run({
      answer: { attemptId: attempt.id, questionId: question.id, response: encodeResponse(response), success: correct },
      checked,
    });
  };

  const next = () => {
    if (last) {
      const result = { raw: attempt.correct, max: attempt.questions.length };
      finish.run(attempt.id, result);
      return;
    }
    // Device-only and best effort: without it, a reload shows this answer's feedback once more.
    // The next question shows once the step is stored, so a reload after it opens there.
    const moved = { ...attempt, index: attempt.index + 1, checked: false };
    rememberQuizStep(module.id, { attemptId: attempt.id, index: moved.index })
      .catch(() => undefined)
      .finally(() => setAttempt(moved));
  };

  const hint = question.type === 'multiple' ? t('quiz.chooseAllHint') : question.type === 'order' ? t('quiz.putInOrderHint') : undefined;
  const hintId = `quiz-hint-${question.id}`;

  return (
    <>
      {header}
      <form
        className="card quiz-question"
        aria-labelledby="question-heading"
        onSubmit={(event) => {
          event.preventDefault();
          if (attempt.checked) next();
          else check();
        }}
      >
        <h2 id="question-heading" ref={questionHeadingRef} tabIndex={-1} className="quiz-question__progress">
          {t('quiz.progress', { current: attempt.index + 1, total: attempt.questions.length })}
        </h2>
        <fieldset aria-describedby={hint ? hintId : undefined}>
          <legend className="quiz-question__text" lang={contentLang}>
            {question.text}
          </legend>
          {hint && (
            <p id={hintId} className="quiz-question__hint">
              {hint}
            </p>
          )}
          <QuestionInput
            key={`${attempt.id}/${question.id}`}
            question={question}
            order={order}
            response={attempt.responses[question.id]}
            checked={attempt.checked}
            lang={contentLang}
            onChange={(value) => setAttempt({ ...attempt, responses: { ...attempt.responses, [question.id]: value } })}
            onAnnounce={announce}
          />
        </fieldset>
        {attempt.checked && <QuestionFeedback ref={feedbackRef} question={question} correct={correct} lang={contentLang} />}
        <p className="visually-hidden" aria-live="polite">
          {announcement}
        </p>
        <ActionError error={saveAnswer.error ?? finish.error} />
        <button
          type="submit"
          className="quiz-question__submit"
          disabled={finish.status === 'running' || (!attempt.checked && !hasAnswer(question, attempt.responses[question.id]))}
        >
          {attempt.checked ? (last ? t('quiz.seeResult') : t('quiz.next')) : t('quiz.check')}
        </button>
      </form>
    </>
  );
}
