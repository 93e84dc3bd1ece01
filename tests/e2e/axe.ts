/*
 * axe-core scans with the default rule set (WCAG 2 A/AA and best practices). A test scans
 * several pages and fails once at the end, listing every violation with the page it was on.
 * Each page is scanned in the light and the dark colours: when the theme follows the device
 * (no data-theme on <html>), the other prefers-color-scheme is emulated for a second scan, so
 * every test that scans a page checks the contrast of both themes. Only colours differ between
 * the themes, so the second scan runs just the rules that depend on them, which keeps it fast.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeFinding = { where: string; id: string; impact: string; help: string; targets: string[] };

type Scheme = 'light' | 'dark';

/** The axe rules whose result can change with the colours. */
const COLOUR_RULES = ['color-contrast', 'link-in-text-block'];

export class AxeReport {
  readonly findings: AxeFinding[] = [];
  /** Every page scanned, once each. */
  readonly scanned: string[] = [];
  /** The pages whose dark colours were checked (all of them, unless a test chose light). */
  readonly scannedDark: string[] = [];

  /** `label`, when given, is written before every page in the report ("dark in Settings /settings"). */
  constructor(private readonly label = '') {}

  async scan(page: Page, route: string): Promise<void> {
    const state = await page.evaluate(() => ({
      chosen: document.documentElement.dataset.theme,
      dark: matchMedia('(prefers-color-scheme: dark)').matches,
    }));
    const shown: Scheme = state.chosen === 'dark' || (state.chosen === undefined && state.dark) ? 'dark' : 'light';
    const named = this.label ? `${this.label} ${route}` : route;
    this.scanned.push(named);
    await this.scanAs(page, { where: `${named} (${shown})` });
    if (shown === 'dark') this.scannedDark.push(named);
    if (state.chosen !== undefined) return;
    const other: Scheme = shown === 'dark' ? 'light' : 'dark';
    await page.emulateMedia({ colorScheme: other });
    try {
      await this.scanAs(page, { where: `${named} (${other})`, rules: COLOUR_RULES });
      if (other === 'dark') this.scannedDark.push(named);
    } finally {
      // Back to the context's own colour scheme.
      await page.emulateMedia({ colorScheme: null });
    }
  }

  private async scanAs(page: Page, { where, rules }: { where: string; rules?: string[] }): Promise<void> {
    const builder = new AxeBuilder({ page });
    const results = await (rules ? builder.withRules(rules) : builder).analyze();
    for (const violation of results.violations) {
      this.findings.push({
        where,
        id: violation.id,
        impact: violation.impact ?? 'unknown',
        help: violation.help,
        targets: violation.nodes.map((node) => node.target.map(String).join(' ')),
      });
    }
  }

  /** Every violation found, one readable block each (empty when there are none). */
  summary(): string {
    return this.findings
      .map((f) => `[${f.where}] ${f.id} (${f.impact}): ${f.help}\n    ${f.targets.slice(0, 10).join('\n    ')}`)
      .join('\n');
  }
}
