import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell, escapeRegExp } from './AppShell';

export class ModulePage extends AppShell {
  async open(moduleId: string): Promise<void> {
    await this.visit(`/modules/${encodeURIComponent(moduleId)}`);
  }

  get lessonsSection(): Locator {
    return this.page.getByRole('region', { name: this.t('module.lessons'), exact: true });
  }

  lessonLink(title: string): Locator {
    return this.lessonsSection.getByRole('link', { name: title, exact: true });
  }

  get quizLink(): Locator {
    return this.main.getByRole('link', {
      name: new RegExp(`^(${escapeRegExp(this.t('module.quizStart'))}|${escapeRegExp(this.t('module.quizRetake'))})$`),
    });
  }

  /** "✓ Available offline on this device". */
  get availableOffline(): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t('module.offlineAvailable') });
  }

  async openLesson(title: string): Promise<void> {
    await this.lessonLink(title).click();
    await expectVisible(this.main.getByRole('heading', { level: 1, name: title, exact: true }), `the lesson page "${title}"`);
  }

  async openQuiz(): Promise<void> {
    await this.quizLink.click();
    await this.waitUntilShown();
  }
}
