import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { Catalog } from '../../../shared/content/compiled';
import type { ContentLocale } from '../../../shared/content/locales';
import type { BookmarkState, NoteState, QuizAttempt } from '../../../shared/learning/fold';
import { curriculumProgress, type ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { pick } from '../../ui/localized';
import { ProgressBar } from '../../ui/ProgressBar';
import { StatusBadge } from '../../ui/StatusBadge';
import { useFormat } from '../../i18n/format';
import { NoteText } from './NoteText';

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
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('learning.module')}</th>
                <th scope="col">{t('learning.status')}</th>
                <th scope="col">{t('learning.lessons')}</th>
                <th scope="col">{t('learning.bestScore')}</th>
                <th scope="col">{t('learning.timeSpent')}</th>
              </tr>
            </thead>
            <tbody>
              {catalog.modules.map((m) => {
                const p = progress.get(m.id);
                if (!p) return null;
                return (
                  <tr key={m.id}>
                    <th scope="row">
                      <Link to={paths.module(m.id)}>{moduleTitle(m.id)}</Link>
                    </th>
                    <td>
                      <StatusBadge status={p.status} />
                    </td>
                    <td>{t('learning.lessonsDone', { done: p.lessonsCompleted, count: p.lessonsTotal })}</td>
                    <td>{p.bestScore === undefined ? '—' : format.percent(p.bestScore)}</td>
                    <td>{format.duration(p.secondsSpent)}</td>
                  </tr>
                );
              })}
            </tbody>
          </table>
        </div>
      </section>

      <section aria-labelledby="quiz-history-heading">
        <h2 id="quiz-history-heading">{t('learning.quizHistoryTitle')}</h2>
        {attempts.length === 0 ? (
          <p>{t('learning.noAttempts')}</p>
        ) : (
          <div className="table-scroll">
            <table>
              <thead>
                <tr>
                  <th scope="col">{t('quiz.historyDate')}</th>
                  <th scope="col">{t('learning.module')}</th>
                  <th scope="col">{t('quiz.historyScore')}</th>
                  <th scope="col">{t('quiz.historyResult')}</th>
                </tr>
              </thead>
              <tbody>
                {attempts.map((a) => (
                  <tr key={a.attemptId}>
                    <td>{format.dateTime(a.at)}</td>
                    <td>{moduleTitle(a.moduleId)}</td>
                    <td>
                      {a.raw}/{a.max} ({format.percent(a.scaled)})
                    </td>
                    <td>{a.passed ? t('quiz.passed') : t('quiz.failed')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
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
