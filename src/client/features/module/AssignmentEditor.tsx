import { useCallback, useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus } from '../../../shared/mentoring/contract';
import type { ModuleRef } from '../../../shared/xapi/build';
import { saveAssignmentDraft, submitAssignment } from '../../db/mentoring';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';

const AUTOSAVE_MS = 1500;

type Props = { module: ModuleRef; status: AssignmentStatus; initialText: string };

/**
 * The learner writes the submission here: a draft is kept as they pause typing, all offline.
 * A failed save or submission says so and keeps the text for the next try.
 */
export function AssignmentEditor({ module, status, initialText }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [dirty, setDirty] = useState(false);
  const latest = useRef({ text, saved: initialText, module });
  useLayoutEffect(() => {
    latest.current = { ...latest.current, text, module };
  });

  const saveDraft = useAction(async (target: ModuleRef, draft: string) => {
    await saveAssignmentDraft(target, draft);
    latest.current.saved = draft;
    if (latest.current.text === draft) setDirty(false);
  });
  const { run: runSaveDraft } = saveDraft;
  const submit = useAction(async (target: ModuleRef, work: string) => {
    await submitAssignment(target, work);
    latest.current.saved = work;
    if (latest.current.text === work) setDirty(false);
  });

  const flush = useCallback(() => {
    const { text: current, saved, module: target } = latest.current;
    if (current !== saved) runSaveDraft(target, current);
  }, [runSaveDraft]);

  useEffect(() => {
    if (!dirty) return;
    const timer = window.setTimeout(flush, AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [text, dirty, flush]);

  useEffect(
    () => () => {
      const { text: current, saved, module: target } = latest.current;
      // Leaving the page: nobody is left to tell if this last save fails; the autosave above
      // has already kept everything typed up to a moment ago.
      if (current !== saved) saveAssignmentDraft(target, current).catch(() => undefined);
    },
    [],
  );

  const submitted = submit.status === 'done' && !dirty;
  return (
    <form
      className="assignment-editor"
      onSubmit={(event) => {
        event.preventDefault();
        if (text.trim()) submit.run(module, text);
      }}
    >
      <label htmlFor="assignment-text">{t('assignment.editorLabel')}</label>
      <textarea
        id="assignment-text"
        rows={10}
        value={text}
        aria-describedby="assignment-save-state"
        onChange={(event) => {
          setText(event.target.value);
          setDirty(true);
        }}
        onBlur={flush}
      />
      <ActionError error={submit.error ?? saveDraft.error} />
      <div className="inline-group">
        <button type="submit" disabled={!text.trim() || submit.status === 'running'}>
          {status === 'none' ? t('assignment.submit') : t('assignment.resubmit')}
        </button>
        <span id="assignment-save-state" className="muted" role="status">
          {saveDraft.status === 'running'
            ? t('assignment.draftSaving')
            : dirty
              ? t('assignment.draftUnsaved')
              : submitted
                ? t('assignment.submittedNote')
                : text
                  ? t('assignment.draftSaved')
                  : ''}
        </span>
      </div>
    </form>
  );
}
