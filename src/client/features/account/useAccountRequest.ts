import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../ui/apiErrorMessage';

/**
 * The sending state every account form shares: busy while the request runs, and the
 * failure in the person's language when it fails.
 */
export function useAccountRequest() {
  const { t } = useTranslation();
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);
  const send = async (request: () => Promise<void>) => {
    setBusy(true);
    setError('');
    try {
      await request();
    } catch (failure) {
      setError(apiErrorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };
  return { error, setError, busy, send };
}
