import { useState } from 'react';
import { useAction } from '../../ui/useAction';

/**
 * The sending state every account form shares, on top of `useAction`: busy while the request
 * runs, and the failure (or a problem the form found before sending) in the person's language.
 * The fields are never cleared here, so a failed request keeps what the person typed.
 */
export function useAccountRequest() {
  const [problem, setProblem] = useState('');
  const request = useAction((work: () => Promise<void>) => work());
  const send = (work: () => Promise<void>) => {
    setProblem('');
    request.run(work);
  };
  /** A problem found before sending replaces the last failure: only the current one is shown. */
  const refuse = (found: string) => {
    request.clear();
    setProblem(found);
  };
  return { error: problem || request.error || '', setError: refuse, busy: request.status === 'running', send };
}
