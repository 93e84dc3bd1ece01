/*
 * Mentor pages around a cohort: /mentor (the cohorts followed) and the cohort dashboard
 * (/mentor/cohorts/<id>): "Data from …", the needs-attention list (one collapsible group per
 * reason, with the inactivity threshold), the learners x modules grid, hours by category and
 * the CSV exports.
 */
import type { Locator } from 'playwright-core';
import { expectVisible } from '../browser';
import { AppShell, escapeRegExp } from './AppShell';

export class MentorHomePage extends AppShell {
  async open(): Promise<void> {
    await this.visit('/mentor');
    await expectVisible(this.main.getByRole('heading', { level: 1, name: this.t('mentor.title'), exact: true }), 'the mentoring page');
  }

  cohortLink(name: string): Locator {
    return this.main.getByRole('link', { name, exact: true });
  }
}

export class MentorDashboardPage extends AppShell {
  async open(cohortId: string, cohortName: string): Promise<void> {
    await this.visit(`/mentor/cohorts/${encodeURIComponent(cohortId)}`);
    await expectVisible(this.main.getByRole('heading', { level: 1, name: cohortName, exact: true }), `the dashboard of ${cohortName}`);
  }

  get refreshButton(): Locator {
    return this.main.getByRole('button', { name: this.t('mentor.reload'), exact: true });
  }

  /** "Data from <time>." (and, for a copy kept on the device, that the server was out of reach). */
  get dataAge(): Locator {
    return this.main.getByRole('status').filter({ has: this.page.getByRole('button', { name: this.t('mentor.reload'), exact: true }) });
  }

  /** The needs-attention section, found by its heading ("Needs attention (2)", any count). */
  get attention(): Locator {
    const forms = [1, 2, 5].map((count) => escapeRegExp(this.t('mentor.attentionTitle', { count })).replace(String(count), '\\d+'));
    return this.main.getByRole('region', { name: new RegExp(`^(${forms.join('|')})$`) });
  }

  /** The threshold select, "Count a learner as inactive after". */
  get inactiveThreshold(): Locator {
    return this.attention.getByRole('combobox', { name: this.t('mentor.inactiveAfter'), exact: true });
  }

  /** One learner's entry in the needs-attention list: the name (a link to the learner page) with the reasons under it. */
  attentionPerson(name: string): Locator {
    return this.attention.locator('.attention-people > li').filter({ has: this.page.getByRole('link', { name, exact: true }) });
  }

  /** The reasons listed under a learner in the needs-attention list. */
  attentionReasons(person: Locator): Locator {
    return person.getByRole('listitem');
  }

  get grid(): Locator {
    return this.main.getByRole('table', { name: this.t('mentor.gridCaption'), exact: true });
  }

  /** The grid's sideways and downwards scroller, a region named by the grid's caption. */
  get gridRegion(): Locator {
    return this.main.getByRole('region', { name: this.t('mentor.gridCaption'), exact: true });
  }

  /** On a phone: the list of learner cards, named by the section's heading. */
  get learnerCards(): Locator {
    return this.main.getByRole('list', { name: this.t('mentor.gridTitle'), exact: true });
  }

  /** One learner's card, found by the link to the learner page in its heading. */
  learnerCard(name: string): Locator {
    return this.learnerCards.getByRole('listitem').filter({ has: this.page.getByRole('heading', { level: 3, name, exact: true }) });
  }

  /** The names on the learner cards, in order. */
  async cardNames(): Promise<string[]> {
    return this.learnerCards.getByRole('heading', { level: 3 }).allInnerTexts();
  }

  /** "Sort by", the cards' order (the table sorts by its column headers). */
  get sortBy(): Locator {
    return this.main.getByRole('combobox', { name: this.t('mentor.sortBy'), exact: true });
  }

  /** The grid row of a learner (its row header links to the learner page). */
  learnerRow(name: string): Locator {
    return this.grid.getByRole('row').filter({ has: this.page.getByRole('rowheader', { name, exact: true }) });
  }

  /** The column headers of the grid, in order. */
  async columnHeaders(): Promise<string[]> {
    return (await this.grid.getByRole('columnheader').allInnerTexts()).map((text) => text.replace(/[▲▼]/g, '').trim());
  }

  get exportButton(): Locator {
    return this.main.getByRole('button', { name: this.t('mentor.exportProgress'), exact: true });
  }

  get exportHoursButton(): Locator {
    return this.main.getByRole('button', { name: this.t('mentor.exportHours'), exact: true });
  }

  get hours(): Locator {
    return this.main.getByRole('region', { name: this.t('mentor.hoursByCategory'), exact: true });
  }

  get hoursPathway(): Locator {
    return this.hours.getByRole('combobox', { name: this.t('mentor.hoursPathway'), exact: true });
  }

  /** The cells of one category's row in the hours table: required, approved, waiting, average, learners who met it. */
  hoursRow(category: string): Locator {
    return this.hours
      .getByRole('row')
      .filter({ has: this.page.getByRole('rowheader', { name: category, exact: true }) })
      .getByRole('cell');
  }
}
