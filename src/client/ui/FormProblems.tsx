import type { Ref } from 'react';
import { useTranslation } from 'react-i18next';

type Props = {
  /** How many fields have a problem; each field says its own, linked to it. */
  count: number;
  /** A failure that is not one field's (the server refused, no connection). */
  error?: string | undefined;
  ref?: Ref<HTMLDivElement>;
};

/**
 * What is wrong with a form, said at once: the form moves focus here when it refuses to send
 * (as the hours form does), and a failure arriving later is announced by the alert role.
 */
export function FormProblems({ count, error, ref }: Props) {
  const { t } = useTranslation();
  return (
    <div ref={ref} tabIndex={-1} role="alert" className="form-problems">
      {count > 0 && <p className="field__error">{t('account.errorSummary', { count })}</p>}
      {error && <p className="notice notice--error">{error}</p>}
    </div>
  );
}
