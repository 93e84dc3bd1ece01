import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { CircleCheck } from 'lucide-react';
import type { Catalog, CatalogModule, ModuleContent } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { LessonState, QuizAttempt } from '../../../shared/learning/fold';
import { nextInModule } from '../../../shared/learning/next';
import type { ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { pick } from '../../ui/localized';
import { ProgressBar } from '../../ui/ProgressBar';
import { StatusBadge } from '../../ui/StatusBadge';
import { competenceLabel } from '../../ui/competences';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormat } from '../../i18n/format';
import { OfflineStatus } from './OfflineStatus';
import { EarlierLessons } from './EarlierLessons';
import { AssignmentPanel } from './AssignmentPanel';
import { ReactionSurvey } from '../../ui/ReactionSurvey';
import './ModuleView.css';

type Props = {
  catalog: Catalog;
  module: CatalogModule;
  content: ModuleContent;
  lessons: LessonState[];
  attempts: QuizAttempt[];
  progress: Map<string, ModuleProgress>;
  locale: ContentLocale;
};

export function ModuleView({ catalog, module, content, lessons, attempts, progress, locale }: Props) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('competences');
  const format = useFormat();
  usePageTitle(content.title);
  const mine = progress.get(module.id);
  const summary = pick(module.summary, locale);
  const byLesson = new Map(lessons.map((l) => [l.lessonId, l]));
  const best = attempts.length ? Math.max(...attempts.map((a) => a.scaled)) : undefined;
  const done = { lessons: new Set(lessons.filter((l) => l.completed).map((l) => l.lessonId)), quizPassed: mine?.quizPassed ?? false };
  const next = nextInModule({ module: content, done });
  const nextLesson = next?.kind === 'lesson' ? content.lessons.find((l) => l.id === next.lessonId) : undefined;

  return (
    <>
      <Breadcrumb here={content.title} hereLang={content.titleLocale} />
      <h1 lang={content.titleLocale}>{content.title}</h1>
      {mine && <StatusBadge status={mine.status} />}
      <p className="lead" lang={summary.lang}>
        {summary.text}
      </p>
      {mine && <ProgressBar percent={mine.percent} label={t('module.progressLabel')} />}
      {next && (
        <p>
          <Link className="button" to={next.kind === 'lesson' ? paths.lesson(module.id, next.lessonId) : paths.quiz(module.id)}>
            {nextLesson ? (
              <span>
                {done.lessons.size === 0 ? t('module.startWith') : t('module.continueWith')}:{' '}
                <span lang={nextLesson.locale}>{nextLesson.title}</span>
              </span>
            ) : (
              t('lesson.toQuiz')
            )}
          </Link>
        </p>
      )}
      <OfflineStatus catalog={catalog} moduleId={module.id} locale={locale} />

      <dl className="facts">
        <div>
          <dt>{t('module.estimatedTime')}</dt>
          <dd>{format.duration(module.minutes * 60)}</dd>
        </div>
        <div>
          <dt>{t('module.level')}</dt>
          <dd>{t('module.levelValue', { level: module.level })}</dd>
        </div>
        <div>
          <dt>{t('module.competences')}</dt>
          <dd>
            <ul className="plain-list">
              {module.competences.map((c) => (
                <li key={c}>{competenceLabel(tc, c)}</li>
              ))}
            </ul>
          </dd>
        </div>
        {mine && mine.secondsSpent > 0 && (
          <div>
            <dt>{t('module.timeSpent')}</dt>
            <dd>{format.duration(mine.secondsSpent)}</dd>
          </div>
        )}
      </dl>

      {module.prerequisites.length > 0 && (
        <section aria-labelledby="prerequisites-heading">
          <h2 id="prerequisites-heading">{t('module.prerequisites')}</h2>
          <ul>
            {module.prerequisites.map((id) => {
              const prerequisite = catalog.modules.find((m) => m.id === id);
              if (!prerequisite) return null;
              const status = progress.get(id)?.status ?? 'not-started';
              return (
                <li key={id}>
                  <Link to={paths.module(id)} lang={pick(prerequisite.title, locale).lang}>
                    {pick(prerequisite.title, locale).text}
                  </Link>{' '}
                  <StatusBadge status={status} />
                </li>
              );
            })}
          </ul>
        </section>
      )}

      <section aria-labelledby="outcomes-heading">
        <h2 id="outcomes-heading">{t('module.outcomes')}</h2>
        <ul lang={content.outcomesLocale}>
          {content.outcomes.map((outcome) => (
            <li key={outcome}>{outcome}</li>
          ))}
        </ul>
      </section>

      <section aria-labelledby="lessons-heading">
        <h2 id="lessons-heading">{t('module.lessons')}</h2>
        <ol className="lesson-list">
          {content.lessons.map((lesson) => {
            const state = byLesson.get(lesson.id);
            // Completed on an older version of the module: it stays completed, and says on which.
            const status = state?.completed
              ? state.completedVersion !== undefined && state.completedVersion < module.version
                ? t('module.completedOnVersion', { version: state.completedVersion })
                : t('status.completed')
              : state
                ? t('module.lessonInProgress', { percent: state.position })
                : t('status.notStarted');
            return (
              <li key={lesson.id}>
                <Link to={paths.lesson(module.id, lesson.id)} lang={lesson.locale}>
                  {lesson.title}
                </Link>
                <span className="muted">
                  {' · '}
                  {t('time.minutes', { count: lesson.minutes })}
                  {' · '}
                  {status}
                </span>
              </li>
            );
          })}
        </ol>
      </section>
      <EarlierLessons lessons={lessons} current={content.lessons} />

      {content.quiz && (
        <section aria-labelledby="quiz-heading" className="card">
          <h2 id="quiz-heading">{t('module.quizTitle')}</h2>
          <p>
            {t('module.quizFacts', {
              count: Math.min(content.quiz.draw ?? content.quiz.questions.length, content.quiz.questions.length),
              passMark: content.quiz.passMark,
            })}
          </p>
          {best !== undefined && <p>{t('module.bestScore', { score: format.percent(best), count: attempts.length })}</p>}
          {mine?.quizPassed && (
            <p className="with-icon">
              <CircleCheck aria-hidden="true" className="icon--success" />
              {t('module.quizPassed')}
            </p>
          )}
          <p>
            <Link className="button" to={paths.quiz(module.id)}>
              {attempts.length ? t('module.quizRetake') : t('module.quizStart')}
            </Link>
          </p>
        </section>
      )}

      {content.assignment && (
        <AssignmentPanel
          module={{ moduleId: module.id, moduleVersion: module.version, locale: content.assignment.fallback ? 'en' : content.locale }}
          assignment={content.assignment}
        />
      )}

      {mine?.status === 'completed' && <ReactionSurvey about={{ moduleId: module.id }} headingLevel={2} />}
    </>
  );
}
