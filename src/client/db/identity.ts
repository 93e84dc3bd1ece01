/*
 * Who is using the app on this device, kept in localStorage so it survives reloads and
 * works offline after one online sign-in:
 * - a signed-in account (id, name, role and the xAPI Agent the server gave it), or
 * - a local guest with a random id, before any sign-in.
 * Each has its own IndexedDB database (schema.ts), so switching person switches data.
 * Signing out forgets the account here; its database stays unless the person removes it.
 */
import { useSyncExternalStore } from 'react';
import type { Agent } from '../../shared/xapi/types';
import { DEFAULT_XAPI_BASE } from '../../shared/xapi/activities';
import { newUuid } from '../../shared/xapi/ids';

const GUEST_KEY = 'biblio-study:guest-id';
const ACCOUNT_KEY = 'biblio-study:account';

export type Role = 'learner' | 'mentor' | 'coordinator';

export type SignedInAccount = { id: string; login: string; name: string; role: Role; actor: Agent };

/** The base IRI of activity ids, fixed per deployment at build time (`XAPI_BASE`). */
export const xapiBase: string = (import.meta.env.VITE_XAPI_BASE as string | undefined) ?? DEFAULT_XAPI_BASE;

const listeners = new Set<() => void>();
let account: SignedInAccount | null | undefined;
let guest: string | undefined;

function read<T>(key: string): T | undefined {
  try {
    const raw = localStorage.getItem(key);
    return raw ? (JSON.parse(raw) as T) : undefined;
  } catch {
    return undefined;
  }
}

function write(key: string, value: unknown): void {
  try {
    if (value === undefined) localStorage.removeItem(key);
    else localStorage.setItem(key, JSON.stringify(value));
  } catch {
    // Storage blocked: the identity lasts for this tab only.
  }
}

/** The guest id of this device; a new one after the previous guest's data was adopted or removed. */
export function guestId(): string {
  guest ??= read<string>(GUEST_KEY);
  if (!guest) {
    guest = newUuid();
    write(GUEST_KEY, guest);
  }
  return guest;
}

export function renewGuestId(): void {
  guest = newUuid();
  write(GUEST_KEY, guest);
  // A guest using the app now becomes a new, empty one: the views follow.
  for (const listener of listeners) listener();
}

export function signedInAccount(): SignedInAccount | null {
  if (account === undefined) account = read<SignedInAccount>(ACCOUNT_KEY) ?? null;
  return account;
}

/** Database key of the person using the app now. */
export function currentAccountKey(): string {
  const signedIn = signedInAccount();
  return signedIn ? `account-${signedIn.id}` : `guest-${guestId()}`;
}

export function currentActor(): Agent {
  return signedInAccount()?.actor ?? { objectType: 'Agent', account: { homePage: xapiBase, name: `guest:${guestId()}` } };
}

export function setSignedInAccount(next: SignedInAccount | null): void {
  account = next;
  write(ACCOUNT_KEY, next ?? undefined);
  for (const listener of listeners) listener();
}

export function onIdentityChange(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The signed-in account, or null for a guest; re-renders on sign-in and sign-out. */
export function useSignedInAccount(): SignedInAccount | null {
  return useSyncExternalStore(onIdentityChange, signedInAccount, () => null);
}

/** The database key of the person using the app now; re-renders on sign-in and sign-out. */
export function useAccountKey(): string {
  return useSyncExternalStore(onIdentityChange, currentAccountKey, currentAccountKey);
}

/** Forget cached identity (tests). */
export function resetIdentityCache(): void {
  account = undefined;
  guest = undefined;
}

/** `biblio-study:account-<id>` for an account, `biblio-study:guest-<id>` for a guest: the person's own IndexedDB. */
export function databaseName(key: string): string {
  return `biblio-study:${key}`;
}
