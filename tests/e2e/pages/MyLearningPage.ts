import type { Locator } from 'playwright-core';
import { AppShell } from './AppShell';

export class MyLearningPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/learning');
  }

  get modulesSection(): Locator {
    return this.page.getByRole('region', { name: this.t('learning.modulesTitle'), exact: true });
  }

  get quizHistory(): Locator {
    return this.page.getByRole('region', { name: this.t('learning.quizHistoryTitle'), exact: true });
  }

  /** The rows of the quiz history table (without its header row). */
  get attemptRows(): Locator {
    return this.quizHistory.getByRole('row').filter({ has: this.page.getByRole('cell') });
  }

  get bookmarks(): Locator {
    return this.page.getByRole('region', { name: this.t('learning.bookmarksTitle'), exact: true });
  }

  get notes(): Locator {
    return this.page.getByRole('region', { name: this.t('learning.notesTitle'), exact: true });
  }
}
