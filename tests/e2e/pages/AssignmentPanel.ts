/*
 * The practical assignment on a module page (/modules/<id>): the instructions, the status in
 * words with the mentor's latest comment, and the editor ("Your work", saved as a draft while
 * typing; "Submit for review", then "Submit the new version" after a return).
 */
import type { Locator } from 'playwright-core';
import { expectText, expectVisible } from '../browser';
import { AppShell, escapeRegExp } from './AppShell';

export class AssignmentPanel extends AppShell {
  async open(moduleId: string): Promise<void> {
    await this.visit(`/modules/${encodeURIComponent(moduleId)}`);
    await expectVisible(this.region, 'the practical assignment on the module page');
  }

  get region(): Locator {
    return this.main.getByRole('region', { name: this.t('module.assignmentTitle'), exact: true });
  }

  get editor(): Locator {
    return this.region.getByRole('textbox', { name: this.t('assignment.editorLabel'), exact: true });
  }

  get submitButton(): Locator {
    return this.region.getByRole('button', { name: this.t('assignment.submit'), exact: true });
  }

  get resubmitButton(): Locator {
    return this.region.getByRole('button', { name: this.t('assignment.resubmit'), exact: true });
  }

  /** The status line ("Status: Waiting for your mentor's review. (last submitted …)") with the comment. */
  get status(): Locator {
    return this.region.getByRole('status').filter({ hasText: this.t('assignment.statusLabel') });
  }

  /** The mentor's latest comment on the latest submission. */
  get mentorComment(): Locator {
    return this.status.locator('blockquote');
  }

  /** The editor's save state ("Draft saved on this device", "Submitted. …"). */
  get saveState(): Locator {
    return this.region.locator('#assignment-save-state');
  }

  statusPattern(key: 'statusNone' | 'statusSubmitted' | 'statusReturned' | 'statusAccepted'): RegExp {
    return new RegExp(`^${escapeRegExp(`${this.t('assignment.statusLabel')} ${this.t(`assignment.${key}`)}`)}`);
  }

  async expectStatus(key: 'statusNone' | 'statusSubmitted' | 'statusReturned' | 'statusAccepted'): Promise<string> {
    return expectText(this.status, this.statusPattern(key), 'the assignment status');
  }

  async statusText(): Promise<string> {
    return (await this.status.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim();
  }

  /** Writes the work (replacing what the editor holds) and submits it for the first time or again. */
  async writeAndSubmit(text: string, again = false): Promise<void> {
    await this.editor.fill(text);
    await (again ? this.resubmitButton : this.submitButton).click();
    await expectText(this.saveState, this.t('assignment.submittedNote'), 'the note under the editor after submitting');
  }
}
