import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import type { Credentials } from '../api';
import { NewAccountForm } from './NewAccountForm';

/** First start: the form that creates the first coordinator (open only while there is none). */
export class SetupPage extends NewAccountForm {
  async open(): Promise<void> {
    await this.visit('/setup');
  }

  get submitButton(): Locator {
    return this.main.getByRole('button', { name: this.t('account.setupAction'), exact: true });
  }

  /** Creates the first coordinator and waits for the administration page. */
  async createCoordinator(person: Credentials & { name: string }): Promise<void> {
    await this.fillPerson(person);
    await this.submitButton.click();
    await expectVisible(this.main.getByRole('heading', { level: 1, name: this.t('admin.title'), exact: true }), 'the administration page');
    await this.waitUntilShown();
  }
}
