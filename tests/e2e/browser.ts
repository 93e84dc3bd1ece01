/*
 * Real Chromium for the end-to-end tests: one browser per test file, a fresh context per
 * test (a new context has empty IndexedDB, storage and no service worker), and small
 * polling helpers, since playwright-core has no `expect`. Nothing here sleeps for a fixed
 * time: every wait is for a condition, with a message that says what did not happen.
 */
import { afterAll, afterEach, beforeAll, inject } from 'vitest';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from './chromium';
import { chromium, type Browser, type BrowserContext, type BrowserContextOptions, type Locator, type Page } from 'playwright-core';

export const WAIT_MS = 15_000;

export type Session = { context: BrowserContext; page: Page };

export type DeviceOptions = BrowserContextOptions & {
  /**
   * Whether the device stores the course for offline study in the background, as the app does
   * on every device once its first screen is idle (src/client/content/offline.ts): true unless
   * said otherwise. A device that never studies offline in its test can leave it out: its
   * downloads made to store content (`/content/...?store=1`) are refused, as a dropped
   * connection would refuse them, and the app keeps what it has and tries again later, by
   * design. Everything else, the lessons it opens included, loads and is cached as usual.
   */
  storesCourse?: boolean;
};

/** A download the app makes to store content for offline study (src/client/content/offline.ts, `downloadUrl`). */
function isStoringDownload(url: URL): boolean {
  return url.pathname.startsWith('/content/') && url.searchParams.has('store');
}

/**
 * Registers the hooks of a test file: launch Chromium once, close every context after each
 * test and fail the test if the app threw an uncaught error, close the browser at the end.
 * `defaults` apply to every device the file opens (each `open` can override them).
 */
export function useBrowser(defaults: DeviceOptions = {}): { open: (options?: DeviceOptions) => Promise<Session> } {
  let browser: Browser | undefined;
  const contexts: BrowserContext[] = [];
  const pageErrors: string[] = [];

  beforeAll(async () => {
    browser = await chromium.launch({
      executablePath: CHROMIUM_PATH,
      headless: true,
      args: CHROMIUM_ARGS,
    });
  });

  afterEach(async () => {
    await Promise.all(contexts.splice(0).map((context) => context.close()));
    const errors = pageErrors.splice(0);
    if (errors.length > 0) throw new Error(`The app threw uncaught errors:\n${errors.join('\n')}`);
  });

  afterAll(async () => {
    await browser?.close();
  });

  return {
    async open(options = {}) {
      if (!browser) throw new Error('useBrowser(): the browser is not launched yet (call open() inside a test)');
      const { storesCourse = true, ...contextOptions } = { ...defaults, ...options };
      const context = await browser.newContext({ baseURL: inject('baseURL'), ...contextOptions });
      contexts.push(context);
      if (!storesCourse) await context.route(isStoringDownload, (route) => route.abort('internetdisconnected'));
      const page = await context.newPage();
      page.on('pageerror', (error) => pageErrors.push(`${page.url()}: ${error.message}`));
      return { context, page };
    },
  };
}

/** Polls `read` until `accept` holds; on timeout, fails with `what` and the last value seen. */
export async function eventually<T>(read: () => Promise<T>, accept: (value: T) => boolean, what: string, timeoutMs = WAIT_MS): Promise<T> {
  const deadline = Date.now() + timeoutMs;
  let last: T | undefined;
  let lastError: unknown;
  for (let delay = 25; ; delay = Math.min(delay * 2, 250)) {
    try {
      last = await read();
      if (accept(last)) return last;
    } catch (error) {
      lastError = error;
    }
    if (Date.now() > deadline) {
      const seen = last === undefined ? (lastError instanceof Error ? lastError.message : String(lastError)) : JSON.stringify(last);
      throw new Error(`Timed out after ${timeoutMs} ms waiting for: ${what}. Last seen: ${seen}`);
    }
    await new Promise((resolve) => setTimeout(resolve, delay));
  }
}

/** Waits until the locator's single element is visible. */
export async function expectVisible(locator: Locator, what: string): Promise<void> {
  try {
    await locator.waitFor({ state: 'visible', timeout: WAIT_MS });
  } catch (error) {
    throw new Error(
      `Expected to see ${what} (${String(locator)}): ${error instanceof Error ? error.message.split('\n')[0] : String(error)}`,
    );
  }
}

/** Waits until the locator's text (whitespace collapsed) equals or matches `expected`. */
export async function expectText(locator: Locator, expected: string | RegExp, what: string): Promise<string> {
  const matches = (text: string) => (typeof expected === 'string' ? text === expected : expected.test(text));
  return eventually(
    async () => (await locator.innerText({ timeout: 1000 })).replace(/\s+/g, ' ').trim(),
    matches,
    `${what} to read ${String(expected)}`,
  );
}

export async function expectAttribute(locator: Locator, name: string, expected: string | null, what: string): Promise<void> {
  await eventually(
    () => locator.getAttribute(name, { timeout: 1000 }),
    (value) => value === expected,
    `${what}: ${name}=${String(expected)}`,
  );
}

export async function expectValue(locator: Locator, expected: string, what: string): Promise<void> {
  await eventually(
    () => locator.inputValue({ timeout: 1000 }),
    (value) => value === expected,
    `${what} to hold ${JSON.stringify(expected)}`,
  );
}

/**
 * Waits until the service worker is installed (so the precache is complete) and controls
 * the page. With `registerType: 'prompt'` a first install does not claim open pages, so
 * the page is reloaded once if nothing controls it yet.
 */
export async function waitForServiceWorker(page: Page): Promise<void> {
  await page.evaluate(async () => {
    await navigator.serviceWorker.ready;
  });
  if (await page.evaluate(() => navigator.serviceWorker.controller === null)) await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null, undefined, { timeout: WAIT_MS });
}
