import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { guestRecordCount } from '../../db/accounts';

/** The choice to bring study records made without an account into the account; shown only when there are some. */
export function GuestRecords({ adopt, onChange }: { adopt: boolean; onChange: (adopt: boolean) => void }) {
  const { t } = useTranslation();
  const [count, setCount] = useState(0);
  useEffect(() => {
    void guestRecordCount().then(setCount);
  }, []);
  if (count === 0) return null;
  return (
    <div className="field field--check">
      <label className="choice">
        <input type="checkbox" checked={adopt} onChange={(e) => onChange(e.target.checked)} />
        <span>{t('account.adoptGuest', { count })}</span>
      </label>
    </div>
  );
}
