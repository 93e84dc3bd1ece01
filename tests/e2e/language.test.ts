/*
 * Languages: the interface follows the browser's language on the first visit and the
 * choice made in Settings; course content follows the interface where it is translated,
 * and falls back to English with a visible notice where it is not (Greek, Italian).
 */
import { describe, expect, it } from 'vitest';
import { eventually, expectVisible, useBrowser } from './browser';
import { builtModuleIds, firstLesson, readModule, type ContentLocale } from './repo';
import { uiStrings, type UiStrings } from './strings';
import { AppShell, navKey, type NavTarget } from './pages/AppShell';
import { CatalogPage } from './pages/CatalogPage';
import { ModulePage } from './pages/ModulePage';
import { LessonPage } from './pages/LessonPage';
import { SettingsPage } from './pages/SettingsPage';

const MODULE_ID = 'e-identity-and-e-signature';
// A PC's rail (the default 1280 px viewport); "Sign in" is in the top bar, More only on a phone.
const NAV: NavTarget[] = ['home', 'catalog', 'learning', 'hours', 'settings'];

async function expectUiLanguage(shell: AppShell, strings: UiStrings): Promise<void> {
  await eventually(
    () => shell.htmlLang(),
    (lang) => lang === strings.language,
    `<html lang="${strings.language}">`,
  );
  // Without a locales/<lng>/common.json yet, i18next shows English strings: only the lang is checked.
  if (strings.translated) {
    const expected = NAV.map((target) => strings.t(navKey(target)));
    await eventually(
      () => shell.navigationLabels(),
      (labels) => labels.join('|') === expected.join('|'),
      `navigation labels ${expected.join(', ')}`,
    );
  }
}

/** Catalogue -> module -> first lesson through the UI, checking titles and text are in `locale`. */
async function studyFirstLesson(shell: AppShell, strings: UiStrings, locale: ContentLocale): Promise<void> {
  await shell.navigateTo('catalog');
  const catalog = new CatalogPage(shell.page, strings);
  // Every module the server offers, titled as its module.yaml says in this language.
  for (const id of builtModuleIds()) {
    const title = readModule(id).title[locale] ?? readModule(id).title.en;
    await expectVisible(catalog.moduleLink(title), `the ${locale} title of ${id} in the catalogue`);
  }
  const moduleTitle = readModule(MODULE_ID).title[locale] ?? '';
  await catalog.openModule(moduleTitle);

  const lesson = firstLesson(MODULE_ID, locale);
  await new ModulePage(shell.page, strings).openLesson(lesson.title);
  const lessonPage = new LessonPage(shell.page, strings);
  expect(await lessonPage.heading.getAttribute('lang')).toBe(locale);
  expect(await lessonPage.article.getAttribute('lang')).toBe(locale);
  expect(await lessonPage.sectionHeadings()).toEqual(lesson.headings);
  await expect(lessonPage.fallbackNotice.count()).resolves.toBe(0);
}

describe('languages', () => {
  // Online only: no device stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });

  it('follows a Bulgarian browser, then switches to Latvian in Settings', async () => {
    const { page } = await browser.open({ locale: 'bg-BG' });
    const bg = uiStrings('bg');
    const shell = new AppShell(page, bg);
    await shell.visit('/');
    await expectUiLanguage(shell, bg);
    await studyFirstLesson(shell, bg, 'bg');

    await shell.navigateTo('settings');
    await new SettingsPage(page, bg).chooseLanguage('lv');
    const lv = uiStrings('lv');
    const latvian = new AppShell(page, lv);
    await expectUiLanguage(latvian, lv);
    await studyFirstLesson(latvian, lv, 'lv');

    // The choice is remembered over the browser's language.
    await page.reload();
    await latvian.waitUntilShown();
    await expectUiLanguage(latvian, lv);
    expect(await latvian.heading.innerText()).toBe(firstLesson(MODULE_ID, 'lv').title);
  });

  it('shows English content with a notice to a learner using the Greek interface', async () => {
    const { page } = await browser.open({ locale: 'el-GR' });
    const el = uiStrings('el');
    const lesson = firstLesson(MODULE_ID, 'en');
    const lessonPage = new LessonPage(page, el);
    await lessonPage.open(MODULE_ID, lesson.id);
    await expectUiLanguage(lessonPage, el);

    expect(await lessonPage.heading.innerText()).toBe(lesson.title);
    expect(await lessonPage.heading.getAttribute('lang')).toBe('en');
    expect(await lessonPage.article.getAttribute('lang')).toBe('en');
    expect(await lessonPage.sectionHeadings()).toEqual(lesson.headings);

    await expectVisible(lessonPage.fallbackNotice, 'the notice that the lesson is shown in English');
    if (el.translated) {
      const expected = el.t('lesson.fallbackNotice', { language: el.t('languages.el') });
      expect((await lessonPage.fallbackNotice.innerText()).trim()).toBe(expected);
    }
  });

  it('marks English module text with lang="en" in the Italian interface, and keeps breadcrumb separators silent', async () => {
    const { page } = await browser.open({ locale: 'it-IT' });
    const italian = uiStrings('it');
    const source = readModule(MODULE_ID);
    const modulePage = new ModulePage(page, italian);
    await modulePage.open(MODULE_ID);
    await expectUiLanguage(modulePage, italian);
    await expectVisible(modulePage.heading, 'the module title');
    expect(await modulePage.heading.innerText()).toBe(source.title.en);
    expect(await modulePage.heading.getAttribute('lang')).toBe('en');
    const outcome = source.outcomes.en?.[0] ?? '';
    expect(await modulePage.main.getByText(outcome, { exact: true }).evaluate((li) => li.closest('[lang]')?.getAttribute('lang'))).toBe(
      'en',
    );

    const lesson = firstLesson(MODULE_ID, 'en');
    await modulePage.openLesson(lesson.title);
    const trail = new LessonPage(page, italian).breadcrumb;
    expect(await trail.getByRole('link', { name: source.title.en, exact: true }).getAttribute('lang')).toBe('en');
    expect(await trail.locator('[aria-current="page"]').getAttribute('lang')).toBe('en');
    // The "›" between steps is drawn with empty alternative text, so it is not read out.
    const separator = await trail
      .locator('li + li')
      .first()
      .evaluate((li) => getComputedStyle(li, '::before').content);
    expect(separator).toBe('"›" / ""');
  });
});
