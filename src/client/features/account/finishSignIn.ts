import type { SignedIn } from '../../api/client';
import { adoptGuestRecords, switchToAccount } from '../../db/accounts';

/** After the server accepted the person: switch to their database and, if they chose so, bring the guest's records along. */
export async function finishSignIn(result: SignedIn, adoptGuest: boolean): Promise<void> {
  switchToAccount({ id: result.user.id, login: result.user.login, name: result.user.name, role: result.user.role, actor: result.agent });
  if (adoptGuest) await adoptGuestRecords(result.agent);
}
