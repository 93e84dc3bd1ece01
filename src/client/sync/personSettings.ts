/*
 * Keeps a signed-in person's settings (text size, colour theme) in their xAPI State document on the server
 * (shared/person-settings.ts), so they follow the person to another device or a shared library
 * PC. On this device the setting stays in localStorage (ui/preferences.ts), where it applies
 * before anything loads. At sign-in the stored settings are fetched and applied; a change made
 * while signed in is sent (POST, merged into the document). Offline, the change is applied here
 * and sent with the next change or taken over from the server at the next sign-in: settings are
 * not learning events, so the last one written wins and nothing more is kept.
 */
import { appActivityId, PERSON_SETTINGS_STATE_ID, readPersonSettings, type PersonSettings } from '../../shared/person-settings';

export type SettingsTransport = {
  fetch: (input: string, init: RequestInit) => Promise<Response>;
  /** Headers every request carries (the CSRF header for the session cookie). */
  headers: () => Record<string, string>;
  /** Where /xapi is: '' for this origin. */
  origin?: string;
};

export type SettingsOwner = { agent: unknown; xapiBase: string };

function stateUrl(transport: SettingsTransport, owner: SettingsOwner): string {
  const params = new URLSearchParams({
    activityId: appActivityId(owner.xapiBase),
    agent: JSON.stringify(owner.agent),
    stateId: PERSON_SETTINGS_STATE_ID,
  });
  return `${transport.origin ?? ''}/xapi/activities/state?${params.toString()}`;
}

const XAPI_VERSION = { 'X-Experience-API-Version': '1.0.3' };

/** The person's stored settings ({} when none); throws when the server cannot be asked. */
export async function fetchPersonSettings(transport: SettingsTransport, owner: SettingsOwner): Promise<PersonSettings> {
  const response = await transport.fetch(stateUrl(transport, owner), {
    credentials: 'same-origin',
    headers: { ...transport.headers(), ...XAPI_VERSION },
  });
  if (response.status === 404) return {};
  if (!response.ok) throw new Error(`Reading settings failed: ${response.status}`);
  return readPersonSettings(await response.json());
}

/** Merges `settings` into the person's stored settings; throws when it was not stored. */
export async function savePersonSettings(
  transport: SettingsTransport,
  change: SettingsOwner & { settings: PersonSettings },
): Promise<void> {
  const response = await transport.fetch(stateUrl(transport, change), {
    method: 'POST',
    credentials: 'same-origin',
    headers: { ...transport.headers(), ...XAPI_VERSION, 'Content-Type': 'application/json' },
    body: JSON.stringify(change.settings),
  });
  if (!response.ok) throw new Error(`Saving settings failed: ${response.status}`);
}
