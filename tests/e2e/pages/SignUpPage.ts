import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import type { Credentials } from '../api';
import { NewAccountForm } from './NewAccountForm';

export class SignUpPage extends NewAccountForm {
  async open(): Promise<void> {
    await this.visit('/sign-up');
  }

  get inviteBox(): Locator {
    return this.main.getByRole('textbox', { name: this.t('account.inviteCode'), exact: true });
  }

  get submitButton(): Locator {
    return this.main.getByRole('button', { name: this.t('account.signUpAction'), exact: true });
  }

  /** A field's own error message (TextField shows it under the input and links it with aria-describedby). */
  fieldError(rule: string): Locator {
    return this.main.getByText(this.t(rule), { exact: true }).and(this.main.locator('.field__error'));
  }

  async fill(invite: string, person: Credentials & { name: string }, repeat = person.password): Promise<void> {
    await this.inviteBox.fill(invite);
    await this.fillPerson(person, repeat);
  }

  /** Creates the account and waits for the home page, with the person's name in the main navigation. */
  async signUp(invite: string, person: Credentials & { name: string }): Promise<void> {
    await this.fill(invite, person);
    await this.submitButton.click();
    await expectVisible(
      this.main.getByRole('heading', { level: 1, name: this.t('home.title'), exact: true }),
      'the home page after signing up',
    );
    await expectVisible(this.accountLink(person.name), `the account link "${person.name}" in the navigation`);
    await this.waitUntilShown();
  }
}
