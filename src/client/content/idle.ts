/*
 * When background work (storing the course for offline study) may use the connection: only
 * after the first screen is shown and the service worker is active, and then in small steps
 * during idle time, so a slow phone spends its first seconds on the page the learner opened.
 * This file is in the first page's JavaScript; the work itself is loaded when it may start.
 */

/** The longest an idle step waits for the browser to become idle (a busy page still makes progress). */
export const IDLE_TIMEOUT_MS = 2_000;
/** Without `requestIdleCallback` (Safari), a step waits this long instead. */
export const IDLE_FALLBACK_MS = 200;

/** Resolves once the page's `load` event has fired: the first route's scripts, styles and images are in. */
export function afterPageLoad(): Promise<void> {
  if (document.readyState === 'complete') return Promise.resolve();
  return new Promise((resolve) => window.addEventListener('load', () => resolve(), { once: true }));
}

/**
 * Resolves once a service worker is active for this page, so storing never competes with the
 * worker's install (its precache downloads the app) nor with its Cache Storage writes. Without
 * service workers (an old browser) there is nothing to wait for. In development no worker is
 * registered, so this never resolves and nothing is stored.
 */
export function serviceWorkerActive(): Promise<void> {
  if (typeof navigator === 'undefined' || !('serviceWorker' in navigator)) return Promise.resolve();
  return navigator.serviceWorker.ready.then(() => undefined);
}

/** Resolves when the browser is next idle (or after `IDLE_TIMEOUT_MS` at most). */
export function nextIdle(): Promise<void> {
  return new Promise((resolve) => {
    if (typeof requestIdleCallback === 'function') requestIdleCallback(() => resolve(), { timeout: IDLE_TIMEOUT_MS });
    else setTimeout(resolve, IDLE_FALLBACK_MS);
  });
}

/** Resolves when background downloads may start: after `load`, with an active service worker, at an idle moment. */
export async function whenFirstScreenIsIdle(): Promise<void> {
  await afterPageLoad();
  await serviceWorkerActive();
  await nextIdle();
}
