import type { Locator } from 'playwright-core';
import { eventually, expectVisible, waitForServiceWorker } from '../browser';
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

  /** A lesson's row in the list: its link, minutes and status ("Completed", "Not started", ...). */
  lessonItem(title: string): Locator {
    return this.lessonsSection.getByRole('listitem').filter({ has: this.page.getByRole('link', { name: title, exact: true }) });
  }

  get quizLink(): Locator {
    return this.main.getByRole('link', {
      name: new RegExp(`^(${escapeRegExp(this.t('module.quizStart'))}|${escapeRegExp(this.t('module.quizRetake'))})$`),
    });
  }

  /** "Available offline on this device", after a tick icon. */
  get availableOffline(): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t('module.offlineAvailable') });
  }

  /**
   * Makes the module available offline and waits until the module page says so: what a test
   * needs before it studies this module offline. The rest of the course is stored in the
   * background at idle moments, at its own pace, which such a test does not need to wait for.
   */
  async storeForOffline(moduleId: string): Promise<void> {
    await waitForServiceWorker(this.page);
    await this.open(moduleId);
    await this.waitUntilShown();
    await eventually(
      async () => {
        if (await this.availableOffline.isVisible()) return true;
        const store = this.main.getByRole('button', { name: this.t('module.offlineDownload'), exact: true });
        if (await store.isVisible()) await store.click();
        return false;
      },
      (stored) => stored,
      `the module page of ${moduleId} to say "${this.t('module.offlineAvailable')}"`,
      120_000,
    );
  }

  /** "The videos are stored on this device too." */
  get recordingsStored(): Locator {
    return this.main.getByRole('status').filter({ hasText: this.t('module.recordingsStored') });
  }

  /** Stores the module's video and audio as the learner asks on the module page ("Also store the videos (<size>)"), and waits until they are. */
  async storeRecordings(): Promise<void> {
    const [before = '', after = ''] = this.t('module.recordingsStore').split('{{size}}');
    await this.main.getByRole('button', { name: new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)}$`) }).click();
    await expectVisible(this.recordingsStored, `"${this.t('module.recordingsStored')}"`);
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
