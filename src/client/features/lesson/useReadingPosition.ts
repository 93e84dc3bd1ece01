import { useEffect, useLayoutEffect, useRef, useState, type RefObject } from 'react';
import type { LessonRef } from '../../../shared/xapi/build';
import { openLesson, saveReadingProgress } from '../../db/actions';
import { useActiveTime } from '../../ui/useActiveTime';

const SAVE_AFTER_SCROLL_MS = 2000;

function readPosition(article: HTMLElement): number {
  const rect = article.getBoundingClientRect();
  if (rect.height <= 0) return 0;
  const read = (window.innerHeight - rect.top) / rect.height;
  return Math.round(Math.max(0, Math.min(1, read)) * 100);
}

/**
 * Records that the lesson was opened, restores the saved reading position once, and saves
 * the position with the active reading time when scrolling settles, when the tab is hidden
 * and when the learner leaves the lesson. A save that fails is said (`saveFailed`) and is
 * tried again with the next save.
 */
export function useReadingPosition(
  lesson: LessonRef,
  articleRef: RefObject<HTMLElement | null>,
  savedPosition: number,
): { resumed: boolean; saveFailed: boolean } {
  const { take } = useActiveTime();
  const [resumed, setResumed] = useState(false);
  const [saveFailed, setSaveFailed] = useState(false);
  const lastSaved = useRef(savedPosition);
  const lessonRef = useRef(lesson);
  useLayoutEffect(() => {
    lessonRef.current = lesson;
  });

  useEffect(() => {
    openLesson(lessonRef.current).catch(() => setSaveFailed(true));
    const article = articleRef.current;
    if (article && savedPosition > 0 && savedPosition < 100) {
      const rect = article.getBoundingClientRect();
      const top = window.scrollY + rect.top + (rect.height * savedPosition) / 100 - window.innerHeight;
      if (top > 0) {
        window.scrollTo({ top });
        setResumed(true);
      }
    }
    let timer: number | undefined;
    const save = () => {
      const current = articleRef.current;
      if (!current) return;
      const position = readPosition(current);
      const activeMs = take();
      if (position === lastSaved.current && activeMs < 1000) return;
      lastSaved.current = position;
      saveReadingProgress(lessonRef.current, position, activeMs).then(
        () => setSaveFailed(false),
        () => {
          // The next save sends this position again.
          lastSaved.current = -1;
          setSaveFailed(true);
        },
      );
    };
    const onScroll = () => {
      window.clearTimeout(timer);
      timer = window.setTimeout(save, SAVE_AFTER_SCROLL_MS);
    };
    const onHide = () => {
      if (document.visibilityState === 'hidden') save();
    };
    window.addEventListener('scroll', onScroll, { passive: true });
    document.addEventListener('visibilitychange', onHide);
    window.addEventListener('pagehide', save);
    return () => {
      window.clearTimeout(timer);
      window.removeEventListener('scroll', onScroll);
      document.removeEventListener('visibilitychange', onHide);
      window.removeEventListener('pagehide', save);
      save();
    };
    // Runs once per lesson: the view is keyed by lesson, and the saved position is read at mount.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, []);

  return { resumed, saveFailed };
}
