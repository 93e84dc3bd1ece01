import { useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { notePreview } from '../../../shared/learning/notes';

/**
 * A note's text in My learning: a long note shows its start and a toggle, so one long note
 * cannot make the page endless; nothing of it is cut from the device, only from the view.
 */
export function NoteText({ text, describedBy }: { text: string; describedBy: string }) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const id = useId();
  const preview = notePreview(text);
  if (preview === undefined) return <p className="pre-line">{text}</p>;
  return (
    <>
      <p id={id} className="pre-line">
        {open ? text : `${preview}…`}
      </p>
      <button
        type="button"
        className="button--small button--secondary"
        aria-expanded={open}
        aria-controls={id}
        aria-describedby={describedBy}
        onClick={() => setOpen(!open)}
      >
        {open ? t('learning.noteShowLess') : t('learning.noteShowAll')}
      </button>
    </>
  );
}
