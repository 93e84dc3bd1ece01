import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LessonRef } from '../../../shared/xapi/build';
import { saveNote } from '../../db/actions';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { useFormat } from '../../i18n/format';
import { NOTE_MAX_LENGTH } from '../../../shared/learning/notes';
import './NotesEditor.css';

const AUTOSAVE_MS = 1500;

/**
 * The learner's personal note on a lesson: saved as they pause typing, on leaving, and by the
 * button. A failed save says so and keeps the text, marked unsaved, for the next try. A note
 * over NOTE_MAX_LENGTH is not saved: the field says by how much, and the text stays in it.
 */
export function NotesEditor({ lesson, saved }: { lesson: LessonRef; saved: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [draft, setDraft] = useState(saved);
  const [dirty, setDirty] = useState(false);
  const latest = useRef({ draft, saved, lesson });
  useLayoutEffect(() => {
    latest.current = { draft, saved, lesson };
  });
  const save = useAction(async (target: LessonRef, text: string) => {
    await saveNote(target, text);
    // Typing may have gone on while it saved: only the text just saved is clean.
    if (latest.current.draft === text) setDirty(false);
  });
  const { run } = save;

  const flush = useCallback(() => {
    const { draft: text, saved: stored, lesson: target } = latest.current;
    if (text === stored) setDirty(false);
    else if (text.length <= NOTE_MAX_LENGTH) run(target, text);
  }, [run]);

  useEffect(() => {
    if (!dirty) return;
    const timer = window.setTimeout(flush, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [draft, dirty, flush]);

  useEffect(
    () => () => {
      const { draft: text, saved: stored, lesson: target } = latest.current;
      // Leaving the lesson: nobody is left to tell if this last save fails; the autosave above
      // has already kept everything typed up to a moment ago.
      if (text !== stored && text.length <= NOTE_MAX_LENGTH) saveNote(target, text).catch(() => undefined);
    },
    [],
  );

  const over = draft.length - NOTE_MAX_LENGTH;
  // The count shows from 90% of the limit on, so it is there before the limit is reached.
  const nearLimit = draft.length >= NOTE_MAX_LENGTH * 0.9;
  return (
    <section aria-labelledby="notes-heading" className="card notes">
      <h2 id="notes-heading">{t('lesson.notesTitle')}</h2>
      <label htmlFor="lesson-note">{t('lesson.notesLabel')}</label>
      <textarea
        id="lesson-note"
        rows={5}
        value={draft}
        aria-describedby={['lesson-note-state', nearLimit ? 'lesson-note-length' : '', over > 0 ? 'lesson-note-too-long' : '']
          .filter(Boolean)
          .join(' ')}
        aria-invalid={over > 0 ? true : undefined}
        onChange={(e) => {
          setDraft(e.target.value);
          setDirty(true);
        }}
        onBlur={flush}
      />
      {nearLimit && (
        <p id="lesson-note-length" className="muted notes__length">
          {t('lesson.notesLength', { used: format.number(draft.length), max: format.number(NOTE_MAX_LENGTH) })}
        </p>
      )}
      {over > 0 && (
        // Not an alert: it changes with each key; the field is marked invalid and described by it.
        <p id="lesson-note-too-long" className="field__error">
          {t('lesson.notesTooLong', { count: over, max: format.number(NOTE_MAX_LENGTH) })}
        </p>
      )}
      <ActionError error={save.error} />
      <div className="inline-group">
        <button type="button" onClick={flush}>
          {t('lesson.notesSave')}
        </button>
        <span id="lesson-note-state" className="muted" role="status">
          {save.status === 'running' ? t('lesson.notesSaving') : dirty ? t('lesson.notesUnsaved') : draft ? t('lesson.notesSaved') : ''}
        </span>
      </div>
    </section>
  );
}
