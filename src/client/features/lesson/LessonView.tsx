import { useRef } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { LessonContent, ModuleContent } from '../../../shared/content/compiled';
import type { UiLocale } from '../../../shared/content/locales';
import type { LessonState, NoteState } from '../../../shared/learning/fold';
import type { LessonRef } from '../../../shared/xapi/build';
import { addBookmark, completeLesson, removeBookmark } from '../../db/actions';
import { paths } from '../../app/paths';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormat } from '../../i18n/format';
import { NotesEditor } from './NotesEditor';
import { useReadingPosition } from './useReadingPosition';

type Props = {
  module: ModuleContent;
  lesson: LessonContent;
  index: number;
  progress: LessonState | null;
  note: NoteState | null;
  bookmarked: boolean;
  uiLanguage: UiLocale;
};

export function LessonView({ module, lesson, index, progress, note, bookmarked, uiLanguage }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  usePageTitle(lesson.title);
  const navigate = useNavigate();
  const articleRef = useRef<HTMLElement>(null);
  const ref: LessonRef = { moduleId: module.id, moduleVersion: module.version, locale: lesson.locale, lessonId: lesson.id };
  const { resumed } = useReadingPosition(ref, articleRef, progress?.position ?? 0);
  const previous = module.lessons[index - 1];
  const next = module.lessons[index + 1];

  return (
    <>
      <Breadcrumb module={{ id: module.id, title: module.title }} here={lesson.title} />
      <div className="lesson-header">
        <h1 lang={lesson.locale}>{lesson.title}</h1>
        <p className="muted">
          {t('lesson.position', { current: index + 1, total: module.lessons.length })} · {t('time.minutes', { count: lesson.minutes })}
        </p>
        <button
          type="button"
          className="button--secondary"
          aria-pressed={bookmarked}
          onClick={() => void (bookmarked ? removeBookmark(ref) : addBookmark(ref))}
        >
          <span aria-hidden="true">{bookmarked ? '★' : '☆'}</span> {bookmarked ? t('lesson.bookmarked') : t('lesson.bookmark')}
        </button>
      </div>
      {lesson.locale !== uiLanguage && (
        <p className="notice" role="note">
          {t('lesson.fallbackNotice', { language: t(`languages.${uiLanguage}`) })}
        </p>
      )}
      {resumed && (
        <p className="notice notice--info" role="status">
          {t('lesson.resumed')}
        </p>
      )}
      {/* Links to other lessons (/modules/...) stay inside the app, so they work offline.
          Anchors handle keyboard activation themselves; the click bubbles up here. */}
      {/* eslint-disable-next-line jsx-a11y/click-events-have-key-events, jsx-a11y/no-noninteractive-element-interactions */}
      <article
        ref={articleRef}
        className="lesson-body"
        lang={lesson.locale}
        dangerouslySetInnerHTML={{ __html: lesson.html }}
        onClick={(event) => {
          const anchor = (event.target as Element).closest('a');
          const href = anchor?.getAttribute('href');
          if (!href?.startsWith('/') || event.ctrlKey || event.metaKey || event.shiftKey || event.button !== 0) return;
          event.preventDefault();
          void navigate(href);
        }}
      />

      <section aria-labelledby="complete-heading" className="card">
        <h2 id="complete-heading" className="visually-hidden">
          {t('lesson.completeTitle')}
        </h2>
        {progress?.completed ? (
          <p role="status">
            <span aria-hidden="true">✓</span>{' '}
            {t('lesson.completedOn', { date: format.date(progress.completedAt ?? new Date().toISOString()) })}
          </p>
        ) : (
          <button type="button" onClick={() => void completeLesson(ref)}>
            {t('lesson.markComplete')}
          </button>
        )}
      </section>

      <nav aria-label={t('lesson.lessonNavigation')} className="pager">
        {previous ? (
          <Link to={paths.lesson(module.id, previous.id)} rel="prev">
            <span aria-hidden="true">←</span> {previous.title}
          </Link>
        ) : (
          <Link to={paths.module(module.id)}>
            <span aria-hidden="true">←</span> {module.title}
          </Link>
        )}
        {next ? (
          <Link to={paths.lesson(module.id, next.id)} rel="next">
            {next.title} <span aria-hidden="true">→</span>
          </Link>
        ) : module.quiz ? (
          <Link to={paths.quiz(module.id)}>
            {t('lesson.toQuiz')} <span aria-hidden="true">→</span>
          </Link>
        ) : (
          <Link to={paths.module(module.id)}>
            {module.title} <span aria-hidden="true">→</span>
          </Link>
        )}
      </nav>

      <NotesEditor lesson={ref} saved={note?.text ?? ''} />
    </>
  );
}
