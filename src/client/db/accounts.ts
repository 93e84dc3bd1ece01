/*
 * Moving between people on one device: signing in switches to the account's database
 * (identity.ts), a guest's study records can be adopted by the account once, and a person
 * can remove their database from a shared PC.
 *
 * On a shared PC the guest's records may be a stranger's: the sign-in form shows what they
 * are (`guestRecordSummary`) and adopts them only when the person ticks it, and anyone can
 * discard them (`discardGuestRecords`).
 *
 * Adoption rewrites only the actor of the guest's statements (they were never sent: guests
 * do not sync), keeps their ids, and skips ids the account already has, so running it twice
 * changes nothing. The guest database is deleted afterwards and the device gets a new guest
 * id, so the next person on a shared PC starts empty.
 */
import { Dexie } from 'dexie';
import type { Agent } from '../../shared/xapi/types';
import { appendStatements } from './actions';
import { closeDatabase, databaseName, db, StudyDatabase } from './schema';
import { currentAccountKey, guestId, renewGuestId, setSignedInAccount, type SignedInAccount } from './identity';

const guestDatabaseName = () => databaseName(`guest-${guestId()}`);

/** How many study records the guest made on this device (0 when none, or when the database is gone). */
export async function guestRecordCount(): Promise<number> {
  if (!(await Dexie.exists(guestDatabaseName()))) return 0;
  const guest = new StudyDatabase(guestDatabaseName());
  try {
    return await guest.statements.count();
  } finally {
    guest.close();
  }
}

export type GuestRecordSummary = {
  /** Every statement, as adoption counts them. */
  records: number;
  lessons: number;
  quizAttempts: number;
  notes: number;
  /** Timestamps of the first and the last record. */
  from: string;
  to: string;
};

/** What the guest made on this device, for the person deciding whether it is theirs; undefined when there is nothing. */
export async function guestRecordSummary(): Promise<GuestRecordSummary | undefined> {
  if (!(await Dexie.exists(guestDatabaseName()))) return undefined;
  const guest = new StudyDatabase(guestDatabaseName());
  try {
    const records = await guest.statements.count();
    const first = await guest.statements.orderBy('timestamp').first();
    const last = await guest.statements.orderBy('timestamp').last();
    if (records === 0 || !first || !last) return undefined;
    return {
      records,
      lessons: await guest.lessons.count(),
      quizAttempts: await guest.attempts.count(),
      notes: await guest.notes.count(),
      from: first.timestamp,
      to: last.timestamp,
    };
  } finally {
    guest.close();
  }
}

/** Remove the guest's records from this device for good; the device gets a new, empty guest. */
export async function discardGuestRecords(): Promise<void> {
  const name = guestDatabaseName();
  // The guest may be the one using the app now (the sign-in form): let go of their open database.
  if (currentAccountKey() === `guest-${guestId()}`) closeDatabase();
  await Dexie.delete(name);
  renewGuestId();
}

/** Switch the app to this account's database (after an online sign-in). Works offline afterwards. */
export function switchToAccount(account: SignedInAccount): void {
  setSignedInAccount(account);
}

/** Back to a guest (sign-out). The account's database stays on the device unless removed. */
export function switchToGuest(): void {
  setSignedInAccount(null);
}

/**
 * Attribute the guest's study records on this device to the signed-in account, once.
 * Offline-safe: everything happens in IndexedDB; the records are sent at the next sync.
 */
export async function adoptGuestRecords(actor: Agent): Promise<number> {
  const name = guestDatabaseName();
  if (!(await Dexie.exists(name)) || currentAccountKey().startsWith('guest-')) return 0;
  const guest = new StudyDatabase(name);
  const rows = await guest.statements.toArray();
  guest.close();
  await appendStatements(rows.map((row) => ({ ...row, synced: 0, statement: { ...row.statement, actor } })));
  await Dexie.delete(name);
  renewGuestId();
  return rows.length;
}

/** Delete the current person's database from this device (shared PCs). Unsent records are lost. */
export async function removeLocalData(): Promise<void> {
  const database = db();
  database.close();
  await Dexie.delete(database.name);
}
