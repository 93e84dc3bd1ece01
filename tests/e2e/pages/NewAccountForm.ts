import type { Locator } from 'playwright-core';
import type { Credentials } from '../api';
import { AppShell } from './AppShell';

/** The fields every new-account form shares (first coordinator, sign-up): name, login, password twice. */
export abstract class NewAccountForm extends AppShell {
  get nameBox(): Locator {
    return this.main.getByRole('textbox', { name: this.t('account.name'), exact: true });
  }

  get loginBox(): Locator {
    return this.main.getByRole('textbox', { name: this.t('account.login'), exact: true });
  }

  get passwordBox(): Locator {
    return this.main.getByLabel(this.t('account.password'), { exact: true });
  }

  get repeatPasswordBox(): Locator {
    return this.main.getByLabel(this.t('account.confirmPassword'), { exact: true });
  }

  protected async fillPerson(person: Credentials & { name: string }, repeat = person.password): Promise<void> {
    await this.nameBox.fill(person.name);
    await this.loginBox.fill(person.login);
    await this.passwordBox.fill(person.password);
    await this.repeatPasswordBox.fill(repeat);
  }
}
