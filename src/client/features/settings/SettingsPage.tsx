import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { UI_LOCALES, isUiLocale } from '../../../shared/content/locales';
import { LANGUAGE_NAMES, currentLanguage } from '../../i18n/i18n';
import { requestPersistentStorage, storageInfo, type StorageInfo } from '../../db/storage';
import { TEXT_SIZES, THEMES, setTextSize, setTheme, useTextSize, useTheme, type TextSize, type Theme } from '../../ui/preferences';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormat } from '../../i18n/format';
import { useOfflineProgress } from '../../content/offline';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';

export function SettingsPage() {
  const { t, i18n } = useTranslation();
  usePageTitle(t('settings.title'));
  const format = useFormat();
  const textSize = useTextSize();
  const theme = useTheme();
  const [storage, setStorage] = useState<StorageInfo | undefined>();
  const [persistAnswer, setPersistAnswer] = useState<string>('');
  const [languageError, setLanguageError] = useState(false);
  // The language changes on "Apply", not on each arrow key in the list (each change reloads every string).
  const [chosenLanguage, setChosenLanguage] = useState<string>();
  const shownLanguage = chosenLanguage ?? currentLanguage(i18n.language);
  const offline = useOfflineProgress();
  const persist = useAction(async () => {
    const granted = await requestPersistentStorage();
    setPersistAnswer(granted ? t('settings.persistentGranted') : t('settings.persistentRefused'));
    setStorage(await storageInfo());
  });
  useEffect(() => {
    // storageInfo answers undefined fields where the browser cannot tell; it does not fail.
    storageInfo().then(setStorage, () => undefined);
  }, []);

  const sizeLabels: Record<TextSize, string> = {
    small: t('settings.textSmall'),
    normal: t('settings.textNormal'),
    large: t('settings.textLarge'),
    'x-large': t('settings.textExtraLarge'),
  };
  const themeLabels: Record<Theme, string> = {
    light: t('settings.themeLight'),
    dark: t('settings.themeDark'),
    system: t('settings.themeSystem'),
  };

  return (
    <>
      <h1>{t('settings.title')}</h1>

      <section aria-labelledby="language-heading" className="card">
        <h2 id="language-heading">{t('settings.languageTitle')}</h2>
        <form
          className="inline-group"
          onSubmit={(event) => {
            event.preventDefault();
            if (!isUiLocale(shownLanguage)) return;
            setLanguageError(false);
            i18n.changeLanguage(shownLanguage).then(
              () => setChosenLanguage(undefined),
              () => setLanguageError(true),
            );
          }}
        >
          <div className="field">
            <label htmlFor="language-select">{t('settings.languageLabel')}</label>
            <select
              id="language-select"
              value={shownLanguage}
              aria-describedby="language-hint"
              onChange={(e) => setChosenLanguage(e.target.value)}
            >
              {UI_LOCALES.map((lng) => (
                <option key={lng} value={lng} lang={lng}>
                  {LANGUAGE_NAMES[lng]}
                </option>
              ))}
            </select>
          </div>
          <button type="submit">{t('settings.languageApply')}</button>
        </form>
        <p id="language-hint" className="muted">
          {t('settings.languageHint')}
        </p>
        {languageError && <p role="alert">{t('settings.languageFailed')}</p>}
      </section>

      <section aria-labelledby="text-size-heading" className="card">
        <h2 id="text-size-heading">{t('settings.textSizeTitle')}</h2>
        <fieldset>
          <legend>{t('settings.textSizeLabel')}</legend>
          <div className="choices choices--row">
            {TEXT_SIZES.map((size) => (
              <label key={size} className="choice">
                <input type="radio" name="text-size" value={size} checked={textSize === size} onChange={() => setTextSize(size)} />
                <span>{sizeLabels[size]}</span>
              </label>
            ))}
          </div>
        </fieldset>
      </section>

      <section aria-labelledby="theme-heading" className="card">
        <h2 id="theme-heading">{t('settings.themeTitle')}</h2>
        <fieldset aria-describedby="theme-hint">
          <legend>{t('settings.themeLabel')}</legend>
          <div className="choices choices--row">
            {THEMES.map((choice) => (
              <label key={choice} className="choice">
                <input type="radio" name="theme" value={choice} checked={theme === choice} onChange={() => setTheme(choice)} />
                <span>{themeLabels[choice]}</span>
              </label>
            ))}
          </div>
        </fieldset>
        <p id="theme-hint" className="muted">
          {t('settings.themeHint')}
        </p>
      </section>

      <section aria-labelledby="storage-heading" className="card">
        <h2 id="storage-heading">{t('settings.storageTitle')}</h2>
        {storage === undefined ? (
          <p>{t('common.loading')}</p>
        ) : (
          <dl className="facts">
            <div>
              <dt>{t('settings.storageUsed')}</dt>
              <dd>{storage.usage === undefined ? t('settings.unknown') : format.bytes(storage.usage)}</dd>
            </div>
            <div>
              <dt>{t('settings.storageAvailable')}</dt>
              <dd>
                {storage.quota === undefined ? t('settings.unknown') : format.bytes(Math.max(0, storage.quota - (storage.usage ?? 0)))}
              </dd>
            </div>
            <div>
              <dt>{t('settings.persistentTitle')}</dt>
              <dd>
                {storage.persisted === undefined
                  ? t('settings.unknown')
                  : storage.persisted
                    ? t('settings.persistentYes')
                    : t('settings.persistentNo')}
              </dd>
            </div>
          </dl>
        )}
        <p role="status">
          {offline.failed
            ? t('settings.offlineContentFailed', { stored: offline.stored, count: offline.total })
            : offline.done
              ? t('settings.offlineContentDone', { count: offline.total })
              : offline.total > 0
                ? t('settings.offlineContentProgress', { stored: offline.stored, count: offline.total })
                : ''}
        </p>
        <p className="muted">{t('settings.persistentHint')}</p>
        {storage?.persisted !== true && (
          <button type="button" onClick={() => persist.run()}>
            {t('settings.persistentRequest')}
          </button>
        )}
        <p role="status">{persistAnswer}</p>
        <ActionError error={persist.error} />
      </section>
    </>
  );
}
