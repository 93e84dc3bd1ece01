import type { Locator, Page } from 'playwright-core';
import { eventually, expectText, expectVisible } from '../browser';
import { en, escapeRegExp, type UiStrings } from '../strings';

/**
 * The sync state in the top bar, on every page while signed in: an icon button named after
 * the state ("Sync: 3 records waiting to be sent") that opens the details (what waits, the
 * last sync, the last problem, and "Sync now", or "Sign in again" once the session ended).
 * The details are in the page while closed, so reading them needs no click.
 */
export class SyncBar {
  constructor(
    readonly page: Page,
    readonly strings: UiStrings = en,
  ) {}

  private t(key: string, values?: Record<string, string | number>): string {
    return this.strings.t(key, values);
  }

  /** The indicator button in the top bar. */
  get indicator(): Locator {
    const prefix = escapeRegExp(this.t('sync.indicatorLabel', { state: '' }));
    return this.page.getByRole('banner').getByRole('button', { name: new RegExp(`^${prefix}`) });
  }

  /** The details the indicator opens (in the page, hidden, while closed). */
  get details(): Locator {
    return this.page.getByRole('banner').getByRole('group', { name: this.t('sync.title'), exact: true, includeHidden: true });
  }

  /** "Sync now" in the details, found also while they are closed (hidden). */
  get syncNowButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: this.t('sync.syncNow'), exact: true, includeHidden: true });
  }

  get signInAgainLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: this.t('sync.signInAgain'), exact: true });
  }

  /** Opens the details, unless they are open. */
  async open(): Promise<void> {
    if ((await this.indicator.getAttribute('aria-expanded')) !== 'true') await this.indicator.click();
    await expectVisible(this.details, 'the sync details');
  }

  /** Closes the details with Escape (focus goes back to the indicator). */
  async close(): Promise<void> {
    if ((await this.indicator.getAttribute('aria-expanded')) === 'true') await this.page.keyboard.press('Escape');
  }

  /** Matches "3 records waiting to be sent" (any plural form) and captures the number. */
  private waitingPattern(): RegExp {
    const forms = [1, 2, 5].map((count) => escapeRegExp(this.t('sync.waiting', { count })).replace(String(count), '(\\d+)'));
    return new RegExp(forms.join('|'));
  }

  /** The details' text, open or not. */
  async text(): Promise<string> {
    return ((await this.details.textContent({ timeout: 1000 })) ?? '').replace(/\s+/g, ' ').trim();
  }

  /** The number of records the details say are waiting (0 when everything is sent, null while syncing). */
  async waitingCount(): Promise<number | null> {
    const text = await this.text();
    const match = this.waitingPattern().exec(text);
    if (match) return Number(match.slice(1).find((group) => group !== undefined));
    if (text.includes(this.t('sync.allSent'))) return 0;
    return null;
  }

  async expectWaiting(count: number, timeoutMs?: number): Promise<void> {
    await eventually(
      () => this.waitingCount(),
      (shown) => shown === count,
      `the sync details to say ${JSON.stringify(this.t('sync.waiting', { count }))}`,
      timeoutMs,
    );
  }

  /** Waits for "Everything is sent" with a last successful sync. */
  async expectAllSent(timeoutMs?: number): Promise<void> {
    await eventually(
      () => this.text(),
      (text) => text.includes(this.t('sync.allSent')) && !text.includes(this.t('sync.never')),
      `the sync details to say "${this.t('sync.allSent')}" after a successful sync`,
      timeoutMs,
    );
  }

  /** Opens the details and waits for the session-expired message and the "Sign in again" link. */
  async expectSessionEnded(): Promise<void> {
    await this.open();
    await expectText(this.details, new RegExp(escapeRegExp(this.t('sync.errors.sessionExpired'))), 'the sync details');
    await this.signInAgainLink.waitFor({ state: 'visible' });
  }

  /** Clicks "Sync now" when it can be clicked (online, not syncing at this moment), then closes the details. */
  async syncNowIfIdle(): Promise<void> {
    if ((await this.indicator.count()) === 0 || (await this.syncNowButton.count()) === 0) return;
    if (!(await this.syncNowButton.isEnabled({ timeout: 1000 }))) return;
    await this.open();
    await this.syncNowButton.click({ timeout: 1000 });
    await this.close();
  }
}
