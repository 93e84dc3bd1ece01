import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { LessonState } from '../../../shared/learning/fold';
import { continueStep } from '../../../shared/learning/next';
import { curriculumProgress, type ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { ModuleCard } from '../../ui/ModuleCard';
import { ProgressBar } from '../../ui/ProgressBar';
import { pick } from '../../ui/localized';
import { useFormat } from '../../i18n/format';
import './HomeView.css';

type Props = { catalog: Catalog; lessons: LessonState[]; progress: Map<string, ModuleProgress>; locale: ContentLocale };

export function HomeView({ catalog, lessons, progress, locale }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  const next = continueStep({ catalog, lessons, progress });
  const nextModule = next && modules.get(next.moduleId);
  const nextLesson = next?.kind === 'lesson' ? nextModule?.lessons.find((l) => l.id === next.lessonId) : undefined;
  const nextState = next?.kind === 'lesson' ? lessons.find((l) => l.moduleId === next.moduleId && l.lessonId === next.lessonId) : undefined;
  const cover = nextModule && (nextModule.cover[locale] ?? nextModule.cover.en);
  const started = catalog.modules.filter((m) => (progress.get(m.id)?.status ?? 'not-started') !== 'not-started');
  const recent = lessons
    .filter((l) => l.completed && l.completedAt)
    .sort((a, b) => ((b.completedAt ?? '') < (a.completedAt ?? '') ? -1 : 1))
    .slice(0, 5);

  return (
    <>
      <section aria-labelledby="continue-heading" className="card continue-card">
        <h2 id="continue-heading">{t('home.continueTitle')}</h2>
        {next && nextModule ? (
          <div className="continue">
            {cover && <img className="continue__cover" src={cover.url} alt="" width={cover.width} height={cover.height} decoding="async" />}
            <div>
              <p>
                {nextLesson ? (
                  <span lang={pick(nextLesson.title, locale).lang}>{pick(nextLesson.title, locale).text}</span>
                ) : (
                  <span>{t('module.quizTitle')}</span>
                )}
                {' · '}
                <span lang={pick(nextModule.title, locale).lang}>{pick(nextModule.title, locale).text}</span>
              </p>
              {nextLesson && nextState && nextState.position > 0 && (
                <ProgressBar percent={nextState.position} label={t('home.readingProgress')} />
              )}
              <p>
                {next.kind === 'lesson' ? (
                  <Link className="button" to={paths.lesson(next.moduleId, next.lessonId)}>
                    {t('home.continueAction')}
                  </Link>
                ) : next.kind === 'quiz' ? (
                  <Link className="button" to={paths.quiz(next.moduleId)}>
                    {t('lesson.toQuiz')}
                  </Link>
                ) : (
                  <Link className="button" to={paths.module(next.moduleId)}>
                    {t('lesson.toAssignment')}
                  </Link>
                )}
              </p>
            </div>
          </div>
        ) : (
          <>
            <p>{lessons.length > 0 ? t('home.allDone') : t('home.nothingYet')}</p>
            <p>
              <Link className="button" to={paths.catalog()}>
                {t('home.browseCatalog')}
              </Link>
            </p>
          </>
        )}
      </section>

      {started.length > 0 && (
        <section aria-labelledby="modules-heading">
          <h2 id="modules-heading">{t('home.modulesTitle')}</h2>
          <ul className="card-list module-grid">
            {started.map((module) => (
              <ModuleCard key={module.id} module={module} progress={progress.get(module.id)} locale={locale} />
            ))}
          </ul>
        </section>
      )}

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
