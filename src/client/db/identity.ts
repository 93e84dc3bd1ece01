/*
 * Who the statements on this device are by. Before accounts exist, the learner is a local
 * guest with a random id kept in localStorage; the accounts issue re-attributes a guest's
 * statements to the account once, at sign-up or sign-in.
 */
import type { Agent } from '../../shared/xapi/types';
import { DEFAULT_XAPI_BASE } from '../../shared/xapi/activities';
import { newUuid } from '../../shared/xapi/ids';

const GUEST_KEY = 'biblio-study:guest-id';

/** The base IRI of activity ids, fixed per deployment at build time (`XAPI_BASE`). */
export const xapiBase: string = (import.meta.env.VITE_XAPI_BASE as string | undefined) ?? DEFAULT_XAPI_BASE;

function guestId(): string {
  try {
    const existing = localStorage.getItem(GUEST_KEY);
    if (existing) return existing;
    const id = newUuid();
    localStorage.setItem(GUEST_KEY, id);
    return id;
  } catch {
    // Storage blocked (private mode on some browsers): a per-tab guest still works.
    return newUuid();
  }
}

let actor: Agent | undefined;

export function currentActor(): Agent {
  actor ??= { objectType: 'Agent', account: { homePage: xapiBase, name: `guest:${guestId()}` } };
  return actor;
}
