import type { Locator } from 'playwright-core';
import { expectAttribute, expectVisible } from '../browser';
import { AppShell } from './AppShell';

export class AccountPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/account');
  }

  /** Follows the navigation link named after the signed-in person. */
  async openFromNavigation(name: string): Promise<void> {
    await this.accountLink(name).click();
    await expectAttribute(this.accountLink(name), 'aria-current', 'page', 'the account link');
    await expectVisible(this.main.getByRole('heading', { level: 1, name: this.t('account.title'), exact: true }), 'the account page');
    await this.waitUntilShown();
  }

  get syncSection(): Locator {
    return this.main.getByRole('region', { name: this.t('sync.title'), exact: true });
  }

  get signOutSection(): Locator {
    return this.main.getByRole('region', { name: this.t('account.signOutTitle'), exact: true });
  }

  get removeDataCheckbox(): Locator {
    return this.signOutSection.getByRole('checkbox', { name: this.t('account.removeData'), exact: true });
  }

  get signOutButton(): Locator {
    return this.signOutSection.getByRole('button', { name: this.t('account.signOutAction'), exact: true });
  }

  /** The warning shown instead of signing out while records wait. */
  get waitingWarning(): Locator {
    return this.signOutSection.getByRole('alert');
  }

  get signOutAnywayButton(): Locator {
    return this.waitingWarning.getByRole('button', { name: this.t('account.signOutAnyway'), exact: true });
  }

  get warningSyncNowButton(): Locator {
    return this.waitingWarning.getByRole('button', { name: this.t('sync.syncNow'), exact: true });
  }

  /** Signs out with nothing waiting and waits for the guest's home page. */
  async signOut(): Promise<void> {
    await this.signOutButton.click();
    await this.waitForGuestHome();
  }

  async waitForGuestHome(): Promise<void> {
    await expectVisible(
      this.main.getByRole('heading', { level: 1, name: this.t('home.title'), exact: true }),
      'the home page after signing out',
    );
    await expectVisible(this.navLink('signIn'), 'the "Sign in" link in the navigation (signed out)');
    await this.waitUntilShown();
  }
}
