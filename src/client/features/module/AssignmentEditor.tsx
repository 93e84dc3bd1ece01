import { useEffect, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentStatus } from '../../../shared/mentoring/contract';
import type { ModuleRef } from '../../../shared/xapi/build';
import { saveAssignmentDraft, submitAssignment } from '../../db/mentoring';

const AUTOSAVE_MS = 1500;

type Props = { module: ModuleRef; status: AssignmentStatus; initialText: string };

/** The learner writes the submission here: a draft is kept as they pause typing, all offline. */
export function AssignmentEditor({ module, status, initialText }: Props) {
  const { t } = useTranslation();
  const [text, setText] = useState(initialText);
  const [state, setState] = useState<'saved' | 'dirty' | 'saving' | 'submitted'>('saved');
  const latest = useRef({ text, saved: initialText, module });
  useLayoutEffect(() => {
    latest.current = { ...latest.current, text, module };
  });

  const flush = async () => {
    const { text: current, saved, module: target } = latest.current;
    if (current === saved) return;
    setState('saving');
    await saveAssignmentDraft(target, current);
    latest.current.saved = current;
    setState('saved');
  };

  useEffect(() => {
    if (state !== 'dirty') return;
    const timer = window.setTimeout(() => void flush(), AUTOSAVE_MS);
    return () => window.clearTimeout(timer);
  }, [text, state]);

  useEffect(
    () => () => {
      const { text: current, saved, module: target } = latest.current;
      if (current !== saved) void saveAssignmentDraft(target, current);
    },
    [],
  );

  const submit = async () => {
    if (!text.trim()) return;
    latest.current.saved = text;
    await submitAssignment(module, text);
    setState('submitted');
  };

  return (
    <form
      className="assignment-editor"
      onSubmit={(event) => {
        event.preventDefault();
        void submit();
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
          setState('dirty');
        }}
        onBlur={() => void flush()}
      />
      <div className="inline-group">
        <button type="submit" disabled={!text.trim()}>
          {status === 'none' ? t('assignment.submit') : t('assignment.resubmit')}
        </button>
        <span id="assignment-save-state" className="muted" role="status">
          {state === 'saving'
            ? t('assignment.draftSaving')
            : state === 'dirty'
              ? t('assignment.draftUnsaved')
              : state === 'submitted'
                ? t('assignment.submittedNote')
                : text
                  ? t('assignment.draftSaved')
                  : ''}
        </span>
      </div>
    </form>
  );
}
