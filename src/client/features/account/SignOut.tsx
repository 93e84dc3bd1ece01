import { useState } from 'react';
import { useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { signOutOnServer } from '../../api/pendingSignOut';
import { paths } from '../../app/paths';
import { removeLocalData, switchToGuest } from '../../db/accounts';
import { useWaitingCount } from '../../db/hooks';
import { syncEngine } from '../../sync/sync';

/**
 * Signing out, with the shared library PC in mind: it warns while records have not reached
 * the server and offers to sync first; "remove my data" deletes this person's database from
 * the device, so the next person sees nothing of theirs, online or offline.
 */
export function SignOut() {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const waiting = useWaitingCount() ?? 0;
  const [remove, setRemove] = useState(true);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);

  const signOut = async () => {
    setBusy(true);
    // Offline, the sign-out is sent when the connection returns (pendingSignOut.ts).
    await signOutOnServer();
    syncEngine.stop();
    if (remove) await removeLocalData();
    switchToGuest();
    void navigate(paths.home());
  };

  return (
    <section aria-labelledby="sign-out-heading" className="card">
      <h2 id="sign-out-heading">{t('account.signOutTitle')}</h2>
      <label className="choice">
        <input type="checkbox" checked={remove} onChange={(e) => setRemove(e.target.checked)} />
        <span>{t('account.removeData')}</span>
      </label>
      {confirming && waiting > 0 ? (
        <div role="alert" className="notice notice--error">
          <p>{remove ? t('account.waitingWillBeLost', { count: waiting }) : t('account.waitingStayHere', { count: waiting })}</p>
          <div className="inline-group">
            <button type="button" onClick={() => void syncEngine.sync()}>
              {t('sync.syncNow')}
            </button>
            <button type="button" className="button--secondary" disabled={busy} onClick={() => void signOut()}>
              {t('account.signOutAnyway')}
            </button>
          </div>
        </div>
      ) : (
        <p>
          <button type="button" disabled={busy} onClick={() => (waiting > 0 ? setConfirming(true) : void signOut())}>
            {t('account.signOutAction')}
          </button>
        </p>
      )}
    </section>
  );
}
