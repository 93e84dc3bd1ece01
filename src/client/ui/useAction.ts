import { useCallback, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ApiError } from '../api/client';
import { apiErrorMessage } from './apiErrorMessage';

export type ActionStatus = 'idle' | 'running' | 'done' | 'failed';

export type Action<Args extends unknown[]> = {
  /** Starts the write; safe to call from an event handler (a failure lands in `error`, never unhandled). */
  run: (...args: Args) => void;
  status: ActionStatus;
  /** The last failure in the person's language; cleared when the action runs again. */
  error: string | undefined;
  /** Forgets the last failure, e.g. when the form finds a new problem of its own before sending. */
  clear: () => void;
};

/**
 * The one way a write a person triggers (complete a lesson, save a note, submit a form) is
 * started from the UI: it reports `running`, `done` or `failed` with the failure in words, so
 * nothing fails silently. It never touches what the person typed: a form clears its fields
 * in `onDone`, which runs only after the write succeeded.
 */
export function useAction<Args extends unknown[]>(
  action: (...args: Args) => Promise<unknown>,
  options: { onDone?: () => void } = {},
): Action<Args> {
  const { t } = useTranslation();
  const [status, setStatus] = useState<ActionStatus>('idle');
  const [error, setError] = useState<string>();
  const latest = useRef({ action, onDone: options.onDone });
  useLayoutEffect(() => {
    latest.current = { action, onDone: options.onDone };
  });

  const run = useCallback(
    (...args: Args) => {
      setStatus('running');
      setError(undefined);
      latest.current.action(...args).then(
        () => {
          setStatus('done');
          latest.current.onDone?.();
        },
        (failure: unknown) => {
          setStatus('failed');
          setError(failure instanceof ApiError ? apiErrorMessage(t, failure) : t('actionErrors.notSaved'));
        },
      );
    },
    [t],
  );

  const clear = useCallback(() => {
    setStatus((current) => (current === 'failed' ? 'idle' : current));
    setError(undefined);
  }, []);

  return { run, status, error, clear };
}
