import type { Locator } from 'playwright-core';
import { AppShell } from './AppShell';

export class HomePage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/');
  }

  get continueSection(): Locator {
    return this.page.getByRole('region', { name: this.t('home.continueTitle') });
  }

  get continueLink(): Locator {
    return this.continueSection.getByRole('link', { name: this.t('home.continueAction') });
  }
}
