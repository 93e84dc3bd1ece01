import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import type { Credentials } from '../api';
import { AppShell } from './AppShell';

/** First start: the form that creates the first coordinator (open only while there is none). */
export class SetupPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/setup');
  }

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

  get submitButton(): Locator {
    return this.main.getByRole('button', { name: this.t('account.setupAction'), exact: true });
  }

  /** Creates the first coordinator and waits for the administration page. */
  async createCoordinator(person: Credentials & { name: string }): Promise<void> {
    await this.nameBox.fill(person.name);
    await this.loginBox.fill(person.login);
    await this.passwordBox.fill(person.password);
    await this.repeatPasswordBox.fill(person.password);
    await this.submitButton.click();
    await expectVisible(this.main.getByRole('heading', { level: 1, name: this.t('admin.title'), exact: true }), 'the administration page');
    await this.waitUntilShown();
  }
}
