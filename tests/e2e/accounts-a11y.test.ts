/*
 * Accessibility of the account pages: an axe-core scan with zero violations on set-up,
 * sign-in, sign-up, the account page and the coordinator's administration and Modules pages,
 * in the states a person meets them in (validation errors, a refused sign-in, records waiting
 * at sign-out, a cohort with an invite code, a refused module package). The set-up page is
 * open only while a database has no coordinator, so this file runs its own server with an
 * empty database.
 */
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { expectAttribute, expectVisible, useBrowser, waitForServiceWorker } from './browser';
import { AxeReport } from './axe';
import { newPerson } from './api';
import { ServerProcess } from './server-process';
import { firstLesson, readModule } from './repo';
import { en } from './strings';
import { AppShell } from './pages/AppShell';
import { SetupPage } from './pages/SetupPage';
import { AdminPage } from './pages/AdminPage';
import { ModulesAdminPage } from './pages/ModulesAdminPage';
import { SignInPage } from './pages/SignInPage';
import { SignUpPage } from './pages/SignUpPage';
import { AccountPage } from './pages/AccountPage';
import { CatalogPage } from './pages/CatalogPage';
import { ModulePage } from './pages/ModulePage';
import { LessonPage } from './pages/LessonPage';

const MODULE_ID = 'online-safety';

describe('accessibility of the account pages', () => {
  // The learner goes offline only on a lesson already open: no device stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });
  let server: ServerProcess | undefined;

  beforeAll(async () => {
    server = await ServerProcess.start();
  });

  afterAll(async () => {
    await server?.dispose();
  });

  it('has no axe violations on set-up, sign-in, sign-up, account, administration and modules', async () => {
    if (!server) throw new Error('The server process did not start');
    const report = new AxeReport();

    // A fresh server: sign-in points to the set-up, which creates the first coordinator.
    const coordinatorDevice = await browser.open({ baseURL: server.baseURL });
    let page = coordinatorDevice.page;
    const signIn = new SignInPage(page, en);
    await signIn.open();
    await expectVisible(signIn.main.getByRole('link', { name: en.t('account.setupLink'), exact: true }), 'the link to the set-up');
    await report.scan(page, '/sign-in (no coordinator yet)');

    const setup = new SetupPage(page, en);
    await setup.open();
    await expectVisible(setup.submitButton, 'the set-up form');
    await report.scan(page, '/setup');
    await setup.submitButton.click();
    await expectAttribute(setup.nameBox, 'aria-invalid', 'true', 'the name field after sending an empty form');
    await expectVisible(setup.main.getByText(en.t('account.rules.name'), { exact: true }), 'the name rule as an error');
    await report.scan(page, '/setup (validation errors)');

    const coordinator = { ...newPerson('a11y-coordinator'), name: 'Coordinator for the scan' };
    await setup.createCoordinator(coordinator);
    const admin = new AdminPage(page, en);
    const cohortName = `Cohort ${randomUUID().slice(0, 8)}`;
    await admin.createCohort(cohortName);
    const invite = await admin.createInvite(cohortName);
    expect(invite).toMatch(/\S{4,}/);
    await expectVisible(admin.inviteRows(cohortName).first(), 'the invite code listed in its cohort');
    await report.scan(page, '/admin (a cohort with an invite code)');

    // The Modules page, and a package it refuses: the list of problems in its focused report.
    const modulesPage = new ModulesAdminPage(page, en);
    await modulesPage.open();
    await report.scan(page, '/admin/modules');
    await modulesPage.importFile({ name: 'not-a-package.zip', mimeType: 'application/zip', buffer: Buffer.from('not a zip file') });
    await expectVisible(modulesPage.report.getByRole('listitem').first(), 'the refused package’s problems');
    await report.scan(page, '/admin/modules (a refused package)');

    const account = new AccountPage(page, en);
    await account.open();
    await expectVisible(account.signOutButton, 'the sign-out button');
    await report.scan(page, '/account (coordinator)');

    // A new device: a learner makes an account with the invite code.
    const learnerDevice = await browser.open({ baseURL: server.baseURL });
    page = learnerDevice.page;
    await page.goto('/');
    await waitForServiceWorker(page);
    const learnerSignIn = new SignInPage(page, en);
    await learnerSignIn.open();
    await report.scan(page, '/sign-in');
    await learnerSignIn.fill({ login: 'nobody-here', password: 'not the password' });
    await learnerSignIn.submitButton.click();
    await expectVisible(learnerSignIn.error.getByText(en.t('account.errors.invalidCredentials')), 'the refused sign-in');
    await report.scan(page, '/sign-in (wrong login or password)');

    const signUp = new SignUpPage(page, en);
    await signUp.open();
    await report.scan(page, '/sign-up');
    await signUp.fill('', { name: 'Learner for the scan', login: 'x', password: 'short' }, 'other');
    await signUp.submitButton.click();
    await expectAttribute(signUp.inviteBox, 'aria-invalid', 'true', 'the invite code field');
    await expectAttribute(signUp.loginBox, 'aria-invalid', 'true', 'the login field');
    await expectAttribute(signUp.passwordBox, 'aria-invalid', 'true', 'the password field');
    await expectAttribute(signUp.repeatPasswordBox, 'aria-invalid', 'true', 'the repeated password field');
    await expectVisible(signUp.main.getByText(en.t('account.rules.confirm'), { exact: true }), 'the "passwords differ" error');
    await report.scan(page, '/sign-up (validation errors)');

    const learner = newPerson('a11y-learner');
    await signUp.signUp(invite, learner);
    const learnerAccount = new AccountPage(page, en);
    await learnerAccount.open();
    await expectVisible(learnerAccount.syncSection, 'the sync details');
    await report.scan(page, '/account (learner)');

    // Records waiting at sign-out: the warning with "Sign out anyway".
    const shell = new AppShell(page, en);
    await shell.navigateTo('catalog');
    await new CatalogPage(page, en).openModule(readModule(MODULE_ID).title.en);
    await new ModulePage(page, en).openLesson(firstLesson(MODULE_ID, 'en').title);
    await learnerDevice.context.setOffline(true);
    await new LessonPage(page, en).markComplete();
    await learnerAccount.openFromNavigation(learner.name);
    await learnerAccount.signOutButton.click();
    await expectVisible(learnerAccount.signOutAnywayButton, '"Sign out anyway"');
    await report.scan(page, '/account (offline, records waiting, sign-out warning)');

    expect(report.scanned).toHaveLength(13);
    expect(report.findings, `axe violations:\n${report.summary()}`).toEqual([]);
  });
});
