/*
 * The shell around every page, driven through the real app: the main navigation and the
 * More page by role, "Sign in" once, and the sync indicator in the top bar, whose live
 * region speaks only when something matters (not at each count).
 */
import { act, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson } from '../../../../src/client/db/actions';
import { setSignedInAccount } from '../../../../src/client/db/identity';
import { moduleContent, renderRoute, resetLearner, signInAs } from '../routes/render';

const MODULE = 'online-safety';

beforeEach(async () => {
  await resetLearner();
});

afterEach(() => {
  vi.restoreAllMocks();
});

const mainNavigation = () => screen.getByRole('navigation', { name: 'Main' });
const banner = () => screen.getByRole('banner');

/**
 * The sync indicator mounts once the first screen is painted, from a chunk of its own; its
 * live region is always in the top bar, so its presence says the indicator is there. (The
 * first import compiles that chunk in the test run: the time limit is a hang guard.)
 */
const syncIndicatorShown = () => within(banner()).findByRole('status', undefined, { timeout: 10_000 });

function signInLearner() {
  setSignedInAccount({
    id: 'learner-anna',
    login: 'anna',
    name: 'Anna Bērziņa',
    role: 'learner',
    actor: { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'anna' } },
  });
}

async function completeLessons(count: number) {
  const content = moduleContent(MODULE);
  for (const lesson of content.lessons.slice(0, count)) {
    await completeLesson({ moduleId: MODULE, lessonId: lesson.id, moduleVersion: content.version, locale: 'en' });
  }
}

describe('main navigation and the More page', () => {
  it('shows a guest the learner places, with "Sign in" once, in the top bar', async () => {
    await renderRoute('/more');
    await screen.findByRole('heading', { level: 1, name: 'More' });
    const nav = mainNavigation();
    expect(within(nav).getByRole('link', { name: 'More' })).toHaveAttribute('aria-current', 'page');
    expect(within(nav).getByRole('link', { name: 'Home' })).not.toHaveAttribute('aria-current');
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Learning hours' })).toHaveAttribute('href', '/hours');
    expect(within(main).getByRole('link', { name: 'Settings' })).toHaveAttribute('href', '/settings');
    expect(within(main).queryByRole('link', { name: 'Mentoring' })).toBeNull();
    expect(within(main).getByRole('link', { name: 'Create an account with an invite code' })).toHaveAttribute('href', '/sign-up');
    const signInLinks = screen.getAllByRole('link', { name: 'Sign in' });
    expect(signInLinks).toHaveLength(1);
    expect(banner()).toContainElement(signInLinks[0]!);
  });

  it('lists mentoring, reports, administration and the account for a coordinator', async () => {
    signInAs('coordinator', 'ilze', 'Ilze Kalniņa');
    await renderRoute('/more');
    await screen.findByRole('heading', { level: 1, name: 'More' });
    const main = screen.getByRole('main');
    expect(within(main).getByRole('link', { name: 'Mentoring' })).toHaveAttribute('href', '/mentor');
    expect(within(main).getByRole('link', { name: 'Reports' })).toHaveAttribute('href', '/reports/surveys');
    expect(within(main).getByRole('link', { name: 'Administration' })).toHaveAttribute('href', '/admin');
    expect(within(main).getByRole('link', { name: 'Account' })).toHaveAttribute('href', '/account');
    expect(screen.queryByRole('link', { name: 'Sign in' })).toBeNull();
    expect(within(banner()).getByRole('link', { name: 'Ilze Kalniņa' })).toHaveAttribute('href', '/account');
  });

  it('marks the current place in the navigation', async () => {
    await renderRoute('/catalog');
    await screen.findByRole('heading', { level: 1, name: /catalogue/i });
    expect(within(mainNavigation()).getByRole('link', { name: 'Catalogue' })).toHaveAttribute('aria-current', 'page');
    expect(within(mainNavigation()).getByRole('link', { name: 'More' })).not.toHaveAttribute('aria-current');
  });
});

describe('the sync indicator in the top bar', () => {
  it('counts waiting records in its name and opens the details, closing on Escape', async () => {
    const user = userEvent.setup();
    signInLearner();
    await completeLessons(2);
    await renderRoute('/more');
    await syncIndicatorShown();
    const indicator = await within(banner()).findByRole('button', { name: 'Sync: 2 records waiting to be sent' });
    expect(indicator).toHaveAttribute('aria-expanded', 'false');
    expect(screen.queryByRole('button', { name: 'Sync now' })).toBeNull();

    await user.click(indicator);
    expect(indicator).toHaveAttribute('aria-expanded', 'true');
    const details = screen.getByRole('group', { name: 'Sync' });
    expect(details).toHaveTextContent('2 records waiting to be sent');
    expect(details).toHaveTextContent('Not synced yet');
    expect(within(details).getByRole('button', { name: 'Sync now' })).toBeInTheDocument();

    await user.keyboard('{Escape}');
    expect(indicator).toHaveAttribute('aria-expanded', 'false');
    expect(indicator).toHaveFocus();
  });

  it('does not announce a new count, but announces going offline and coming back', async () => {
    signInLearner();
    await completeLessons(1);
    await renderRoute('/more');
    const liveRegion = await syncIndicatorShown();
    await within(banner()).findByRole('button', { name: 'Sync: 1 record waiting to be sent' });
    expect(liveRegion).toHaveTextContent(/^$/);

    await completeLessons(3);
    await within(banner()).findByRole('button', { name: /^Sync: [2-9] records waiting to be sent$/ });
    expect(liveRegion).toHaveTextContent(/^$/);

    const onLine = vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    await waitFor(() => expect(liveRegion).toHaveTextContent('You are offline. You can keep studying'));
    expect(within(banner()).getByRole('button', { name: /^Sync: Offline · [2-9] records waiting to be sent$/ })).toBeInTheDocument();

    onLine.mockReturnValue(true);
    act(() => {
      window.dispatchEvent(new Event('online'));
    });
    await waitFor(() => expect(liveRegion).toHaveTextContent('You are back online.'));
  });

  it('shows a guest nothing while online, and an offline button while offline', async () => {
    await renderRoute('/more');
    await screen.findByRole('heading', { level: 1 });
    await syncIndicatorShown();
    expect(within(banner()).queryByRole('button')).toBeNull();
    vi.spyOn(navigator, 'onLine', 'get').mockReturnValue(false);
    act(() => {
      window.dispatchEvent(new Event('offline'));
    });
    const offline = await within(banner()).findByRole('button', { name: 'Offline' });
    await userEvent.setup().click(offline);
    expect(screen.getByRole('group', { name: 'Sync' })).toHaveTextContent('Studying as a guest');
  });
});

describe('signing out with records waiting', () => {
  it('moves focus to the warning that replaces "Sign out"', async () => {
    const user = userEvent.setup();
    signInLearner();
    await completeLessons(1);
    await renderRoute('/account');
    const signOut = await screen.findByRole('button', { name: 'Sign out' });
    await syncIndicatorShown();
    await within(banner()).findByRole('button', { name: 'Sync: 1 record waiting to be sent' });
    await user.click(signOut);
    const warning = await screen.findByRole('alert');
    expect(warning).toHaveTextContent(/has not reached the server/);
    expect(warning).toHaveFocus();
  });
});
