import { useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { signOutOnServer } from '../../api/pendingSignOut';
import { paths } from '../../app/paths';
import { removeLocalData, switchToGuest } from '../../db/accounts';
import { useWaitingCount } from '../../db/hooks';
import { syncEngine } from '../../sync/sync';
import { useAction } from '../../ui/useAction';
import { useGoTo } from '../../ui/useGoTo';
import { ActionError } from '../../ui/ActionError';

/**
 * Signing out, with the shared library PC in mind: it warns while records have not reached
 * the server and offers to sync first; "remove my data" deletes this person's database from
 * the device, so the next person sees nothing of theirs, online or offline.
 */
export function SignOut() {
  const { t } = useTranslation();
  const goTo = useGoTo();
  const waiting = useWaitingCount() ?? 0;
  const [remove, setRemove] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const warning = useRef<HTMLDivElement>(null);
  const signOutButton = useRef<HTMLButtonElement>(null);
  const warned = confirming && waiting > 0;
  const wasWarned = useRef(false);

  // Each replaces the other: "Sign out" by the warning, the warning (once everything is sent)
  // by "Sign out". Focus follows, instead of falling to the page body.
  useLayoutEffect(() => {
    if (warned) warning.current?.focus();
    else if (wasWarned.current && document.activeElement === document.body) signOutButton.current?.focus();
    wasWarned.current = warned;
  }, [warned]);

  const signOut = useAction(async () => {
    // Offline, the sign-out is sent when the connection returns (pendingSignOut.ts).
    await signOutOnServer();
    // Before the database goes: the round in flight is aborted and writes nothing more.
    syncEngine.stop();
    if (remove) await removeLocalData();
    switchToGuest();
    goTo(paths.home());
  });
  const busy = signOut.status === 'running';

  return (
    <section aria-labelledby="sign-out-heading" className="card">
      <h2 id="sign-out-heading">{t('account.signOutTitle')}</h2>
      <label className="choice">
        <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} />
        <span>{t('account.removeData')}</span>
      </label>
      {warned ? (
        <div role="alert" className="notice notice--error" ref={warning} tabIndex={-1}>
          <p>{remove ? t('account.waitingWillBeLost', { count: waiting }) : t('account.waitingStayHere', { count: waiting })}</p>
          <div className="inline-group">
            <button type="button" onClick={syncEngine.requestSync}>
              {t('sync.syncNow')}
            </button>
            <button type="button" className="button--secondary" disabled={busy} onClick={() => signOut.run()}>
              {t('account.signOutAnyway')}
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button ref={signOutButton} type="button" disabled={busy} onClick={() => (waiting > 0 ? setConfirming(true) : signOut.run())}>
            {t('account.signOutAction')}
          </button>
        </p>
      )}
      <ActionError error={signOut.error} />
    </section>
  );
}
