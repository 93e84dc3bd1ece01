/*
 * Keyboard-only navigation: Tab / Shift+Tab until an element has focus, checking on the way
 * that every element reached shows a visible focus indicator.
 */
import type { Locator, Page } from 'playwright-core';
import { eventually } from './browser';

export type FocusedElement = { tag: string; text: string; outlineStyle: string; outlineWidth: string };

export async function focusedElement(page: Page): Promise<FocusedElement | null> {
  return page.evaluate(() => {
    const el = document.activeElement;
    if (!el || el === document.body) return null;
    const style = getComputedStyle(el);
    const text = (el.getAttribute('aria-label') ?? (el as HTMLElement).innerText ?? '').replace(/\s+/g, ' ').trim();
    return { tag: el.tagName.toLowerCase(), text: text.slice(0, 80), outlineStyle: style.outlineStyle, outlineWidth: style.outlineWidth };
  });
}

export function hasVisibleFocus(focused: FocusedElement | null): boolean {
  return focused !== null && focused.outlineStyle !== 'none' && parseFloat(focused.outlineWidth) > 0;
}

export async function isFocused(target: Locator): Promise<boolean> {
  return target.evaluate((el) => el === document.activeElement);
}

export async function expectFocused(target: Locator, what: string): Promise<void> {
  await eventually(
    () => isFocused(target),
    (focused) => focused,
    `${what} to have focus`,
  );
}

/**
 * Presses Tab (or Shift+Tab) until `target` has focus. Fails if it is not reached within
 * `max` presses, or if any element reached on the way has no visible focus outline.
 */
export async function tabTo(page: Page, target: Locator, what: string, { backwards = false, max = 80 } = {}): Promise<void> {
  await target.waitFor({ state: 'attached' });
  const passed: string[] = [];
  for (let press = 0; press < max; press++) {
    await page.keyboard.press(backwards ? 'Shift+Tab' : 'Tab');
    const focused = await focusedElement(page);
    if (focused && !hasVisibleFocus(focused)) {
      throw new Error(
        `<${focused.tag}> "${focused.text}" got keyboard focus without a visible outline (outline: ${focused.outlineStyle} ${focused.outlineWidth})`,
      );
    }
    passed.push(focused ? `<${focused.tag}> ${focused.text}` : '(nothing)');
    if (await isFocused(target)) return;
  }
  throw new Error(
    `${what} was not reached with ${max} presses of ${backwards ? 'Shift+Tab' : 'Tab'}. Focus went through:\n${passed.join('\n')}`,
  );
}
