import { useTranslation } from 'react-i18next';
import type { LessonContent } from '../../../shared/content/compiled';
import type { LessonState } from '../../../shared/learning/fold';
import { removedLessonName } from '../../ui/lessonName';

type Props = { lessons: readonly LessonState[]; current: readonly Pick<LessonContent, 'id'>[] };

/**
 * Lessons the learner completed that a newer version of the module no longer has: the work
 * stays in their history, with the version it was made on, though the module's progress now
 * counts only its current lessons.
 */
export function EarlierLessons({ lessons, current }: Props) {
  const { t } = useTranslation();
  const kept = new Set(current.map((lesson) => lesson.id));
  const earlier = lessons.filter((lesson) => lesson.completed && !kept.has(lesson.lessonId));
  if (earlier.length === 0) return null;
  return (
    <section aria-labelledby="earlier-lessons-heading">
      <h2 id="earlier-lessons-heading">{t('module.earlierLessonsTitle')}</h2>
      <p className="muted">{t('module.earlierLessonsIntro')}</p>
      <ul>
        {earlier.map((lesson) => (
          <li key={lesson.lessonId}>
            {lesson.completedVersion === undefined
              ? t('module.earlierLessonCompleted', { lesson: removedLessonName(lesson.lessonId) })
              : t('module.earlierLessonOnVersion', { lesson: removedLessonName(lesson.lessonId), version: lesson.completedVersion })}
          </li>
        ))}
      </ul>
    </section>
  );
}
