import type { Locator } from 'playwright-core';
import { eventually, expectVisible } from '../browser';
import { AppShell } from './AppShell';

/** The coordinator's page: cohorts, their invite codes, people. */
export class AdminPage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/admin');
  }

  get newCohortSection(): Locator {
    return this.main.getByRole('region', { name: this.t('admin.newCohort'), exact: true });
  }

  get peopleSection(): Locator {
    return this.main.getByRole('region', { name: this.t('admin.peopleTitle'), exact: true });
  }

  cohortSection(name: string): Locator {
    return this.main.getByRole('region', { name, exact: true });
  }

  /** The rows of a cohort's invite code table (without the header row). */
  inviteRows(cohortName: string): Locator {
    return this.cohortSection(cohortName)
      .getByRole('row')
      .filter({ has: this.page.getByRole('cell') });
  }

  async createCohort(name: string): Promise<void> {
    await this.newCohortSection.getByRole('textbox', { name: this.t('admin.cohortName'), exact: true }).fill(name);
    await this.newCohortSection.getByRole('button', { name: this.t('admin.createCohort'), exact: true }).click();
    await expectVisible(this.cohortSection(name), `the cohort "${name}"`);
  }

  /** Creates a learner invite code in the cohort and returns the code shown in its table. */
  async createInvite(cohortName: string): Promise<string> {
    const section = this.cohortSection(cohortName);
    const before = await this.inviteRows(cohortName).count();
    await section.getByRole('button', { name: this.t('admin.createInvite'), exact: true }).click();
    await eventually(
      () => this.inviteRows(cohortName).count(),
      (count) => count === before + 1,
      `a new invite code in the cohort "${cohortName}"`,
    );
    return (await this.inviteRows(cohortName).last().getByRole('code').innerText()).trim();
  }
}
