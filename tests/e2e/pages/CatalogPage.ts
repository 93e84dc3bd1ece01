import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell } from './AppShell';

export class CatalogPage extends AppShell {
  async open(query?: string): Promise<void> {
    await this.visit(query === undefined ? '/catalog' : `/catalog?q=${encodeURIComponent(query)}`);
  }

  get searchBox(): Locator {
    return this.page.getByRole('searchbox', { name: this.t('catalog.searchLabel') });
  }

  get searchButton(): Locator {
    return this.page.getByRole('button', { name: this.t('catalog.searchAction'), exact: true });
  }

  get modulesSection(): Locator {
    return this.page.getByRole('region', { name: this.t('catalog.modulesTitle'), exact: true });
  }

  resultsSection(query: string): Locator {
    return this.page.getByRole('region', { name: this.t('catalog.resultsTitle', { query }) });
  }

  moduleLink(title: string): Locator {
    return this.main.getByRole('link', { name: title, exact: true });
  }

  /** Waits until the search results for `query` are counted (the index has loaded). */
  async waitForResults(query: string): Promise<Locator> {
    const results = this.resultsSection(query);
    await expectVisible(results.getByRole('status').filter({ hasText: /\d/ }), `the result count for "${query}"`);
    return results;
  }

  async openModule(title: string): Promise<void> {
    await this.moduleLink(title).click();
    await expectVisible(this.main.getByRole('heading', { level: 1, name: title, exact: true }), `the module page "${title}"`);
  }
}
