import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { LessonState } from '../../../shared/learning/fold';
import { curriculumProgress, type ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { ProgressBar } from '../../ui/ProgressBar';
import { pick } from '../../ui/localized';
import { useFormat } from '../../i18n/format';

type Props = { catalog: Catalog; lessons: LessonState[]; progress: Map<string, ModuleProgress>; locale: ContentLocale };

export function HomeView({ catalog, lessons, progress, locale }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  // `lessons` is most recently visited first: the first one still in the catalogue is where to continue.
  const last = lessons.find((l) => modules.get(l.moduleId)?.lessons.some((x) => x.id === l.lessonId));
  const lastModule = last ? modules.get(last.moduleId) : undefined;
  const lastLesson = lastModule?.lessons.find((l) => l.id === last?.lessonId);
  const recent = lessons
    .filter((l) => l.completed && l.completedAt)
    .sort((a, b) => ((b.completedAt ?? '') < (a.completedAt ?? '') ? -1 : 1))
    .slice(0, 5);

  return (
    <>
      <h1>{t('home.title')}</h1>
      <p className="lead">{t('home.intro')}</p>

      <section aria-labelledby="continue-heading" className="card">
        <h2 id="continue-heading">{t('home.continueTitle')}</h2>
        {last && lastModule && lastLesson ? (
          <>
            <p>
              <span lang={pick(lastLesson.title, locale).lang}>{pick(lastLesson.title, locale).text}</span>
              {' · '}
              <span lang={pick(lastModule.title, locale).lang}>{pick(lastModule.title, locale).text}</span>
            </p>
            <ProgressBar percent={last.completed ? 100 : last.position} label={t('home.readingProgress')} />
            <p>
              <Link className="button" to={paths.lesson(last.moduleId, last.lessonId)}>
                {t('home.continueAction')}
              </Link>
            </p>
          </>
        ) : (
          <>
            <p>{t('home.nothingYet')}</p>
            <p>
              <Link className="button" to={paths.catalog()}>
                {t('home.browseCatalog')}
              </Link>
            </p>
          </>
        )}
      </section>

      <section aria-labelledby="pathways-heading">
        <h2 id="pathways-heading">{t('home.pathwaysTitle')}</h2>
        <ul className="card-list">
          {catalog.curricula.map((curriculum) => {
            const p = curriculumProgress(curriculum, progress);
            return (
              <li key={curriculum.id} className="card">
                <h3 lang={pick(curriculum.title, locale).lang}>{pick(curriculum.title, locale).text}</h3>
                <p>{t('home.modulesCompleted', { done: p.modulesCompleted, count: p.modulesTotal })}</p>
                <ProgressBar percent={p.percent} label={pick(curriculum.title, locale).text} />
                <p>
                  <Link to={`${paths.catalog()}?pathway=${encodeURIComponent(curriculum.id)}`}>{t('home.seeModules')}</Link>
                </p>
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="recent-heading">
        <h2 id="recent-heading">{t('home.recentTitle')}</h2>
        {recent.length === 0 ? (
          <p>{t('home.recentNone')}</p>
        ) : (
          <ul>
            {recent.map((l) => {
              const module = modules.get(l.moduleId);
              const lesson = module?.lessons.find((x) => x.id === l.lessonId);
              if (!module || !lesson) return null;
              return (
                <li key={`${l.moduleId}/${l.lessonId}`}>
                  <Link to={paths.lesson(l.moduleId, l.lessonId)} lang={pick(lesson.title, locale).lang}>
                    {pick(lesson.title, locale).text}
                  </Link>{' '}
                  <span className="muted">{t('home.completedOn', { date: format.date(l.completedAt ?? '') })}</span>
                </li>
              );
            })}
          </ul>
        )}
      </section>
    </>
  );
}
