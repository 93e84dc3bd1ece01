import { useLayoutEffect, useRef, useState } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowRight, Check } from 'lucide-react';
import type { CatalogCurriculum, LessonContent, ModuleContent } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { LessonState } from '../../../shared/learning/fold';
import { nextInModule } from '../../../shared/learning/next';
import type { ModuleProgress } from '../../../shared/learning/progress';
import type { LessonRef } from '../../../shared/xapi/build';
import { completeLesson } from '../../db/actions';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { ActionError } from '../../ui/ActionError';
import { CelebrationBurst } from '../../ui/Celebration';
import { pick } from '../../ui/localized';
import { useAction } from '../../ui/useAction';
import { celebrationFor, milestones, type Celebration, type Milestones } from '../../../shared/learning/milestones';
import './LessonCompletion.css';

type Props = {
  module: ModuleContent;
  lesson: LessonContent;
  lessonRef: LessonRef;
  /** This lesson's state; null before the first visit is recorded. */
  state: LessonState | null;
  /** The states of every lesson of the module. */
  moduleLessons: readonly LessonState[];
  curricula: readonly CatalogCurriculum[];
  /** Progress of every module, for what completing this lesson completes. */
  studyProgress: ReadonlyMap<string, ModuleProgress>;
  locale: ContentLocale;
};

/**
 * The end of a lesson: "Mark lesson as complete", then what comes next (the next unfinished
 * lesson, the quiz, the assignment). Completing it celebrates once, with words in a polite
 * live region, and the milestone it finished: the lesson, the module or a whole pathway.
 */
export function LessonCompletion({ module, lesson, lessonRef, state, moduleLessons, curricula, studyProgress, locale }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const now = milestones({ moduleId: module.id, curricula, progress: studyProgress });
  // The milestones just before the learner marked the lesson complete; null until they do.
  const [before, setBefore] = useState<Milestones | null>(null);
  const complete = useAction(() => completeLesson(lessonRef));
  const completed = state?.completed === true;
  const celebration = before && completed ? celebrationFor(before, now) : null;

  const done = {
    lessons: new Set([...moduleLessons.filter((l) => l.completed).map((l) => l.lessonId), ...(completed ? [lesson.id] : [])]),
    quizPassed: studyProgress.get(module.id)?.quizPassed ?? false,
  };
  const next = nextInModule({ module, done, after: lesson.id, withAssignment: true });
  const nextLesson = next?.kind === 'lesson' ? module.lessons.find((l) => l.id === next.lessonId) : undefined;

  // The button the learner pressed is gone once the lesson is complete: focus moves to what comes next.
  const nextRef = useRef<HTMLAnchorElement>(null);
  const justCompleted = before !== null && completed;
  useLayoutEffect(() => {
    if (justCompleted) nextRef.current?.focus();
  }, [justCompleted]);

  return (
    <section aria-labelledby="complete-heading" className="card lesson-complete">
      <h2 id="complete-heading" className="visually-hidden">
        {t('lesson.completeTitle')}
      </h2>
      <div className="lesson-complete__news">
        {celebration && <CelebrationBurst size={celebration.kind} />}
        <div role="status" className="lesson-complete__words">
          {celebration ? (
            <CelebrationWords celebration={celebration} module={module} curricula={curricula} locale={locale} />
          ) : (
            completed && (
              <p>
                <Check aria-hidden="true" size={18} className="lesson-complete__tick" />{' '}
                {t('lesson.completedOn', { date: format.date(state.completedAt ?? new Date().toISOString()) })}
              </p>
            )
          )}
        </div>
      </div>
      {completed ? (
        <p>
          <Link
            ref={nextRef}
            className="button"
            to={
              next?.kind === 'lesson'
                ? paths.lesson(module.id, next.lessonId)
                : next?.kind === 'quiz'
                  ? paths.quiz(module.id)
                  : paths.module(module.id)
            }
          >
            {nextLesson ? (
              <span>
                {t('lesson.nextLesson')}: <span lang={nextLesson.locale}>{nextLesson.title}</span>
              </span>
            ) : next?.kind === 'quiz' ? (
              t('lesson.toQuiz')
            ) : next?.kind === 'assignment' ? (
              t('lesson.toAssignment')
            ) : (
              t('lesson.backToModule')
            )}{' '}
            <ArrowRight aria-hidden="true" size={18} />
          </Link>
        </p>
      ) : (
        <>
          <button
            type="button"
            disabled={complete.status === 'running'}
            onClick={() => {
              setBefore(now);
              complete.run();
            }}
          >
            {t('lesson.markComplete')}
          </button>
          <ActionError error={complete.error} />
        </>
      )}
    </section>
  );
}

function CelebrationWords({
  celebration,
  module,
  curricula,
  locale,
}: {
  celebration: Celebration;
  module: ModuleContent;
  curricula: readonly CatalogCurriculum[];
  locale: ContentLocale;
}) {
  const { t } = useTranslation();
  if (celebration.kind === 'lesson') return <p className="lesson-complete__cheer">{t('celebrate.lesson')}</p>;
  if (celebration.kind === 'module')
    return (
      <p className="lesson-complete__cheer">
        {t('celebrate.module')} <span lang={module.titleLocale}>{module.title}</span>
      </p>
    );
  const curriculum = curricula.find((c) => c.id === celebration.curriculumId);
  const title = curriculum ? pick(curriculum.title, locale) : undefined;
  return (
    <p className="lesson-complete__cheer">
      {t('celebrate.pathway')} {title && <span lang={title.lang}>{title.text}</span>}
    </p>
  );
}
