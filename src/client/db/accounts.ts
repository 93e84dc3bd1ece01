/*
 * Moving between people on one device: signing in switches to the account's database
 * (identity.ts), a guest's study records can be adopted by the account once, and a person
 * can remove their database from a shared PC.
 *
 * Adoption rewrites only the actor of the guest's statements (they were never sent: guests
 * do not sync), keeps their ids, and skips ids the account already has, so running it twice
 * changes nothing. The guest database is deleted afterwards and the device gets a new guest
 * id, so the next person on a shared PC starts empty.
 */
import { Dexie } from 'dexie';
import type { Agent } from '../../shared/xapi/types';
import { appendStatements } from './actions';
import { databaseName, db, StudyDatabase } from './schema';
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
