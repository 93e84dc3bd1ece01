import { useTranslation } from 'react-i18next';
import { apiErrorMessage } from '../../ui/apiErrorMessage';

/** The page's data could not be fetched and no copy is on this device. */
export function LoadProblem({ title, error, onRetry }: { title: string; error: unknown; onRetry: () => void }) {
  const { t } = useTranslation();
  return (
    <>
      <h1>{title}</h1>
      <div className="notice notice--error" role="alert">
        <p>{apiErrorMessage(t, error)}</p>
        <p>{t('mentor.noCopy')}</p>
        <button type="button" onClick={onRetry}>
          {t('mentor.reload')}
        </button>
      </div>
    </>
  );
}
