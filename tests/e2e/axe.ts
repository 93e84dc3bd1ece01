/*
 * axe-core scans with the default rule set (WCAG 2 A/AA and best practices). A test scans
 * several pages and fails once at the end, listing every violation with the page it was on.
 */
import AxeBuilder from '@axe-core/playwright';
import type { Page } from 'playwright-core';

export type AxeFinding = { where: string; id: string; impact: string; help: string; targets: string[] };

export class AxeReport {
  readonly findings: AxeFinding[] = [];
  readonly scanned: string[] = [];

  async scan(page: Page, where: string): Promise<void> {
    const results = await new AxeBuilder({ page }).analyze();
    this.scanned.push(where);
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
