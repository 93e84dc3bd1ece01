import type { Locator } from 'playwright-core';
import { AppShell } from './AppShell';

export class SettingsPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/settings');
  }

  get languageSelect(): Locator {
    return this.main.getByRole('combobox', { name: this.t('settings.languageLabel') });
  }

  get applyLanguage(): Locator {
    return this.main.getByRole('button', { name: this.t('settings.languageApply'), exact: true });
  }

  /** Picks a language and applies it (the list alone changes nothing). */
  async chooseLanguage(language: string): Promise<void> {
    await this.languageSelect.selectOption(language);
    await this.applyLanguage.click();
  }

  /** "The course in your language is stored on this device (N modules): you can study offline." */
  offlineContentStored(moduleCount: number): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t('settings.offlineContentDone', { count: moduleCount }) });
  }

  /** A colour theme radio: "Light", "Dark" or "Same as this device". */
  theme(label: string): Locator {
    return this.main.getByRole('radio', { name: label, exact: true });
  }

  textSize(label: string): Locator {
    return this.main.getByRole('radio', { name: label, exact: true });
  }
}
