/*
 * The colour theme and the styled fields: a theme chosen in Settings applies at once, stays
 * after a reload and colours the browser bar; "same as this device" follows
 * prefers-color-scheme; every kind of field, an <input> without a type too, is styled and
 * grows with the text size setting.
 */
import { describe, expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { eventually, expectAttribute, useBrowser } from './browser';
import { en } from './strings';
import { SettingsPage } from './pages/SettingsPage';

/** The page colour (--color-page) of each theme, as the browser reports it. */
const LIGHT_PAGE = 'rgb(245, 247, 250)';
const DARK_PAGE = 'rgb(17, 22, 28)';

const pageBackground = (page: Page) => page.evaluate(() => getComputedStyle(document.documentElement).backgroundColor);
const barColour = (page: Page) => page.evaluate(() => document.querySelector<HTMLMetaElement>('meta[name="theme-color"]')?.content);

describe('theme', () => {
  // Online only: the device does not store the course (browser.ts).
  const browser = useBrowser({ storesCourse: false });

  it('applies the theme chosen in Settings at once and after a reload, and colours the browser bar', async () => {
    const { page } = await browser.open({ colorScheme: 'light' });
    const settings = new SettingsPage(page, en);
    await settings.open();
    expect(await settings.theme(en.t('settings.themeSystem')).isChecked(), '"Same as this device" is the default').toBe(true);
    expect(await pageBackground(page)).toBe(LIGHT_PAGE);

    await settings.theme(en.t('settings.themeDark')).check();
    await expectAttribute(page.locator('html'), 'data-theme', 'dark', 'the dark theme');
    expect(await pageBackground(page)).toBe(DARK_PAGE);
    expect(await barColour(page)).toBe('#0d2236');

    await page.reload();
    await expectAttribute(page.locator('html'), 'data-theme', 'dark', 'the dark theme after a reload');
    expect(await settings.theme(en.t('settings.themeDark')).isChecked()).toBe(true);
    expect(await pageBackground(page)).toBe(DARK_PAGE);

    // Light on a dark device stays light.
    await page.emulateMedia({ colorScheme: 'dark' });
    await settings.theme(en.t('settings.themeLight')).check();
    await expectAttribute(page.locator('html'), 'data-theme', 'light', 'the light theme');
    expect(await pageBackground(page)).toBe(LIGHT_PAGE);
    expect(await barColour(page)).toBe('#124a7a');

    // "Same as this device" follows the device, also when it switches.
    await settings.theme(en.t('settings.themeSystem')).check();
    await expectAttribute(page.locator('html'), 'data-theme', null, 'no chosen theme');
    expect(await pageBackground(page)).toBe(DARK_PAGE);
    expect(await barColour(page)).toBe('#0d2236');
    await page.emulateMedia({ colorScheme: 'light' });
    expect(await pageBackground(page)).toBe(LIGHT_PAGE);
    // CSS follows the media query at once; the meta tag follows the change event the page gets afterwards.
    await eventually(
      () => barColour(page),
      (colour) => colour === '#124a7a',
      'the browser bar to turn light with the device',
    );
  });

  it('styles every kind of field, an input without a type too, at the chosen text size', async () => {
    const { page } = await browser.open();
    const settings = new SettingsPage(page, en);
    await settings.open();
    await settings.textSize(en.t('settings.textExtraLarge')).check();
    await expectAttribute(page.locator('html'), 'data-text-size', 'x-large', 'the extra large text size');

    const fields = await page.evaluate(() => {
      const form = document.createElement('form');
      form.innerHTML = `
        <input data-kind="untyped" />
        <input data-kind="text" type="text" />
        <input data-kind="email" type="email" />
        <input data-kind="number" type="number" />
        <input data-kind="date" type="date" />
        <textarea data-kind="textarea"></textarea>
        <select data-kind="select"><option>One</option></select>
        <input data-kind="checkbox" type="checkbox" />
        <input data-kind="radio" type="radio" />
        <input data-kind="file" type="file" />`;
      document.querySelector('main')?.append(form);
      const body = parseFloat(getComputedStyle(document.body).fontSize);
      const result = [...form.querySelectorAll<HTMLElement>('[data-kind]')].map((field) => {
        const style = getComputedStyle(field);
        return {
          kind: field.dataset.kind ?? '',
          fontScale: parseFloat(style.fontSize) / body,
          height: field.getBoundingClientRect().height,
          width: field.getBoundingClientRect().width,
          border: style.borderTopColor,
          radius: style.borderTopLeftRadius,
        };
      });
      form.remove();
      return { body, result };
    });

    // 137.5 % of 16 px.
    expect(fields.body).toBe(22);
    for (const field of fields.result) {
      if (field.kind === 'checkbox' || field.kind === 'radio') {
        expect(field.width, `${field.kind}: 1.25rem wide`).toBeCloseTo(27.5, 0);
        continue;
      }
      expect(field.fontScale, `${field.kind}: the text size of the page`).toBe(1);
      if (field.kind === 'file') continue;
      // 2.75rem at 22 px, and the strong border colour of the tokens (not the browser's own).
      expect(field.height, `${field.kind}: as tall as the text needs`).toBeGreaterThanOrEqual(60);
      expect(field.border, `${field.kind}: the field border colour`).toBe('rgb(95, 107, 118)');
      expect(field.radius, `${field.kind}: rounded`).toBe('8px');
    }
  });
});
