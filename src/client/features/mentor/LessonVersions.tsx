import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { CompletedLesson } from '../../../shared/mentoring/contract';
import { currentContentLocale } from '../../i18n/i18n';
import { removedLessonName } from '../../ui/lessonName';
import { pick } from '../../ui/localized';
import './LearnerModules.css';

type Props = {
  lessons: readonly CompletedLesson[];
  /** The course as served now: each module's current version and lesson titles. */
  catalog: Catalog | undefined;
  moduleTitle: (id: string) => string;
  moduleLang: (id: string) => string | undefined;
};

/**
 * The learner's lessons completed on an older version of their module than the one served now:
 * they stay completed, and each says on which version, in the words the learner reads on the
 * module page. A lesson the newer version removed is named by its id, as the learner sees it.
 * Nothing shows while the catalogue loads, or for a lesson whose statement named no version.
 */
export function LessonVersions({ lessons, catalog, moduleTitle, moduleLang }: Props) {
  const { t, i18n } = useTranslation();
  const locale = currentContentLocale(i18n.language);
  const groups = (catalog?.modules ?? [])
    .map((module) => ({
      module,
      lessons: lessons.filter(
        (lesson) => lesson.moduleId === module.id && lesson.completedVersion !== undefined && lesson.completedVersion < module.version,
      ),
    }))
    .filter((group) => group.lessons.length > 0);
  if (groups.length === 0) return null;
  return (
    <section aria-labelledby="lesson-versions-heading" className="lesson-versions">
      <h3 id="lesson-versions-heading">{t('mentor.earlierVersionsTitle')}</h3>
      <p className="muted">{t('mentor.earlierVersionsIntro')}</p>
      <ul className="plain-list">
        {groups.map(({ module, lessons: earlier }) => {
          // In the order of the module's current lessons; lessons it removed come last.
          const order = (lessonId: string) => {
            const at = module.lessons.findIndex((lesson) => lesson.id === lessonId);
            return at === -1 ? module.lessons.length : at;
          };
          const sorted = [...earlier].sort((a, b) => order(a.lessonId) - order(b.lessonId) || a.lessonId.localeCompare(b.lessonId));
          const headingId = `lesson-versions-${module.id}`;
          return (
            <li key={module.id}>
              <h4 id={headingId} lang={moduleLang(module.id)}>
                {moduleTitle(module.id)}
              </h4>
              <ul aria-labelledby={headingId}>
                {sorted.map((lesson) => {
                  const current = module.lessons.find((l) => l.id === lesson.lessonId);
                  const title = current ? pick(current.title, locale) : { text: removedLessonName(lesson.lessonId), lang: undefined };
                  return (
                    <li key={lesson.lessonId}>
                      <span className="lesson-versions__title" lang={title.lang}>
                        {title.text}
                      </span>{' '}
                      <span className="muted">{t('module.completedOnVersion', { version: lesson.completedVersion })}</span>
                    </li>
                  );
                })}
              </ul>
            </li>
          );
        })}
      </ul>
    </section>
  );
}
