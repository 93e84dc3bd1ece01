import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonRef } from '../../../shared/xapi/build';
import { saveNote } from '../../db/actions';

const AUTOSAVE_MS = 1500;

/** The learner's personal note on a lesson: saved as they pause typing, on leaving, and by the button. */
export function NotesEditor({ lesson, saved }: { lesson: LessonRef; saved: string }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(saved);
  const [state, setState] = useState<'saved' | 'dirty' | 'saving'>('saved');
  const latest = useRef({ draft, saved, lesson });
  useLayoutEffect(() => {
    latest.current = { draft, saved, lesson };
  });

  const flush = async () => {
    const { draft: text, saved: stored, lesson: target } = latest.current;
    if (text === stored) {
      setState('saved');
      return;
    }
    setState('saving');
    await saveNote(target, text);
    setState('saved');
  };

  useEffect(() => {
    if (state !== 'dirty') return;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, state]);

  useEffect(
    () => () => {
      const { draft: text, saved: stored, lesson: target } = latest.current;
      if (text !== stored) void saveNote(target, text);
    },
    [],
  );

  return (
    <section aria-labelledby="notes-heading" className="card notes">
      <h2 id="notes-heading">{t('lesson.notesTitle')}</h2>
      <label htmlFor="lesson-note">{t('lesson.notesLabel')}</label>
      <textarea
        id="lesson-note"
        rows={5}
        value={draft}
        aria-describedby="lesson-note-state"
        onChange={(e) => {
          setDraft(e.target.value);
          setState('dirty');
        }}
        onBlur={() => void flush()}
      />
      <div className="inline-group">
        <button type="button" onClick={() => void flush()}>
          {t('lesson.notesSave')}
        </button>
        <span id="lesson-note-state" className="muted" role="status">
          {state === 'saved'
            ? draft
              ? t('lesson.notesSaved')
              : ''
            : state === 'saving'
              ? t('lesson.notesSaving')
              : t('lesson.notesUnsaved')}
        </span>
      </div>
    </section>
  );
}
