import type { Page } from 'playwright-core';

export type Overflow = { scrollWidth: number; clientWidth: number; widest: string };

/**
 * How wide the page is against the window, and the element sticking out furthest past it,
 * so a failure says what to fix.
 */
export async function horizontalOverflow(page: Page): Promise<Overflow> {
  return page.evaluate(() => {
    const root = document.scrollingElement ?? document.documentElement;
    let widest = '';
    let right = root.clientWidth;
    for (const el of document.querySelectorAll<HTMLElement>('body *')) {
      const box = el.getBoundingClientRect();
      if (box.right > right + 0.5) {
        right = box.right;
        widest = `<${el.tagName.toLowerCase()} id="${el.id}" class="${el.className}"> right edge ${Math.round(box.right)} px`;
      }
    }
    return { scrollWidth: root.scrollWidth, clientWidth: root.clientWidth, widest: widest || 'text overflowing its element' };
  });
}
