/*
 * The mentor's page of one learner (/mentor/learners/<id>): "Data from …", the assignments
 * (each submission, the decision taken, and on the latest one a comment box with "Accept" /
 * "Return for revision"), and the logged hours ("Approve" / "Question").
 */
import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell } from './AppShell';

export class MentorLearnerPage extends AppShell {
  async open(learnerId: string, name: string): Promise<void> {
    await this.visit(`/mentor/learners/${encodeURIComponent(learnerId)}`);
    await expectVisible(this.main.getByRole('heading', { level: 1, name, exact: true }), `the learner page of ${name}`);
  }

  get dataAge(): Locator {
    return this.main.getByRole('status').filter({ has: this.page.getByRole('button', { name: this.t('mentor.reload'), exact: true }) });
  }

  get refreshButton(): Locator {
    return this.main.getByRole('button', { name: this.t('mentor.reload'), exact: true });
  }

  get assignments(): Locator {
    return this.main.getByRole('region', { name: this.t('mentor.assignmentsTitle'), exact: true });
  }

  /** The card of one module's assignment, named by the module's title. */
  assignment(moduleTitle: string): Locator {
    return this.assignments.getByRole('article', { name: moduleTitle, exact: true });
  }

  submissions(moduleTitle: string): Locator {
    return this.assignment(moduleTitle).getByRole('listitem');
  }

  get feedbackBox(): Locator {
    return this.assignments.getByRole('textbox', { name: this.t('mentor.feedbackLabel'), exact: true });
  }

  get acceptButton(): Locator {
    return this.assignments.getByRole('button', { name: this.t('mentor.accept'), exact: true });
  }

  get returnButton(): Locator {
    return this.assignments.getByRole('button', { name: this.t('mentor.returnForRevision'), exact: true });
  }

  /** The decision shown under a submission ("Returned for revision by …", the comment, "Saved on this device …"). */
  decision(submission: Locator): Locator {
    return submission.getByRole('status');
  }

  async review(decision: 'accept' | 'return', comment: string): Promise<void> {
    await this.feedbackBox.fill(comment);
    await (decision === 'accept' ? this.acceptButton : this.returnButton).click();
    const said = this.t(decision === 'accept' ? 'mentor.accepted' : 'mentor.returned');
    await expectVisible(
      this.assignments.getByRole('status').filter({ hasText: said }).filter({ hasText: comment }),
      `the decision "${said}" with the comment, on this device`,
    );
  }

  get hours(): Locator {
    return this.main.getByRole('region', { name: this.t('mentor.hoursTitle'), exact: true });
  }

  /** One logged entry, found by what the learner wrote. */
  hoursEntry(description: string): Locator {
    return this.hours.getByRole('listitem').filter({ hasText: description });
  }

  approveButton(entry: Locator): Locator {
    return entry.getByRole('button', { name: this.t('mentor.approve'), exact: true });
  }
}
