import { useTranslation } from 'react-i18next';
import { useFormat } from '../i18n/format';
import './DataAge.css';

/** "Data from <time>", and when the copy came from the device because the server was out of reach, says so. */
export function DataAge({ fetchedAt, fromCache, onReload }: { fetchedAt: string; fromCache: boolean; onReload?: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  return (
    <div className={fromCache ? 'notice' : 'data-age muted'} role="status">
      <p>
        {t('mentor.dataFrom', { time: format.dateTime(fetchedAt) })}
        {fromCache && <> {t('mentor.dataOffline')}</>}
      </p>
      {onReload && (
        <button type="button" className="button--secondary button--small" onClick={onReload}>
          {t('mentor.reload')}
        </button>
      )}
    </div>
  );
}
