import { useRef } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ArrowLeft, ArrowRight, Star } from 'lucide-react';
import type { CatalogCurriculum, LessonContent, ModuleContent } from '../../../shared/content/compiled';
import type { ContentLocale, UiLocale } from '../../../shared/content/locales';
import type { LessonState, NoteState } from '../../../shared/learning/fold';
import type { ModuleProgress } from '../../../shared/learning/progress';
import type { LessonRef } from '../../../shared/xapi/build';
import { addBookmark, removeBookmark } from '../../db/actions';
import { paths } from '../../app/paths';
import { Breadcrumb } from '../../ui/Breadcrumb';
import { usePageTitle } from '../../ui/usePageTitle';
import { useAction } from '../../ui/useAction';
import { useGoTo } from '../../ui/useGoTo';
import { ActionError } from '../../ui/ActionError';
import { LessonCompletion } from './LessonCompletion';
import { NotesEditor } from './NotesEditor';
import { useReadingPosition } from './useReadingPosition';
import './LessonView.css';

type Props = {
  module: ModuleContent;
  lesson: LessonContent;
  index: number;
  progress: LessonState | null;
  note: NoteState | null;
  bookmarked: boolean;
  uiLanguage: UiLocale;
  /** Every lesson state of the module, what the learner has done in each module, and the pathways: for what comes next and what completing this lesson completes. */
  moduleLessons: readonly LessonState[];
  studyProgress: ReadonlyMap<string, ModuleProgress>;
  curricula: readonly CatalogCurriculum[];
  contentLocale: ContentLocale;
};

export function LessonView({
  module,
  lesson,
  index,
  progress,
  note,
  bookmarked,
  uiLanguage,
  moduleLessons,
  studyProgress,
  curricula,
  contentLocale,
}: Props) {
  const { t } = useTranslation();
  usePageTitle(lesson.title);
  const goTo = useGoTo();
  const articleRef = useRef<HTMLElement>(null);
  const ref: LessonRef = { moduleId: module.id, moduleVersion: module.version, locale: lesson.locale, lessonId: lesson.id };
  const { resumed, saveFailed } = useReadingPosition(ref, articleRef, progress?.position ?? 0);
  const previous = module.lessons[index - 1];
  const next = module.lessons[index + 1];
  const toggleBookmark = useAction(() => (bookmarked ? removeBookmark(ref) : addBookmark(ref)));

  return (
    <>
      <div className="lesson-top">
        <Breadcrumb
          module={{ id: module.id, title: module.title, lang: module.titleLocale }}
          here={lesson.title}
          hereLang={lesson.locale}
        />
        <div className="lesson-header">
          <h1 lang={lesson.locale}>{lesson.title}</h1>
          <div className="lesson-header__meta">
            <p className="muted">
              {t('lesson.position', { current: index + 1, total: module.lessons.length })} · {t('time.minutes', { count: lesson.minutes })}
            </p>
            <button
              type="button"
              className="button--secondary"
              aria-pressed={bookmarked}
              disabled={toggleBookmark.status === 'running'}
              onClick={() => toggleBookmark.run()}
            >
              <Star aria-hidden="true" size={18} fill={bookmarked ? 'currentColor' : 'none'} />{' '}
              {bookmarked ? t('lesson.bookmarked') : t('lesson.bookmark')}
            </button>
          </div>
        </div>
      </div>
      <ActionError error={toggleBookmark.error} />
      {lesson.locale !== uiLanguage && (
        <p className="notice" role="note">
          {t('lesson.fallbackNotice', { language: t(`languages.${uiLanguage}`) })}
        </p>
      )}
      <ActionError error={saveFailed ? t('actionErrors.progressNotSaved') : undefined} />
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
          goTo(href);
        }}
      />

      <LessonCompletion
        module={module}
        lesson={lesson}
        lessonRef={ref}
        state={progress}
        moduleLessons={moduleLessons}
        curricula={curricula}
        studyProgress={studyProgress}
        locale={contentLocale}
      />

      <nav aria-label={t('lesson.lessonNavigation')} className="pager">
        {previous ? (
          <Link to={paths.lesson(module.id, previous.id)} rel="prev">
            <ArrowLeft aria-hidden="true" size={18} /> <span lang={previous.locale}>{previous.title}</span>
          </Link>
        ) : (
          <Link to={paths.module(module.id)}>
            <ArrowLeft aria-hidden="true" size={18} /> <span lang={module.titleLocale}>{module.title}</span>
          </Link>
        )}
        {next ? (
          <Link to={paths.lesson(module.id, next.id)} rel="next">
            <span lang={next.locale}>{next.title}</span> <ArrowRight aria-hidden="true" size={18} />
          </Link>
        ) : module.quiz ? (
          <Link to={paths.quiz(module.id)}>
            {t('lesson.toQuiz')} <ArrowRight aria-hidden="true" size={18} />
          </Link>
        ) : (
          <Link to={paths.module(module.id)}>
            <span lang={module.titleLocale}>{module.title}</span> <ArrowRight aria-hidden="true" size={18} />
          </Link>
        )}
      </nav>

      <NotesEditor lesson={ref} saved={note?.text ?? ''} />
    </>
  );
}
