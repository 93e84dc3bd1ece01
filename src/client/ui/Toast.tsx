/*
 * A short message at the bottom of the screen (above a bottom tab bar: the shell sets
 * --bottom-bar-height). It leaves by itself after `autoDismissMs` (paused while the pointer
 * or the keyboard focus is on it, so nobody loses it mid-read), Escape closes it, and it never
 * hides the focused element (WCAG 2.4.11): when focus lands under it, it moves to the top of
 * the screen, and if it would cover the focus there too it steps aside until focus moves on.
 * The live region is on the page before its words, so screen readers announce them.
 */
import { useEffect, useLayoutEffect, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { X } from 'lucide-react';
import './Toast.css';

export type ToastTone = 'info' | 'success' | 'warning' | 'danger';

export type ToastProps = {
  /** Names the region for screen readers ("App update", "Connection"). */
  label: string;
  children: ReactNode;
  /** Buttons shown under the message. */
  actions?: ReactNode;
  onDismiss: () => void;
  /** Milliseconds until it leaves by itself; `null` keeps it until dismissed (it asks for an action). */
  autoDismissMs?: number | null;
  tone?: ToastTone;
};

type Placement = 'bottom' | 'top' | 'aside';

const DEFAULT_AUTO_DISMISS_MS = 6000;

type Box = { left: number; top: number; right: number; bottom: number };

function overlaps(a: Box, b: Box): boolean {
  const empty = (box: Box) => box.right <= box.left || box.bottom <= box.top;
  return !empty(a) && !empty(b) && a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;
}

/**
 * Where the toast can sit without covering the focused element: at the bottom if it is free,
 * else at the top (its box mirrored to the other edge), else aside (hidden until focus moves).
 */
function placementAvoiding(toast: HTMLElement, focused: Element | null): Placement {
  if (!focused || focused === document.body || toast.contains(focused)) return 'bottom';
  const target = focused.getBoundingClientRect();
  const here = toast.getBoundingClientRect();
  const there = { left: here.left, right: here.right, top: window.innerHeight - here.bottom, bottom: window.innerHeight - here.top };
  const [bottom, top] = toast.dataset.placement === 'top' ? [there, here] : [here, there];
  if (!overlaps(bottom, target)) return 'bottom';
  if (!overlaps(top, target)) return 'top';
  return 'aside';
}

export function Toast({ label, children, actions, onDismiss, autoDismissMs = DEFAULT_AUTO_DISMISS_MS, tone = 'info' }: ToastProps) {
  const { t } = useTranslation();
  const ref = useRef<HTMLElement>(null);
  const [placement, setPlacement] = useState<Placement>('bottom');
  const [held, setHeld] = useState(false);
  // A status region that arrives already holding its text is often not read out: the words go
  // in just after the empty region is on the page.
  const [announced, setAnnounced] = useState(false);
  useEffect(() => {
    const frame = window.requestAnimationFrame(() => setAnnounced(true));
    return () => window.cancelAnimationFrame(frame);
  }, []);
  const dismissRef = useRef(onDismiss);
  useLayoutEffect(() => {
    dismissRef.current = onDismiss;
  });

  useEffect(() => {
    if (autoDismissMs === null || held) return;
    const timer = window.setTimeout(() => dismissRef.current(), autoDismissMs);
    return () => window.clearTimeout(timer);
  }, [autoDismissMs, held]);

  useEffect(() => {
    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key !== 'Escape' || event.defaultPrevented) return;
      // Escape in an open dialog belongs to the dialog.
      if (document.activeElement?.closest('dialog[open]')) return;
      dismissRef.current();
    };
    document.addEventListener('keydown', onKeyDown);
    return () => document.removeEventListener('keydown', onKeyDown);
  }, []);

  useEffect(() => {
    const place = () => {
      const toast = ref.current;
      if (toast) setPlacement(placementAvoiding(toast, document.activeElement));
    };
    place();
    document.addEventListener('focusin', place);
    window.addEventListener('scroll', place, { passive: true });
    window.addEventListener('resize', place);
    return () => {
      document.removeEventListener('focusin', place);
      window.removeEventListener('scroll', place);
      window.removeEventListener('resize', place);
    };
  }, []);

  return (
    <section
      ref={ref}
      className={`toast toast--${tone}`}
      data-placement={placement}
      aria-label={label}
      role="status"
      onPointerEnter={() => setHeld(true)}
      onPointerLeave={() => setHeld(false)}
      onFocus={() => setHeld(true)}
      onBlur={(event) => {
        if (!event.currentTarget.contains(event.relatedTarget)) setHeld(false);
      }}
    >
      <div className="toast__message">{announced && children}</div>
      <button type="button" className="button--icon toast__close" aria-label={t('common.close')} onClick={() => onDismiss()}>
        <X aria-hidden="true" size={20} />
      </button>
      {actions && <div className="toast__actions">{actions}</div>}
    </section>
  );
}
