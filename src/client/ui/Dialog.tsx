/*
 * A modal dialog on the native <dialog> (showModal): the browser keeps focus inside it, makes
 * the rest of the page inert and closes it on Escape. Focus goes back to the element that was
 * focused before it opened (the button that opened it, usually), however it closes.
 */
import { useEffect, useId, useLayoutEffect, useRef, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import './Dialog.css';

export type DialogProps = {
  open: boolean;
  /** Called when the person closes it (Escape, the close button, or an action that closes). */
  onClose: () => void;
  title: string;
  children: ReactNode;
  /** Buttons under the content, e.g. "Cancel" and the main action. */
  actions?: ReactNode;
};

export function Dialog({ open, onClose, title, children, actions }: DialogProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLDialogElement>(null);
  const returnTo = useRef<HTMLElement | null>(null);
  const titleId = useId();
  const latest = useRef({ open, onClose });
  useLayoutEffect(() => {
    latest.current = { open, onClose };
  });

  const returnFocus = () => {
    const target = returnTo.current;
    returnTo.current = null;
    if (target?.isConnected) target.focus();
  };

  useEffect(() => {
    const dialog = ref.current;
    if (!dialog) return;
    if (open && !dialog.open) {
      returnTo.current = document.activeElement instanceof HTMLElement ? document.activeElement : null;
      dialog.showModal();
    } else if (!open && dialog.open) {
      dialog.close();
    }
  }, [open]);

  // Closed by being removed from the page while open: focus still goes back.
  useEffect(() => () => returnFocus(), []);

  return (
    <dialog
      ref={ref}
      className="dialog"
      aria-labelledby={titleId}
      onClose={() => {
        returnFocus();
        // Closed by the person rather than by the `open` prop: tell the owner.
        if (latest.current.open) latest.current.onClose();
      }}
    >
      <div className="dialog__header">
        <h2 id={titleId} className="dialog__title">
          {title}
        </h2>
        <button type="button" className="button--icon" aria-label={t('common.close')} onClick={() => ref.current?.close()}>
          <X aria-hidden="true" size={20} />
        </button>
      </div>
      <div className="dialog__body">{children}</div>
      {actions && <div className="dialog__actions">{actions}</div>}
    </dialog>
  );
}
