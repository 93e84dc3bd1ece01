import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import type { Credentials } from '../api';
import { AppShell } from './AppShell';

export class SignInPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/sign-in');
  }

  get form(): Locator {
    return this.main.locator('form');
  }

  get loginBox(): Locator {
    return this.main.getByRole('textbox', { name: this.t('account.login'), exact: true });
  }

  /** Password inputs have no ARIA role: found by their label. */
  get passwordBox(): Locator {
    return this.main.getByLabel(this.t('account.password'), { exact: true });
  }

  get submitButton(): Locator {
    return this.main.getByRole('button', { name: this.t('account.signInAction'), exact: true });
  }

  get error(): Locator {
    return this.main.getByRole('alert');
  }

  /** "Add the N study records made on this device without signing in to my account". */
  get adoptGuestCheckbox(): Locator {
    return this.main.getByRole('checkbox');
  }

  async fill({ login, password }: Credentials): Promise<void> {
    await this.loginBox.fill(login);
    await this.passwordBox.fill(password);
  }

  /** Signs in and waits for the home page, with the person's name in the main navigation. */
  async signIn(person: Credentials & { name: string }): Promise<void> {
    await this.fill(person);
    await this.submitButton.click();
    await expectVisible(
      this.main.getByRole('heading', { level: 1, name: this.t('home.title'), exact: true }),
      'the home page after signing in',
    );
    await expectVisible(this.accountLink(person.name), `the account link "${person.name}" in the navigation`);
    await this.waitUntilShown();
  }
}
