import { useEffect, useId, useRef, useState, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { CloudAlert, CloudCheck, CloudOff, CloudUpload, RefreshCw } from 'lucide-react';
import { freshMemory, nextAnnouncement, type Announcement, type SyncSnapshot } from './syncAnnouncements';
import './SyncIndicator.css';

/** How long an announcement stays in the live region, so the same news can be told again later. */
const ANNOUNCEMENT_MS = 10_000;

export type SyncPanelProps = {
  /** What sync is doing now, in words ("2 records waiting to be sent"). */
  progress: string;
  /** Closes the details (a link inside them leaves the page). */
  close: () => void;
};

/**
 * The sync state in the top bar as one icon button (a badge counts the records waiting) that
 * opens the details, given by `panel`. Guests see it only while offline. Beside it, a live
 * region that speaks only when something matters. It holds no data itself: a guest's state is
 * known without the database, a signed-in person's comes from the sync engine and the outbox.
 */
export function SyncIndicatorView({
  snapshot,
  errorText,
  panel,
}: {
  snapshot: SyncSnapshot;
  errorText: string;
  panel: (props: SyncPanelProps) => ReactNode;
}) {
  const { t } = useTranslation();
  const [open, setOpen] = useState(false);
  const container = useRef<HTMLDivElement>(null);
  const button = useRef<HTMLButtonElement>(null);
  const panelId = useId();

  useEffect(() => {
    if (!open) return;
    const onKey = (event: KeyboardEvent) => {
      if (event.key !== 'Escape') return;
      // Handled here, first (capture): the same Escape must not also close a toast.
      event.preventDefault();
      setOpen(false);
      button.current?.focus();
    };
    const onPointer = (event: PointerEvent) => {
      if (event.target instanceof Node && !container.current?.contains(event.target)) setOpen(false);
    };
    document.addEventListener('keydown', onKey, true);
    document.addEventListener('pointerdown', onPointer);
    return () => {
      document.removeEventListener('keydown', onKey, true);
      document.removeEventListener('pointerdown', onPointer);
    };
  }, [open]);

  const { online, signedIn, running } = snapshot;
  const count = signedIn ? (snapshot.waiting ?? 0) : 0;
  const progress = running ? t('sync.running') : count > 0 ? t('sync.waiting', { count }) : t('sync.allSent');
  const state = !online ? [t('offline.short'), count > 0 ? progress : ''].filter(Boolean).join(' · ') : errorText || progress;
  const Icon = !online ? CloudOff : errorText ? CloudAlert : running ? RefreshCw : count > 0 ? CloudUpload : CloudCheck;
  const label = signedIn ? t('sync.indicatorLabel', { state }) : state;
  // Where there is room (a PC), a word beside the icon; the badge keeps the count, the details the rest.
  const word = !online ? t('offline.short') : errorText ? '' : running ? t('sync.running') : count > 0 ? '' : t('sync.allSent');
  const shown = signedIn || !online;
  // A guest's indicator goes when the connection returns: so do its details.
  if (!shown && open) setOpen(false);

  return (
    <div className="sync-indicator" ref={container}>
      <SyncAnnouncer snapshot={snapshot} errorText={errorText} />
      {shown && (
        <button
          ref={button}
          type="button"
          className={`sync-indicator__button${errorText ? ' sync-indicator__button--problem' : ''}`}
          aria-label={label}
          aria-expanded={open}
          aria-controls={panelId}
          onClick={() => setOpen((was) => !was)}
        >
          <Icon aria-hidden size={22} />
          {count > 0 && (
            <span className="sync-indicator__badge" aria-hidden>
              {count > 99 ? '99+' : count}
            </span>
          )}
          {word && (
            <span className="sync-indicator__text" aria-hidden>
              {word}
            </span>
          )}
        </button>
      )}
      {/* Always in the page (hidden until opened), so the button's aria-controls points at it. */}
      <div id={panelId} className="sync-panel" role="group" aria-label={t('sync.title')} hidden={!open || !shown}>
        {panel({ progress, close: () => setOpen(false) })}
      </div>
    </div>
  );
}

function SyncAnnouncer({ snapshot, errorText }: { snapshot: SyncSnapshot; errorText: string }) {
  const { t } = useTranslation();
  const memory = useRef(freshMemory);
  const [said, setSaid] = useState<Announcement | undefined>(undefined);
  const { online, signedIn, waiting, running, error, needsSignIn } = snapshot;

  useEffect(() => {
    const next = nextAnnouncement(memory.current, { online, signedIn, waiting, running, error, needsSignIn });
    memory.current = next.memory;
    if (next.say) setSaid(next.say);
  }, [online, signedIn, waiting, running, error, needsSignIn]);

  useEffect(() => {
    if (!said) return;
    const timer = setTimeout(() => setSaid(undefined), ANNOUNCEMENT_MS);
    return () => clearTimeout(timer);
  }, [said]);

  const text = {
    offline: t('offline.banner'),
    online: t('offline.backOnline'),
    failed: errorText,
    allSent: t('sync.allSent'),
  };
  return (
    <div role="status" className="visually-hidden">
      {said ? text[said] : ''}
    </div>
  );
}
