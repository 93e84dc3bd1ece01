/*
 * The device side of settings that follow a person: at sign-in the text size stored for them
 * is applied here, a change they make is sent to their State document, and a guest's changes
 * are never sent. The network is the edge of the world: a small in-memory State resource
 * stands for the server (the real one is tested in tests/server/person-settings-state.test.ts).
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { resetIdentityCache, setSignedInAccount } from '../../../../src/client/db/identity';
import { getTextSize, getTheme, setTextSize, setTheme } from '../../../../src/client/ui/preferences';
import { followPersonSettings } from '../../../../src/client/sync/followPersonSettings';

const ANNA = {
  id: 'u-anna',
  login: 'anna',
  name: 'Anna',
  role: 'learner' as const,
  actor: { objectType: 'Agent' as const, account: { homePage: 'https://biblio-study.example/xapi', name: 'u-anna' } },
};

type Sent = { method: string; agent: unknown; body: unknown };

describe('followPersonSettings', () => {
  let stored: Record<string, unknown> | undefined;
  let sent: Sent[];
  let stop: () => void = () => undefined;

  beforeEach(() => {
    localStorage.clear();
    resetIdentityCache();
    stored = undefined;
    sent = [];
    vi.stubGlobal('fetch', async (input: string, init: RequestInit = {}) => {
      const url = new URL(input, 'http://device.test');
      const method = init.method ?? 'GET';
      const agent: unknown = JSON.parse(url.searchParams.get('agent') ?? 'null');
      if (method === 'GET') return stored ? new Response(JSON.stringify(stored), { status: 200 }) : new Response('', { status: 404 });
      const body = JSON.parse(String(init.body)) as Record<string, unknown>;
      sent.push({ method, agent, body });
      stored = { ...stored, ...body };
      return new Response(null, { status: 204 });
    });
  });
  afterEach(() => {
    stop();
    vi.unstubAllGlobals();
  });

  const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

  it('applies the stored text size when the person signs in', async () => {
    stored = { textSize: 'large' };
    stop = followPersonSettings();
    await settle();
    expect(getTextSize()).toBe('normal');
    setSignedInAccount(ANNA);
    await vi.waitFor(() => expect(getTextSize()).toBe('large'));
    expect(sent).toEqual([]);
  });

  it('sends a change made while signed in to the person’s own State document', async () => {
    setSignedInAccount(ANNA);
    stop = followPersonSettings();
    await settle();
    setTextSize('x-large');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: 'POST', agent: ANNA.actor, body: { textSize: 'x-large' } });
  });

  it('applies the stored theme at sign-in, and sends a theme change on its own', async () => {
    stored = { textSize: 'small', theme: 'dark' };
    stop = followPersonSettings();
    setSignedInAccount(ANNA);
    await vi.waitFor(() => expect(getTheme()).toBe('dark'));
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(getTextSize()).toBe('small');
    expect(sent).toEqual([]);
    setTheme('light');
    await vi.waitFor(() => expect(sent).toHaveLength(1));
    expect(sent[0]).toEqual({ method: 'POST', agent: ANNA.actor, body: { theme: 'light' } });
    expect(stored).toEqual({ textSize: 'small', theme: 'light' });
  });

  it('never sends a guest’s change', async () => {
    stop = followPersonSettings();
    setTextSize('small');
    await settle();
    expect(sent).toEqual([]);
  });
});
