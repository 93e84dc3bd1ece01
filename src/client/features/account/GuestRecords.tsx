import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { discardGuestRecords, guestRecordSummary, type GuestRecordSummary } from '../../db/accounts';
import { useFormat } from '../../i18n/format';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';

/**
 * Study records made on this device without signing in, shown only when there are some: what
 * they are and from when, the choice to bring them into the account (off unless ticked: on a
 * shared PC they may be a stranger's) and a button that discards them.
 */
export function GuestRecords({ adopt, onChange }: { adopt: boolean; onChange: (adopt: boolean) => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const [summary, setSummary] = useState<GuestRecordSummary>();
  const [discarded, setDiscarded] = useState(false);
  const discard = useAction(discardGuestRecords, {
    onDone: () => {
      setSummary(undefined);
      setDiscarded(true);
      onChange(false);
    },
  });
  useEffect(() => {
    let live = true;
    // Unreadable guest data is treated as none: the form is for signing in.
    guestRecordSummary().then(
      (found) => live && setSummary(found),
      () => undefined,
    );
    return () => {
      live = false;
    };
  }, []);

  if (discarded)
    return (
      <p role="status" className="notice">
        {t('account.guestDiscarded')}
      </p>
    );
  if (!summary) return null;
  return (
    <fieldset className="field guest-records" aria-describedby={`${id}-hint`}>
      <legend>{t('account.guestTitle')}</legend>
      <ul>
        {summary.lessons > 0 && <li>{t('account.guestLessons', { count: summary.lessons })}</li>}
        {summary.quizAttempts > 0 && <li>{t('account.guestQuizAttempts', { count: summary.quizAttempts })}</li>}
        {summary.notes > 0 && <li>{t('account.guestNotes', { count: summary.notes })}</li>}
      </ul>
      <p>{t('account.guestPeriod', { from: format.date(summary.from), to: format.date(summary.to) })}</p>
      <label className="choice">
        <input type="checkbox" checked={adopt} onChange={(e) => onChange(e.target.checked)} />
        <span>{t('account.adoptGuest', { count: summary.records })}</span>
      </label>
      <p id={`${id}-hint`} className="muted">
        {t('account.guestHint')}
      </p>
      <p>
        <button type="button" className="button--secondary" disabled={discard.status === 'running'} onClick={() => discard.run()}>
          {t('account.discardGuest')}
        </button>
      </p>
      <ActionError error={discard.error} />
    </fieldset>
  );
}
