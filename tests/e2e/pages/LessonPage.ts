import type { Locator } from 'playwright-core';
import { expectAttribute, expectVisible } from '../browser';
import { AppShell, escapeRegExp } from './AppShell';

export class LessonPage extends AppShell {
  async open(moduleId: string, lessonId: string): Promise<void> {
    await this.visit(`/modules/${encodeURIComponent(moduleId)}/lessons/${encodeURIComponent(lessonId)}`);
  }

  get breadcrumb(): Locator {
    return this.page.getByRole('navigation', { name: this.t('layout.breadcrumb') });
  }

  /** The lesson text. */
  get article(): Locator {
    return this.main.getByRole('article');
  }

  /** A video or audio player in the lesson text. */
  get recording(): Locator {
    return this.article.locator('audio, video');
  }

  /** The `##` section headings of the lesson text. */
  async sectionHeadings(): Promise<string[]> {
    return (await this.article.getByRole('heading', { level: 2 }).allInnerTexts()).map((text) => text.trim());
  }

  /** The bookmark toggle: "☆ Bookmark" or "★ Bookmarked", with aria-pressed. */
  get bookmarkButton(): Locator {
    const names = [this.t('lesson.bookmark'), this.t('lesson.bookmarked')].map(escapeRegExp).join('|');
    return this.main.getByRole('button', { name: new RegExp(`^\\W*(${names})$`) });
  }

  get markCompleteButton(): Locator {
    return this.main.getByRole('button', { name: this.t('lesson.markComplete'), exact: true });
  }

  /** "You completed this lesson on <date>." */
  get completedStatus(): Locator {
    const [before = '', after = ''] = this.t('lesson.completedOn').split('{{date}}');
    return this.main.getByRole('status').filter({ hasText: new RegExp(`${escapeRegExp(before)}.+${escapeRegExp(after)}`) });
  }

  /** The words that celebrate a lesson (or the module or pathway it completed), said once, just after marking it complete. */
  get celebration(): Locator {
    const words = ['celebrate.lesson', 'celebrate.module', 'celebrate.pathway'].map((key) => escapeRegExp(this.t(key)));
    return this.main.getByRole('status').filter({ hasText: new RegExp(words.join('|')) });
  }

  get fallbackNotice(): Locator {
    return this.main.getByRole('note');
  }

  get notesBox(): Locator {
    return this.main.getByRole('textbox', { name: this.t('lesson.notesLabel') });
  }

  get saveNoteButton(): Locator {
    return this.main.getByRole('button', { name: this.t('lesson.notesSave'), exact: true });
  }

  get noteSavedStatus(): Locator {
    return this.main.getByRole('status').filter({ hasText: new RegExp(`^${escapeRegExp(this.t('lesson.notesSaved'))}$`) });
  }

  get lessonNavigation(): Locator {
    return this.page.getByRole('navigation', { name: this.t('lesson.lessonNavigation') });
  }

  async markComplete(): Promise<void> {
    await this.markCompleteButton.click();
    await expectVisible(this.celebration, 'the celebration of the completed lesson');
  }

  async writeNote(text: string): Promise<void> {
    await this.notesBox.fill(text);
    await this.saveNoteButton.click();
    await expectVisible(this.noteSavedStatus, 'the "note saved" state');
  }

  async bookmark(): Promise<void> {
    await expectAttribute(this.bookmarkButton, 'aria-pressed', 'false', 'the bookmark button before bookmarking');
    await this.bookmarkButton.click();
    await expectAttribute(this.bookmarkButton, 'aria-pressed', 'true', 'the bookmark button');
  }
}
