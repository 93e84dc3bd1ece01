/*
 * The shell on a 360 x 740 phone and a 1280 px PC: a top bar of one row (at most 72 px) on
 * every learner route in every state (guest, signed in, offline, records waiting), no page
 * wider than the phone, the lesson's text in the first 60% of the screen (also under the
 * longest lesson titles, in English and in Bulgarian's longer words), bottom tabs that
 * a keyboard reaches, and the "ready to work offline" toast that leaves and never sits on
 * the tabs.
 */
import { describe, expect, inject, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, expectAttribute, expectVisible, useBrowser, waitForServiceWorker } from './browser';
import { newPerson, ServerApi } from './api';
import { horizontalOverflow } from './overflow';
import { builtModuleIds, firstLesson, readLessons, type ContentLocale, type SourceLesson } from './repo';
import { en, uiStrings } from './strings';
import { expectFocused, tabTo } from './keyboard';
import { AxeReport } from './axe';
import { AppShell } from './pages/AppShell';
import { LessonPage } from './pages/LessonPage';
import { MyLearningPage } from './pages/MyLearningPage';
import { ModulePage } from './pages/ModulePage';
import { SignInPage } from './pages/SignInPage';

const PHONE = { width: 360, height: 740 };
const PC = { width: 1280, height: 800 };
const MAX_TOP_BAR_PX = 72;
const MODULE_ID = 'online-safety';
const lesson = firstLesson(MODULE_ID, 'en');

const LEARNER_ROUTES = [
  '/',
  '/catalog',
  `/modules/${MODULE_ID}`,
  `/modules/${MODULE_ID}/lessons/${lesson.id}`,
  `/modules/${MODULE_ID}/quiz`,
  '/learning',
  '/hours',
  '/settings',
  '/more',
];

type Measure = { topBar: number; scrollWidth: number; widest: string };

async function measure(page: Page): Promise<Measure> {
  const topBar = await page.evaluate(() => document.querySelector('header')?.getBoundingClientRect().height ?? Infinity);
  const { scrollWidth, widest } = await horizontalOverflow(page);
  return { topBar, scrollWidth, widest };
}

/** Opens every learner route and checks the top bar's height and that nothing scrolls sideways. */
async function checkEveryRoute(shell: AppShell, state: string): Promise<void> {
  for (const path of LEARNER_ROUTES) {
    await shell.visit(path);
    const { topBar, scrollWidth, widest } = await measure(shell.page);
    expect(topBar, `the top bar on ${path} (${state})`).toBeLessThanOrEqual(MAX_TOP_BAR_PX);
    expect(scrollWidth, `the width of ${path} (${state}): ${widest}`).toBeLessThanOrEqual(PHONE.width);
  }
}

/** The top of the lesson's first paragraph, on a freshly opened lesson page. */
async function firstParagraphTop(lessonPage: LessonPage): Promise<number> {
  await lessonPage.open(MODULE_ID, lesson.id);
  const box = await lessonPage.article.locator('p').first().boundingBox();
  if (!box) throw new Error('the lesson has no visible paragraph');
  return box.y;
}

/** The lesson with the longest title in a language, across the built course. */
function longestTitledLesson(locale: ContentLocale): { moduleId: string; lesson: SourceLesson } {
  const all = builtModuleIds().flatMap((moduleId) => readLessons(moduleId, locale).map((lesson) => ({ moduleId, lesson })));
  const longest = all.reduce<(typeof all)[number] | undefined>(
    (best, next) => (!best || next.lesson.title.length > best.lesson.title.length ? next : best),
    undefined,
  );
  if (!longest) throw new Error(`no lessons in ${locale}`);
  return longest;
}

async function expectLessonTextHigh(lessonPage: LessonPage, state: string): Promise<void> {
  expect(await firstParagraphTop(lessonPage), `the lesson's first paragraph (${state})`).toBeLessThan(0.6 * PHONE.height);
}

describe('the shell', () => {
  const browser = useBrowser();

  it('keeps a one-row top bar and a 360 px page on every learner route, in every state', { timeout: 420_000 }, async () => {
    const api = new ServerApi(inject('baseURL'));
    const { invite } = await api.cohortWithInvite('shell');
    const person = newPerson('shell');
    await api.signUp(invite, person);

    const { context, page } = await browser.open({ viewport: PHONE });
    const shell = new AppShell(page, en);
    const lessonPage = new LessonPage(page, en);
    await page.goto('/');
    await waitForServiceWorker(page);

    await checkEveryRoute(shell, 'guest');
    await expectLessonTextHigh(lessonPage, 'guest');

    // Offline, once the module the routes show is stored on the device (the other pages were
    // visited online above, so the service worker holds them).
    await new ModulePage(page, en).storeForOffline(MODULE_ID);
    await context.setOffline(true);
    await page.reload();
    await shell.waitUntilShown();
    await expectVisible(shell.offlineBanner, 'the offline indicator');
    await checkEveryRoute(shell, 'guest, offline');
    await context.setOffline(false);

    const signIn = new SignInPage(page, en);
    await signIn.open();
    await signIn.signIn(person);
    await checkEveryRoute(shell, 'signed in');

    // Records waiting: a lesson completed with no connection.
    await context.setOffline(true);
    await lessonPage.open(MODULE_ID, lesson.id);
    await lessonPage.markCompleteButton.click();
    await eventually(
      () => shell.syncBar.waitingCount(),
      (waiting) => waiting !== null && waiting > 0,
      'records waiting to be sent',
    );
    await expectVisible(shell.offlineBanner, 'the offline indicator while records wait');
    await checkEveryRoute(shell, 'signed in, offline, records waiting');
    await expectLessonTextHigh(lessonPage, 'signed in, offline, records waiting');
  });

  it.for(['en', 'bg'] as const)(
    'starts the text of the lesson with the longest title in the top 60 percent of a phone, in %s',
    async (locale) => {
      const { page } = await browser.open({ viewport: PHONE, locale });
      const lessonPage = new LessonPage(page, uiStrings(locale));
      const { moduleId, lesson } = longestTitledLesson(locale);
      await lessonPage.open(moduleId, lesson.id);
      await expectAttribute(lessonPage.article, 'lang', locale, 'the lesson in its language');
      const box = await lessonPage.article.locator(':scope > *').first().boundingBox();
      expect(box?.y, `the start of ${moduleId}/${locale}/${lesson.file}: "${lesson.title}"`).toBeLessThan(0.6 * PHONE.height);
      // The trail still names the lesson for screen readers, though a phone shows only the way back.
      expect(await lessonPage.breadcrumb.getByText(lesson.title, { exact: true }).count(), 'the lesson in the trail').toBe(1);
    },
  );

  it('reaches the bottom tabs by keyboard on a phone and marks the current one', async () => {
    const { page } = await browser.open({ viewport: PHONE });
    const shell = new AppShell(page, en);
    await shell.visit('/');
    const tabs = shell.navigation;
    const box = await tabs.boundingBox();
    expect(box && Math.round(box.y + box.height), 'the tab bar sits at the bottom of the screen').toBe(PHONE.height);
    expect(await tabs.getByRole('link').allInnerTexts()).toEqual(['home', 'catalog', 'learning', 'more'].map((key) => en.t(`nav.${key}`)));
    await expectAttribute(shell.navLink('home'), 'aria-current', 'page', 'the Home tab on the home page');

    await tabTo(page, shell.navLink('more'), 'the More tab');
    await page.keyboard.press('Enter');
    await expectAttribute(shell.navLink('more'), 'aria-current', 'page', 'the More tab on the More page');
    await expectAttribute(shell.navLink('home'), 'aria-current', null, 'the Home tab on the More page');
    await expectFocused(shell.heading, 'the More heading');

    // Hours and Settings are one step away, through More.
    await shell.navigateTo('settings');
    expect(await shell.heading.innerText()).toBe(en.t('settings.title'));
  });

  it('shows a rail with every place on a PC, and no bottom tabs', async () => {
    const { page } = await browser.open({ viewport: PC });
    const shell = new AppShell(page, en);
    await shell.visit('/catalog');
    const labels = await shell.navigationLabels();
    expect(labels).toEqual(['nav.home', 'nav.catalog', 'nav.learning', 'hours.nav', 'nav.settings'].map((key) => en.t(key)));
    const box = await shell.navigation.boundingBox();
    expect(
      box !== null && box.y < 100 && box.height < PC.height,
      `the navigation is a rail beside the page (box ${JSON.stringify(box)})`,
    ).toBe(true);
    await expectAttribute(shell.navLink('catalog'), 'aria-current', 'page', 'the Catalogue link');
  });

  it('is axe clean on a phone, light and dark: tabs, More, My learning and the open sync details', async () => {
    const { context, page } = await browser.open({ viewport: PHONE });
    const shell = new AppShell(page, en);
    const report = new AxeReport('phone');
    await shell.visit('/more');
    await report.scan(page, '/more');
    // My learning lists the modules as blocks on a phone, not as a table.
    const learning = new MyLearningPage(page, en);
    await learning.open();
    await expectVisible(learning.modulesSection.getByRole('listitem').first(), 'the first module in My learning');
    expect(await learning.modulesSection.getByRole('table').count()).toBe(0);
    await report.scan(page, '/learning');
    await context.setOffline(true);
    await shell.offlineBanner.click();
    await expectVisible(shell.syncBar.details, 'the sync details');
    await report.scan(page, '/more (offline, sync details open)');
    expect(report.scannedDark).toHaveLength(3);
    expect(report.summary()).toBe('');
  });

  it('lets the "ready to work offline" toast leave by itself or on Escape, above the tabs', async () => {
    const toastOf = (page: Page) => page.getByRole('status').filter({ hasText: en.t('pwa.offlineReady') });

    const phone = await browser.open({ viewport: PHONE });
    const shell = new AppShell(phone.page, en);
    await shell.visit('/');
    const toast = toastOf(phone.page);
    await expectVisible(toast, 'the "ready to work offline" toast');
    const toastBox = await toast.boundingBox();
    const tabsBox = await shell.navigation.boundingBox();
    expect(toastBox && tabsBox && toastBox.y + toastBox.height <= tabsBox.y, 'the toast sits above the bottom tabs').toBe(true);
    await phone.page.keyboard.press('Escape');
    await toast.waitFor({ state: 'hidden' });

    // Left alone, it goes by itself.
    const pc = await browser.open({ viewport: PC });
    await new AppShell(pc.page, en).visit('/');
    await expectVisible(toastOf(pc.page), 'the toast on a PC');
    await toastOf(pc.page).waitFor({ state: 'hidden', timeout: 30_000 });
  });
});
