import type { Locator, Page } from 'playwright-core';
import { eventually, expectText } from '../browser';
import { en, escapeRegExp, type UiStrings } from '../strings';

/**
 * The one-line sync state under the header, on every page while signed in: what waits,
 * the last sync, the last problem, and "Sync now" (or "Sign in again" once the session ended).
 */
export class SyncBar {
  constructor(
    readonly page: Page,
    readonly strings: UiStrings = en,
  ) {}

  private t(key: string, values?: Record<string, string | number>): string {
    return this.strings.t(key, values);
  }

  get syncNowButton(): Locator {
    return this.page.getByRole('banner').getByRole('button', { name: this.t('sync.syncNow'), exact: true });
  }

  get signInAgainLink(): Locator {
    return this.page.getByRole('banner').getByRole('link', { name: this.t('sync.signInAgain'), exact: true });
  }

  /** The bar itself: the status in the header that holds "Sync now" or "Sign in again". */
  get bar(): Locator {
    const syncNow = this.page.getByRole('button', { name: this.t('sync.syncNow'), exact: true });
    const signInAgain = this.page.getByRole('link', { name: this.t('sync.signInAgain'), exact: true });
    return this.page
      .getByRole('banner')
      .getByRole('status')
      .filter({ has: syncNow.or(signInAgain) });
  }

  /** Matches "3 records waiting to be sent" (any plural form) and captures the number. */
  private waitingPattern(): RegExp {
    const forms = [1, 2, 5].map((count) => escapeRegExp(this.t('sync.waiting', { count })).replace(String(count), '(\\d+)'));
    return new RegExp(forms.join('|'));
  }

  async text(): Promise<string> {
    return (await this.bar.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim();
  }

  /** The number of records the bar says are waiting (0 when it says everything is sent, null while syncing). */
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
      `the sync bar to say ${JSON.stringify(this.t('sync.waiting', { count }))}`,
      timeoutMs,
    );
  }

  /** Waits for "Everything is sent" with a last successful sync. */
  async expectAllSent(timeoutMs?: number): Promise<void> {
    await eventually(
      () => this.text(),
      (text) => text.includes(this.t('sync.allSent')) && !text.includes(this.t('sync.never')),
      `the sync bar to say "${this.t('sync.allSent')}" after a successful sync`,
      timeoutMs,
    );
  }

  /** Waits until the bar shows the session-expired message and the "Sign in again" link. */
  async expectSessionEnded(): Promise<void> {
    await expectText(this.bar, new RegExp(escapeRegExp(this.t('sync.errors.sessionExpired'))), 'the sync bar');
    await this.signInAgainLink.waitFor({ state: 'visible' });
  }

  /** Clicks "Sync now" when it can be clicked (online, not syncing at this moment). */
  async syncNowIfIdle(): Promise<void> {
    if ((await this.syncNowButton.count()) > 0 && (await this.syncNowButton.isEnabled())) await this.syncNowButton.click({ timeout: 1000 });
  }
}
