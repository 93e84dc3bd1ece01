/*
 * The layout around every page: skip link, the top bar (brand, sync indicator, account or
 * "Sign in"), the main navigation (bottom tabs on a phone, a rail on a PC), and the main
 * region whose level-1 heading tells which page is showing. Every page object extends it.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually, expectAttribute, expectVisible } from '../browser';
import { en, escapeRegExp, type UiStrings } from '../strings';
import { SyncBar } from './SyncBar';

export type NavTarget = 'home' | 'catalog' | 'learning' | 'hours' | 'settings' | 'more' | 'signIn';

/** Places a phone reaches through the More tab (a PC's rail links them directly). */
const UNDER_MORE: readonly NavTarget[] = ['hours', 'settings'];

/** The UI string of each navigation link (learning hours has its own string group). */
export const navKey = (target: NavTarget): string => (target === 'hours' ? 'hours.nav' : `nav.${target}`);

export { escapeRegExp } from '../strings';

export class AppShell {
  constructor(
    readonly page: Page,
    readonly strings: UiStrings = en,
  ) {}

  protected t(key: string, values?: Record<string, string | number>): string {
    return this.strings.t(key, values);
  }

  get skipLink(): Locator {
    return this.page.getByRole('link', { name: this.t('layout.skipToContent') });
  }

  get navigation(): Locator {
    return this.page.getByRole('navigation', { name: this.t('layout.mainNavigation'), exact: true });
  }

  get topBar(): Locator {
    return this.page.getByRole('banner');
  }

  /** A place in the main navigation; "Sign in" is in the top bar. */
  navLink(target: NavTarget): Locator {
    const where = target === 'signIn' ? this.topBar : this.navigation;
    return where.getByRole('link', { name: this.t(navKey(target)), exact: true });
  }

  /** The top bar's link to the account page, named after the signed-in person. */
  accountLink(name: string): Locator {
    return this.topBar.getByRole('link', { name, exact: true });
  }

  get syncBar(): SyncBar {
    return new SyncBar(this.page, this.strings);
  }

  /** The top bar's sync indicator while offline: its name says "Offline". */
  get offlineBanner(): Locator {
    return this.topBar.getByRole('button', { name: new RegExp(escapeRegExp(this.t('offline.short'))) });
  }

  get main(): Locator {
    return this.page.getByRole('main');
  }

  get heading(): Locator {
    return this.main.getByRole('heading', { level: 1 });
  }

  /** Opens a path of the app and waits until its page (not the loading state) is shown. */
  async visit(path: string): Promise<void> {
    await this.page.goto(path);
    await this.waitUntilShown();
  }

  /**
   * Opens a path as a link inside the app does: a new history entry that the router follows,
   * with no page load, then waits until the page whose level-1 heading is `heading` is shown.
   * Navigations render in a transition, so the old page stays until the new one is ready: the
   * heading must differ from the one shown now, or the wait could end on the old page.
   */
  async visitWithinApp(path: string, heading: string): Promise<void> {
    const before = await this.heading.innerText();
    if (before.trim() === heading) throw new Error(`visitWithinApp(${path}): the page shown now has the same heading, "${heading}"`);
    await this.page.evaluate((to) => {
      window.history.pushState(null, '', to);
      // The router listens for popstate (the event back and forward send); pushState sends none.
      window.dispatchEvent(new PopStateEvent('popstate', { state: null }));
    }, path);
    await expectVisible(this.main.getByRole('heading', { level: 1, name: heading, exact: true }), `the page "${heading}" at ${path}`);
    await this.waitUntilShown();
  }

  /**
   * Follows a main navigation link. Navigations render in a transition, so the old page stays
   * until the new one is ready: wait for the link to become the current page first.
   */
  async navigateTo(target: NavTarget): Promise<void> {
    if (UNDER_MORE.includes(target) && !(await this.navLink(target).isVisible())) {
      // A phone: the bottom tabs have no room for it, the More page lists it.
      await this.navigateTo('more');
      await this.main.getByRole('link', { name: this.t(navKey(target)), exact: true }).click();
      // Navigations render in a transition: the More page stays until the new one is ready.
      await eventually(
        () => this.heading.innerText(),
        (heading) => heading.trim() !== this.t('nav.more'),
        `the ${target} page to replace More`,
      );
      await this.waitUntilShown();
      return;
    }
    await this.navLink(target).click();
    await expectAttribute(this.navLink(target), 'aria-current', 'page', `the ${target} link`);
    await this.waitUntilShown();
  }

  /** Waits for the page's heading, and until nothing in the page still says "Loading…". */
  async waitUntilShown(): Promise<void> {
    await expectVisible(this.heading, 'the page heading');
    const loading = this.t('common.loading');
    await eventually(
      () => this.main.innerText(),
      (text) => !text.includes(loading),
      `the page to finish loading ("${loading}" to go away)`,
    );
  }

  /** The texts of the main navigation's links, in order. */
  async navigationLabels(): Promise<string[]> {
    return (await this.navigation.getByRole('link').allInnerTexts()).map((text) => text.trim());
  }

  async htmlLang(): Promise<string | null> {
    return this.page.locator('html').getAttribute('lang');
  }
}
