/*
 * The colour theme: remembered on this device, applied to <html data-theme> and the browser
 * bar colour; "system" leaves the choice to prefers-color-scheme (read through matchMedia,
 * which jsdom lacks: a stand-in answers as a light or a dark device would).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { applyTheme, followDeviceTheme, getTheme, onThemeChange, setTheme, shownTheme } from '../../../../src/client/ui/preferences';

type Device = { dark: boolean; listeners: Set<() => void> };

function deviceWithColourScheme(device: Device) {
  vi.stubGlobal('matchMedia', (query: string) => ({
    get matches() {
      return query === '(prefers-color-scheme: dark)' && device.dark;
    },
    media: query,
    addEventListener: (_type: string, listener: () => void) => device.listeners.add(listener),
    removeEventListener: (_type: string, listener: () => void) => device.listeners.delete(listener),
  }));
}

const themeColor = () => document.querySelector<HTMLMetaElement>('meta[name="theme-color"]')?.content;

describe('theme preference', () => {
  let device: Device;

  beforeEach(() => {
    localStorage.clear();
    delete document.documentElement.dataset.theme;
    document.head.innerHTML = '<meta name="theme-color" content="#124a7a" />';
    device = { dark: false, listeners: new Set() };
    deviceWithColourScheme(device);
  });
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('follows the device until one is chosen', () => {
    expect(getTheme()).toBe('system');
    applyTheme();
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(shownTheme()).toBe('light');
    device.dark = true;
    expect(shownTheme()).toBe('dark');
  });

  it('keeps a chosen theme, applies it to <html> and the browser bar, and tells listeners', () => {
    const heard: string[] = [];
    const stop = onThemeChange(() => heard.push(getTheme()));
    setTheme('dark');
    expect(localStorage.getItem('biblio-study:theme')).toBe('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(themeColor()).toBe('#0d2236');

    setTheme('light');
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(themeColor()).toBe('#124a7a');

    // The next visit starts with the stored choice.
    delete document.documentElement.dataset.theme;
    applyTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
    stop();
    expect(heard).toEqual(['dark', 'light']);
  });

  it('on "system", leaves the page to prefers-color-scheme and keeps the bar colour in step with the device', () => {
    device.dark = true;
    setTheme('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(themeColor()).toBe('#0d2236');

    const stop = followDeviceTheme();
    device.dark = false;
    for (const listener of device.listeners) listener();
    expect(themeColor()).toBe('#124a7a');

    // A chosen theme is not overridden by the device.
    setTheme('dark');
    for (const listener of device.listeners) listener();
    expect(themeColor()).toBe('#0d2236');
    stop();
    expect(device.listeners.size).toBe(0);
  });

  it('ignores a stored value it does not know', () => {
    localStorage.setItem('biblio-study:theme', 'sepia');
    expect(getTheme()).toBe('system');
  });
});
