/*
 * Mentoring, end to end in Chromium against the real server: the assignment loop between a
 * learner and a mentor on two devices (the learner writing and submitting offline), the cohort
 * dashboard with its needs-attention list and CSV export, logged hours approved by the mentor,
 * and the mentor's views showing the last data fetched, with its time, once offline.
 *
 * Every review is a statement the mentor's device sends through its outbox; the learner's
 * device receives it with its next sync ("Sync now"). What the server holds is read back over
 * /xapi with the coordinator's credentials.
 */
import { readFile } from 'node:fs/promises';
import { describe, expect, inject, it } from 'vitest';
import { eventually, expectText, expectValue, expectVisible, useBrowser, waitForServiceWorker } from './browser';
import { newPerson, ServerApi } from './api';
import { accountDatabase, requireDeviceAccount, storedStatements, type StoredRow } from './device';
import { en, escapeRegExp } from './strings';
import { readLessons, type SourceLesson } from './repo';
import { verbName } from '../../src/shared/xapi/verbs';
import type { Statement } from '../../src/shared/xapi/types';
import {
  ASSIGNMENT_MODULE,
  assignmentModuleTitle,
  cohortWithMentor,
  learnerOf,
  signedInDevice,
  syncUntil,
  syncUntilAllSent,
} from './mentoring-helpers';
import { AppShell } from './pages/AppShell';
import { SignUpPage } from './pages/SignUpPage';
import { AssignmentPanel } from './pages/AssignmentPanel';
import { MentorLearnerPage } from './pages/MentorLearnerPage';
import { MentorDashboardPage } from './pages/MentorDashboardPage';
import { HoursPage } from './pages/HoursPage';
import { LessonPage } from './pages/LessonPage';

/** A UI string with its {{date}} or {{time}} left open, as a whole-text pattern (after an optional fixed prefix). */
function withAnyDate(key: string, values: Record<string, string> = {}, prefix = ''): RegExp {
  return new RegExp(`^${escapeRegExp(prefix + en.t(key, { ...values, date: '\u0000', time: '\u0000' })).replace('\u0000', '.+')}$`);
}

/** "Data from <time>." followed by the "Refresh" button. */
function dataAgeOnline(): RegExp {
  const [before = '', after = ''] = en.t('mentor.dataFrom', { time: '\u0000' }).split('\u0000');
  return new RegExp(`^${escapeRegExp(before)}.+${escapeRegExp(after)} ${escapeRegExp(en.t('mentor.reload'))}$`);
}

const [firstLesson] = readLessons(ASSIGNMENT_MODULE, 'en') as [SourceLesson, ...SourceLesson[]];

const byVerb = (statements: Statement[], verb: string) => statements.filter((s) => verbName(s.verb.id) === verb);
const rowsByVerb = (rows: StoredRow[], verb: string) => rows.filter((r) => verbName(r.statement.verb.id) === verb);

describe('mentoring', () => {
  // No device here studies a lesson offline (the learner submits offline on a page already open; the
  // mentor's offline dashboard is its own saved copy), so none stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });
  const api = new ServerApi(inject('baseURL'));

  it('runs the assignment loop: submitted offline, returned with a comment, resubmitted, accepted', async () => {
    const cohort = await cohortWithMentor(api, 'assignment-loop');
    const person = newPerson('assignment-loop');
    const first = `I helped three patrons apply online. ${person.login}`;
    const second = `${first}\nOne patron asked how to sign the form with an e-signature; I showed them the state portal.`;
    const returnComment = 'Add what the patron said about signing';
    const acceptComment = 'Well observed, accepted.';

    // The learner signs up, opens the module, loses the connection, writes and submits.
    const learnerSession = await browser.open();
    const learnerPage = learnerSession.page;
    await learnerPage.goto('/');
    await waitForServiceWorker(learnerPage);
    const signUp = new SignUpPage(learnerPage, en);
    await signUp.open();
    await signUp.signUp(cohort.invite, person);
    const account = await requireDeviceAccount(learnerPage);
    const panel = new AssignmentPanel(learnerPage, en);
    await panel.open(ASSIGNMENT_MODULE);
    await panel.expectStatus('statusNone');
    await syncUntilAllSent(learnerPage, 'the learner to be in sync before going offline');

    await learnerSession.context.setOffline(true);
    await expectVisible(new AppShell(learnerPage, en).offlineBanner, 'the offline indicator');
    await panel.writeAndSubmit(first);
    await panel.expectStatus('statusSubmitted');
    const offlineRows = await storedStatements(learnerPage, accountDatabase(account.id));
    const [submittedOffline, ...moreSubmitted] = rowsByVerb(offlineRows, 'submitted');
    expect(moreSubmitted, 'one submission on the device').toEqual([]);
    expect(submittedOffline?.synced, 'the submission waits in the outbox while offline').toBe(0);
    expect(submittedOffline?.statement.result?.response).toBe(first);
    expect(byVerb(await api.statementsOf(account.actor), 'submitted'), 'the server before the learner reconnects').toEqual([]);

    await learnerSession.context.setOffline(false);
    await syncUntilAllSent(learnerPage, 'the submission to be sent');
    const firstSubmission = byVerb(await api.statementsOf(account.actor), 'submitted');
    expect(
      firstSubmission.map((s) => s.id),
      'the server holds the submission made offline',
    ).toEqual([submittedOffline?.id]);

    // The mentor, on their own device, returns it with a comment.
    const mentorSession = await signedInDevice(browser.open, cohort.mentor);
    const mentorPage = new MentorLearnerPage(mentorSession.page, en);
    await mentorPage.open(account.id, person.name);
    await expectText(
      mentorPage.submissions(assignmentModuleTitle).first(),
      new RegExp(escapeRegExp(first.split('\n')[0] ?? '')),
      'the submission',
    );
    expect(await mentorPage.submissions(assignmentModuleTitle).count()).toBe(1);
    await mentorPage.review('return', returnComment);
    const firstOnMentorPage = mentorPage.submissions(assignmentModuleTitle).first();
    await expectText(
      mentorPage.decision(firstOnMentorPage),
      new RegExp(`^${escapeRegExp(en.t('mentor.returned'))}.*${escapeRegExp(returnComment)}`),
      'the decision under the submission',
    );
    await syncUntilAllSent(mentorSession.page, "the mentor's review to be sent");
    const [returned, ...otherReviews] = byVerb(await api.statementsOf(cohort.mentor.agent), 'reviewed');
    expect(otherReviews).toEqual([]);
    expect({ target: returned?.object.id, success: returned?.result?.success, comment: returned?.result?.response }).toEqual({
      target: submittedOffline?.id,
      success: false,
      comment: returnComment,
    });

    // The learner syncs: returned, with the comment; edits and resubmits.
    await syncUntil(
      learnerPage,
      () => panel.statusText(),
      (text) => panel.statusPattern('statusReturned').test(text),
      'the learner to see the assignment returned after a sync',
    );
    await expectText(panel.mentorComment, returnComment, "the mentor's comment on the module page");
    await expectText(
      panel.status.locator('figcaption'),
      withAnyDate('assignment.commentBy', { name: cohort.mentor.name }),
      'who wrote the comment',
    );
    await expectValue(panel.editor, first, 'the editor, holding the submitted text to revise');
    await panel.writeAndSubmit(second, true);
    await panel.expectStatus('statusSubmitted');
    await syncUntilAllSent(learnerPage, 'the second submission to be sent');

    // The mentor sees the new submission and accepts it.
    await eventually(
      async () => {
        await mentorPage.refreshButton.click({ timeout: 1000 });
        return mentorPage.submissions(assignmentModuleTitle).count();
      },
      (count) => count === 2,
      'the mentor to see the second submission after refreshing',
    );
    const latest = mentorPage.submissions(assignmentModuleTitle).nth(1);
    await expectText(latest, new RegExp(escapeRegExp('state portal')), 'the second submission');
    await expectText(
      mentorPage.decision(mentorPage.submissions(assignmentModuleTitle).first()),
      new RegExp(escapeRegExp(returnComment)),
      'the first decision, kept',
    );
    await mentorPage.review('accept', acceptComment);
    await expectText(
      mentorPage.decision(latest),
      new RegExp(`^${escapeRegExp(en.t('mentor.accepted'))}.*${escapeRegExp(acceptComment)}`),
      'the acceptance',
    );
    await syncUntilAllSent(mentorSession.page, 'the acceptance to be sent');

    // The learner syncs: the module shows the assignment accepted, with the comment.
    await syncUntil(
      learnerPage,
      () => panel.statusText(),
      (text) => panel.statusPattern('statusAccepted').test(text),
      'the learner to see the assignment accepted after a sync',
    );
    await expectText(panel.mentorComment, acceptComment, "the mentor's comment on the accepted assignment");
    expect(await panel.editor.count(), 'no editor once accepted').toBe(0);
    await panel.status.getByText(en.t('assignment.showSubmission'), { exact: true }).click();
    await expectText(panel.status.locator('details'), new RegExp(escapeRegExp('state portal')), 'what was submitted');
    // And it stays so after a reload (read from the device's database, not from memory).
    await panel.open(ASSIGNMENT_MODULE);
    await panel.expectStatus('statusAccepted');

    // The server holds both submissions and both reviews, each once, each pointing at its submission.
    const submissions = byVerb(await api.statementsOf(account.actor), 'submitted');
    expect(submissions.map((s) => s.result?.response)).toEqual([first, second]);
    const reviews = byVerb(await api.statementsOf(cohort.mentor.agent), 'reviewed');
    expect(reviews.map((r) => ({ target: r.object.id, success: r.result?.success, comment: r.result?.response }))).toEqual([
      { target: submissions[0]?.id, success: false, comment: returnComment },
      { target: submissions[1]?.id, success: true, comment: acceptComment },
    ]);
    // The learner's device holds the reviews addressed to them, confirmed.
    const learnerRows = await storedStatements(learnerPage, accountDatabase(account.id));
    expect(
      rowsByVerb(learnerRows, 'reviewed')
        .map((r) => r.id)
        .sort(),
    ).toEqual(reviews.map((r) => r.id).sort());
  });

  it('lists the learner on the dashboard: the waiting assignment and hours under the learner in "needs attention", hours by category, both CSV files', async () => {
    const cohort = await cohortWithMentor(api, 'dashboard');
    const learner = await learnerOf(api, cohort, 'dashboard');
    const learnerSession = await signedInDevice(browser.open, learner);
    // A lesson done, then the assignment: the module is started, with an assignment waiting.
    const lesson = new LessonPage(learnerSession.page, en);
    await lesson.open(ASSIGNMENT_MODULE, firstLesson.id);
    await lesson.markComplete();
    const panel = new AssignmentPanel(learnerSession.page, en);
    await panel.open(ASSIGNMENT_MODULE);
    await panel.writeAndSubmit(`Dashboard work of ${learner.login}`);
    // And project hours, waiting for the mentor.
    const hoursPage = new HoursPage(learnerSession.page, en);
    await hoursPage.open();
    const description = `Planned the heritage photo day (${learner.login})`;
    await hoursPage.fill({ category: en.t('hours.categoryProject'), hours: '1.5', description });
    await hoursPage.logButton.click();
    await expectVisible(hoursPage.entryRow(description), 'the logged hours');
    await syncUntilAllSent(learnerSession.page, 'the submission and the hours to be sent');

    const mentorSession = await signedInDevice(browser.open, cohort.mentor);
    const dashboard = new MentorDashboardPage(mentorSession.page, en);
    await dashboard.open(cohort.cohortId, cohort.cohortName);
    await expectText(dashboard.dataAge, dataAgeOnline(), '"Data from …"');

    // Needs attention: each learner once, the reasons under the name, which links to the learner.
    const person = dashboard.attentionPerson(learner.name);
    await expectVisible(person.getByRole('link', { name: learner.name, exact: true }), 'the link to the learner page');
    const reasons = dashboard.attentionReasons(person);
    await expectText(
      reasons.nth(0),
      withAnyDate('mentor.reasonAssignmentSince', { module: assignmentModuleTitle }),
      'the assignment waiting, under the learner',
    );
    await expectText(reasons.nth(1), withAnyDate('mentor.reasonHoursSince'), 'the hours waiting, under the learner');
    expect(await reasons.count(), 'no inactivity reason: the learner was active today').toBe(2);

    const row = dashboard.learnerRow(learner.name);
    await expectVisible(row, `the grid row of ${learner.name}`);
    const headers = await dashboard.columnHeaders();
    const column = headers.indexOf(assignmentModuleTitle);
    expect(column, `a column for "${assignmentModuleTitle}" in ${JSON.stringify(headers)}`).toBeGreaterThan(0);
    // The row header is the first cell of the row; data cells follow in column order.
    const cell = row.getByRole('cell').nth(column - 1);
    await expectText(
      cell,
      new RegExp(`^${escapeRegExp(en.t('status.inProgress'))}.*${escapeRegExp(en.t('mentor.cellAssignmentWaiting'))}$`),
      `the ${assignmentModuleTitle} cell`,
    );

    // Hours by category: the project hours wait for approval; nobody has met the requirements yet.
    const hour = (value: number) => en.t('mentor.hoursValue', { hours: value });
    const project = await dashboard.hoursRow(en.t('hours.categoryProject')).allInnerTexts();
    expect(project, 'the project row: required, approved, waiting, average, learners who met it').toEqual([
      hour(40),
      hour(0),
      hour(1.5),
      hour(0),
      en.t('mentor.metOf', { met: 0, total: 1, percent: '0%' }),
    ]);
    await expectVisible(dashboard.hours.getByRole('figure', { name: en.t('mentor.hoursChartTitle'), exact: true }), 'the hours chart');

    const [download] = await Promise.all([mentorSession.page.waitForEvent('download'), dashboard.exportButton.click()]);
    expect(download.suggestedFilename()).toMatch(/-progress\.csv$/);
    const bytes = await readFile(await download.path());
    expect([...bytes.subarray(0, 3)], 'the UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
    const lines = bytes.subarray(3).toString('utf8').split('\r\n');
    const expectedHeader = [
      en.t('mentor.colLearner'),
      en.t('mentor.csvLogin'),
      en.t('mentor.colLastActivity'),
      en.t('mentor.colLastSync'),
      en.t('mentor.colModulesCompleted'),
      en.t('mentor.csvMinutes'),
    ].join(',');
    expect(lines[0]?.startsWith(`${expectedHeader},`), `the header row: ${lines[0]}`).toBe(true);
    expect(lines[0]).toContain(assignmentModuleTitle);
    expect(lines.some((line) => line.startsWith(`${learner.name},${learner.login},`))).toBe(true);

    const [hoursDownload] = await Promise.all([mentorSession.page.waitForEvent('download'), dashboard.exportHoursButton.click()]);
    expect(hoursDownload.suggestedFilename()).toMatch(/-hours\.csv$/);
    const hoursBytes = await readFile(await hoursDownload.path());
    expect([...hoursBytes.subarray(0, 3)], 'the UTF-8 byte order mark').toEqual([0xef, 0xbb, 0xbf]);
    const [header = '', ...rows] = hoursBytes.subarray(3).toString('utf8').split('\r\n');
    const columns = header.split(',');
    expect(columns.slice(0, 3)).toEqual([
      en.t('mentor.colLearner'),
      en.t('mentor.csvLogin'),
      en.t('mentor.csvHoursApproved', { category: en.t('hours.categoryFaceToFace') }),
    ]);
    expect(columns.at(-1)).toBe(en.t('mentor.csvHoursMetAll'));
    const own = rows.find((line) => line.startsWith(`${learner.name},${learner.login},`))?.split(',') ?? [];
    const at = (key: string, category: string) => own[columns.indexOf(en.t(key, { category: en.t(category) }))];
    expect(at('mentor.csvHoursWaiting', 'hours.categoryProject'), "the project hours waiting, in the learner's row").toBe('1.5');
    expect(at('mentor.csvHoursRequired', 'hours.categoryWorkBased')).toBe('165');
    expect(own.at(-1)).toBe(en.t('mentor.csvNo'));
  });

  it('logs hours (refused first, in the UI language), the mentor approves, the learner sees them approved', async () => {
    const cohort = await cohortWithMentor(api, 'hours');
    const learner = await learnerOf(api, cohort, 'hours');
    const learnerSession = await signedInDevice(browser.open, learner);
    const hours = new HoursPage(learnerSession.page, en);
    await hours.open();

    const description = `Helped at the digital help desk (${learner.login})`;
    await hours.fill({ hours: '2', description });
    await hours.logButton.click();
    await expectText(hours.errorSummary, en.t('hours.errorSummary', { count: 1 }), 'the error summary');
    await expectVisible(hours.fieldError(en.t('hours.errorCategory')), 'the category error');
    await expectText(hours.entries, new RegExp(escapeRegExp(en.t('hours.listEmpty'))), 'no entry saved');

    const category = en.t('hours.categoryWorkBased');
    await hours.categorySelect.selectOption({ label: category });
    await hours.logButton.click();
    await expectVisible(hours.savedNote, `"${en.t('hours.saved')}"`);
    await expectText(
      hours.entryRow(description),
      new RegExp(`${escapeRegExp(category)}.*${escapeRegExp(en.t('hours.statusPending'))}`),
      'the entry',
    );
    await syncUntilAllSent(learnerSession.page, 'the hours to be sent');

    const mentorSession = await signedInDevice(browser.open, cohort.mentor);
    const learnerPage = new MentorLearnerPage(mentorSession.page, en);
    await learnerPage.open(learner.userId, learner.name);
    const entry = learnerPage.hoursEntry(description);
    await expectVisible(entry, 'the logged entry on the learner page');
    await learnerPage.approveButton(entry).click();
    await expectText(learnerPage.decision(entry), new RegExp(`^${escapeRegExp(en.t('hours.statusApproved'))}`), 'the approval');
    await syncUntilAllSent(mentorSession.page, 'the approval to be sent');

    await syncUntil(
      learnerSession.page,
      async () => (await hours.entryRow(description).innerText({ timeout: 1000 })).replace(/\s+/g, ' '),
      (text) => text.includes(en.t('hours.statusApproved')),
      'the learner to see the hours approved after a sync',
    );
    const logged = byVerb(await api.statementsOf(learner.agent), 'logged');
    const reviews = byVerb(await api.statementsOf(cohort.mentor.agent), 'reviewed');
    expect(reviews.map((r) => ({ target: r.object.id, success: r.result?.success }))).toEqual([{ target: logged[0]?.id, success: true }]);
  });

  it('keeps showing the dashboard offline after a reload, labelled with the time of the data', async () => {
    const cohort = await cohortWithMentor(api, 'mentor-offline');
    const learner = await learnerOf(api, cohort, 'mentor-offline');
    const { context, page } = await signedInDevice(browser.open, cohort.mentor);
    const dashboard = new MentorDashboardPage(page, en);
    await dashboard.open(cohort.cohortId, cohort.cohortName);
    await expectVisible(dashboard.learnerRow(learner.name), 'the learner in the grid');
    const onlineAge = await expectText(dashboard.dataAge, dataAgeOnline(), '"Data from …" online');
    expect(onlineAge, 'online, the data is not labelled as a saved copy').not.toContain(en.t('mentor.dataOffline'));
    const dataFrom = onlineAge.slice(0, -` ${en.t('mentor.reload')}`.length);

    await context.setOffline(true);
    await page.reload();
    await dashboard.waitUntilShown();
    await expectVisible(dashboard.main.getByRole('heading', { level: 1, name: cohort.cohortName, exact: true }), 'the dashboard, offline');
    const offlineAge = await expectText(
      dashboard.dataAge,
      new RegExp(escapeRegExp(en.t('mentor.dataOffline'))),
      'the label of the saved copy',
    );
    expect(offlineAge.startsWith(`${dataFrom} ${en.t('mentor.dataOffline')}`), `"${offlineAge}" to start with "${dataFrom}"`).toBe(true);
    await expectVisible(dashboard.learnerRow(learner.name), 'the learner in the grid, offline');

    // Another inactivity threshold needs no new fetch: it applies to the saved copy, and is remembered on the device.
    await dashboard.inactiveThreshold.selectOption('30');
    const inactive = dashboard.attentionReasons(dashboard.attentionPerson(learner.name));
    await expectText(inactive, en.t('mentor.itemInactiveNever'), 'the learner who never studied, offline, with 30 days');
    await page.reload();
    await dashboard.waitUntilShown();
    await expectValue(dashboard.inactiveThreshold, '30', 'the threshold after a reload, offline');
    await expectText(inactive, en.t('mentor.itemInactiveNever'), 'the inactive learner, offline, after a reload');
  });
});
