import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { BookmarkState, NoteState, QuizAttempt } from '../../../shared/learning/fold';
import { curriculumProgress, type ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { pick } from '../../ui/localized';
import { ProgressBar } from '../../ui/ProgressBar';
import { useFormat } from '../../i18n/format';
import { NoteText } from './NoteText';
import { ModulesProgress } from './ModulesProgress';
import { QuizHistory } from './QuizHistory';

type Props = {
  catalog: Catalog;
  progress: Map<string, ModuleProgress>;
  attempts: QuizAttempt[];
  notes: NoteState[];
  bookmarks: BookmarkState[];
  locale: ContentLocale;
};

export function MyLearningView({ catalog, progress, attempts, notes, bookmarks, locale }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const modules = new Map(catalog.modules.map((m) => [m.id, m]));
  // Titles in the content language, else English: each is shown with its own lang attribute.
  const moduleTitle = (id: string) => {
    const module = modules.get(id);
    const title = module ? pick(module.title, locale) : { text: id, lang: undefined };
    return <span lang={title.lang}>{title.text}</span>;
  };
  const lessonTitle = (moduleId: string, lessonId: string) => {
    const lesson = modules.get(moduleId)?.lessons.find((l) => l.id === lessonId);
    const title = lesson ? pick(lesson.title, locale) : { text: lessonId, lang: undefined };
    return <span lang={title.lang}>{title.text}</span>;
  };
  const totalSeconds = [...progress.values()].reduce((sum, p) => sum + p.secondsSpent, 0);

  return (
    <>
      <h1>{t('learning.title')}</h1>
      <p className="lead">{t('learning.totalTime', { time: format.duration(totalSeconds) })}</p>

      <section aria-labelledby="pathway-progress-heading">
        <h2 id="pathway-progress-heading">{t('learning.pathwaysTitle')}</h2>
        <ul className="card-list">
          {catalog.curricula.map((c) => {
            const p = curriculumProgress(c, progress);
            const title = pick(c.title, locale);
            return (
              <li key={c.id} className="card">
                <h3 lang={title.lang}>{title.text}</h3>
                <p>{t('home.modulesCompleted', { done: p.modulesCompleted, count: p.modulesTotal })}</p>
                <ProgressBar percent={p.percent} label={title.text} />
              </li>
            );
          })}
        </ul>
      </section>

      <section aria-labelledby="module-progress-heading">
        <h2 id="module-progress-heading">{t('learning.modulesTitle')}</h2>
        <ModulesProgress modules={catalog.modules} progress={progress} title={moduleTitle} />
      </section>

      <section aria-labelledby="quiz-history-heading">
        <h2 id="quiz-history-heading">{t('learning.quizHistoryTitle')}</h2>
        <QuizHistory attempts={attempts} title={moduleTitle} />
      </section>

      <section aria-labelledby="bookmarks-heading">
        <h2 id="bookmarks-heading">{t('learning.bookmarksTitle')}</h2>
        {bookmarks.length === 0 ? (
          <p>{t('learning.noBookmarks')}</p>
        ) : (
          <ul>
            {bookmarks.map((b) => (
              <li key={`${b.moduleId}/${b.lessonId}`}>
                <Link to={paths.lesson(b.moduleId, b.lessonId)}>{lessonTitle(b.moduleId, b.lessonId)}</Link>{' '}
                <span className="muted">· {moduleTitle(b.moduleId)}</span>
              </li>
            ))}
          </ul>
        )}
      </section>

      <section aria-labelledby="notes-list-heading">
        <h2 id="notes-list-heading">{t('learning.notesTitle')}</h2>
        {notes.length === 0 ? (
          <p>{t('learning.noNotes')}</p>
        ) : (
          <ul className="card-list">
            {notes.map((n) => (
              <li key={`${n.moduleId}/${n.lessonId}`} className="card">
                <h3 id={`note-${n.moduleId}-${n.lessonId}`}>
                  <Link to={paths.lesson(n.moduleId, n.lessonId)}>{lessonTitle(n.moduleId, n.lessonId)}</Link>
                </h3>
                <NoteText text={n.text} describedBy={`note-${n.moduleId}-${n.lessonId}`} />
                <p className="muted">{t('learning.noteUpdated', { date: format.dateTime(n.updatedAt) })}</p>
              </li>
            ))}
          </ul>
        )}
      </section>
    </>
  );
}
