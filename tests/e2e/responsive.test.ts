/*
 * Layout at the extremes learners use: a 360 px phone (nothing scrolls sideways, in every
 * lesson of every module, in English and in Bulgarian's longer words, also with extra-large
 * text) and a 1920 px library PC (the text column keeps a readable line length).
 */
import { describe, expect, it } from 'vitest';
import { eventually, expectVisible, useBrowser } from './browser';
import { horizontalOverflow } from './overflow';
import { builtModuleIds, readLessons, type ContentLocale, type SourceLesson } from './repo';
import { en, uiStrings } from './strings';
import { LessonPage } from './pages/LessonPage';
import { SettingsPage } from './pages/SettingsPage';
import { CatalogPage } from './pages/CatalogPage';

const PHONE = { width: 360, height: 740 };
const DESKTOP = { width: 1920, height: 1080 };
const MAX_TEXT_COLUMN_PX = 900;

/**
 * Opens lessons one after another on one device: the first with a page load, the next ones as
 * a link in the app opens them, with no page load (loading the whole app again for each of the
 * course's lessons took most of this file's time). The layout measured is the same.
 */
class LessonWalk {
  private loaded = false;

  constructor(readonly lessonPage: LessonPage) {}

  async open(moduleId: string, lesson: SourceLesson): Promise<void> {
    if (this.loaded) {
      await this.lessonPage.visitWithinApp(
        `/modules/${encodeURIComponent(moduleId)}/lessons/${encodeURIComponent(lesson.id)}`,
        lesson.title,
      );
    } else {
      await this.lessonPage.open(moduleId, lesson.id);
      this.loaded = true;
    }
  }
}

async function expectNoSidewaysScrolling(walk: LessonWalk, moduleId: string, lesson: SourceLesson, where: string): Promise<void> {
  await walk.open(moduleId, lesson);
  await expectVisible(walk.lessonPage.article, `the text of ${where}`);
  const overflow = await horizontalOverflow(walk.lessonPage.page);
  expect(overflow.scrollWidth, `${where} scrolls sideways at ${overflow.clientWidth} px: ${overflow.widest}`).toBeLessThanOrEqual(
    overflow.clientWidth,
  );
}

describe('responsive layout of the lesson page', () => {
  // Online only: no device stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });

  const locales: ContentLocale[] = ['en', 'bg'];
  // Every lesson of every module: the time grows with the course, hence the longer limit.
  it.for(locales)('does not scroll sideways on a 360 px wide phone, in any lesson in %s', { timeout: 300_000 }, async (locale) => {
    const { page } = await browser.open({ viewport: PHONE, locale });
    const lessonPage = new LessonPage(page, uiStrings(locale));
    const walk = new LessonWalk(lessonPage);
    let checked = 0;
    for (const moduleId of builtModuleIds()) {
      for (const lesson of readLessons(moduleId, locale)) {
        await expectNoSidewaysScrolling(walk, moduleId, lesson, `${moduleId}/${locale}/${lesson.file}`);
        expect(await lessonPage.article.getAttribute('lang'), `the language of ${moduleId}/${locale}/${lesson.file}`).toBe(locale);
        checked++;
      }
    }
    expect(checked).toBeGreaterThan(0);
  });

  it('does not scroll sideways on a 360 px phone with extra-large text', async () => {
    const { page } = await browser.open({ viewport: PHONE });
    const settings = new SettingsPage(page, en);
    await settings.open();
    await settings.textSize(en.t('settings.textExtraLarge')).check();
    const walk = new LessonWalk(new LessonPage(page, en));
    for (const moduleId of builtModuleIds()) {
      const lesson = readLessons(moduleId, 'en')[0];
      if (lesson) await expectNoSidewaysScrolling(walk, moduleId, lesson, `${moduleId}/en/${lesson.file} (extra-large text)`);
    }
    expect(await page.evaluate(() => document.documentElement.dataset.textSize)).toBe('x-large');
  });

  it(`keeps the lesson text column at most ${MAX_TEXT_COLUMN_PX} px wide on a 1920 px screen`, async () => {
    const { page } = await browser.open({ viewport: DESKTOP });
    const lessonPage = new LessonPage(page, en);
    const walk = new LessonWalk(lessonPage);
    for (const moduleId of builtModuleIds()) {
      const lesson = readLessons(moduleId, 'en')[0];
      if (!lesson) continue;
      await walk.open(moduleId, lesson);
      const box = await lessonPage.article.boundingBox();
      expect(box, `the text of ${moduleId}/${lesson.id}`).not.toBeNull();
      expect(box?.width ?? 0).toBeGreaterThan(300);
      expect(box?.width ?? Infinity, `text column of ${moduleId}/${lesson.id}`).toBeLessThanOrEqual(MAX_TEXT_COLUMN_PX);
      // Every paragraph's width in one call (one round trip per paragraph took seconds per lesson).
      const widths = await lessonPage.article
        .getByRole('paragraph')
        .evaluateAll((paragraphs) => paragraphs.map((paragraph) => paragraph.getBoundingClientRect().width));
      for (const width of widths) expect(width, `a paragraph of ${moduleId}/${lesson.id}`).toBeLessThanOrEqual(MAX_TEXT_COLUMN_PX);
    }
  });
});

describe('responsive layout of the catalogue', () => {
  // Online only: no device stores the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });

  it.for(['en', 'bg'] as const)('fits a 360 px phone with its filters set, one card a row, in %s', async (locale) => {
    const { page } = await browser.open({ viewport: PHONE, locale });
    const strings = uiStrings(locale);
    const catalog = new CatalogPage(page, strings);
    await catalog.open();
    await expectVisible(catalog.modulesSection.getByRole('listitem').first(), 'the first module card');
    // A select is as wide as the option it shows: choose the pathway with the longest title.
    const pathway = page.getByRole('combobox', { name: strings.t('catalog.pathwayLabel') });
    const longest = await pathway.evaluate(
      (select: HTMLSelectElement) => [...select.options].reduce((a, b) => (b.text.length > a.text.length ? b : a)).value,
    );
    const count = catalog.modulesSection.getByRole('status');
    const allModules = (await count.textContent()) ?? '';
    await pathway.selectOption(longest);
    await page.waitForURL(/pathway=/);
    // The list follows the URL a render later: wait for the pathway's count, then measure the cards at once.
    await eventually(
      async () => (await count.textContent()) ?? '',
      (shown) => shown !== allModules,
      "the pathway's module count",
    );
    const overflow = await horizontalOverflow(page);
    expect(overflow.scrollWidth, `the catalogue scrolls sideways at ${overflow.clientWidth} px: ${overflow.widest}`).toBeLessThanOrEqual(
      overflow.clientWidth,
    );
    const lefts = new Set(
      await catalog.modulesSection
        .getByRole('listitem')
        .evaluateAll((cards) => cards.map((card) => Math.round(card.getBoundingClientRect().x))),
    );
    expect(lefts.size, 'cards in one column').toBe(1);
  });
});
