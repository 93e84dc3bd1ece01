/*
 * The learner's learning hours (/hours): the log form (checked in the UI language before
 * anything is saved), the entries with their review, and the surveys of face-to-face events.
 */
import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell } from './AppShell';

export class HoursPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/hours');
    await expectVisible(this.main.getByRole('heading', { level: 1, name: this.t('hours.title'), exact: true }), 'the hours page');
  }

  get form(): Locator {
    return this.main.getByRole('form', { name: this.t('hours.logTitle'), exact: true });
  }

  get dateBox(): Locator {
    return this.form.getByLabel(this.t('hours.date'), { exact: true });
  }

  get categorySelect(): Locator {
    return this.form.getByRole('combobox', { name: this.t('hours.category'), exact: true });
  }

  get hoursBox(): Locator {
    return this.form.getByRole('spinbutton', { name: this.t('hours.hours'), exact: true });
  }

  get descriptionBox(): Locator {
    return this.form.getByRole('textbox', { name: this.t('hours.description'), exact: true });
  }

  get logButton(): Locator {
    return this.form.getByRole('button', { name: this.t('hours.log'), exact: true });
  }

  get errorSummary(): Locator {
    return this.form.getByRole('alert');
  }

  fieldError(text: string): Locator {
    return this.form.getByText(text, { exact: true }).and(this.form.locator('.field__error'));
  }

  get savedNote(): Locator {
    return this.form.getByText(this.t('hours.saved'), { exact: true });
  }

  get entries(): Locator {
    return this.main.getByRole('region', { name: this.t('hours.listTitle'), exact: true });
  }

  entryRow(description: string): Locator {
    return this.entries.getByRole('row').filter({ hasText: description });
  }

  /** Fills the form; `category` is the label shown in the list (e.g. "Work-based learning"). */
  async fill(entry: { category?: string; hours: string; description: string }): Promise<void> {
    if (entry.category) await this.categorySelect.selectOption({ label: entry.category });
    await this.hoursBox.fill(entry.hours);
    await this.descriptionBox.fill(entry.description);
  }
}
