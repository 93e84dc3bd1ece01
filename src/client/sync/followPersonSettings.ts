/*
 * Binds the signed-in person's server-side settings (sync/personSettings.ts) to this device's
 * text size and colour theme: fetched and applied at sign-in and whenever the person changes,
 * sent when they change one. A failed request changes nothing here (the setting still applies
 * on this device) and is not retried: the next change or sign-in brings them together again.
 */
import { CSRF_HEADERS } from '../api/client';
import { onIdentityChange, signedInAccount, xapiBase } from '../db/identity';
import { getTextSize, getTheme, onTextSizeChange, onThemeChange, setTextSize, setTheme } from '../ui/preferences';
import type { PersonSettings } from '../../shared/person-settings';
import { fetchPersonSettings, savePersonSettings, type SettingsTransport } from './personSettings';

const transport: SettingsTransport = { fetch: (input, init) => fetch(input, init), headers: () => ({ ...CSRF_HEADERS }) };

export function followPersonSettings(): () => void {
  let applying = false;
  const pull = async (): Promise<void> => {
    const account = signedInAccount();
    if (!account) return;
    const settings = await fetchPersonSettings(transport, { agent: account.actor, xapiBase });
    // Still the same person; only settings this device does not have yet are applied.
    if (signedInAccount()?.id !== account.id) return;
    applying = true;
    try {
      if (settings.textSize !== undefined && settings.textSize !== getTextSize()) setTextSize(settings.textSize);
      if (settings.theme !== undefined && settings.theme !== getTheme()) setTheme(settings.theme);
    } finally {
      applying = false;
    }
  };
  // Only the changed setting is sent: the server merges it into the stored document.
  const push = async (settings: PersonSettings): Promise<void> => {
    const account = signedInAccount();
    if (!account || applying) return;
    await savePersonSettings(transport, { agent: account.actor, xapiBase, settings });
  };
  const pullQuietly = () => {
    pull().catch(() => undefined);
  };
  const stopIdentity = onIdentityChange(pullQuietly);
  const stopTextSize = onTextSizeChange(() => {
    push({ textSize: getTextSize() }).catch(() => undefined);
  });
  const stopTheme = onThemeChange(() => {
    push({ theme: getTheme() }).catch(() => undefined);
  });
  pullQuietly();
  return () => {
    stopIdentity();
    stopTextSize();
    stopTheme();
  };
}
