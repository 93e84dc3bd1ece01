/*
 * On a shared PC the guest's records may be a stranger's: the sign-in form shows what they
 * are and from when, does not add them to the account unless ticked, and can discard them.
 */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson, saveNote } from '../../../../src/client/db/actions';
import { guestRecordCount } from '../../../../src/client/db/accounts';
import { db } from '../../../../src/client/db/schema';
import { signedInAccount } from '../../../../src/client/db/identity';
import { moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';

beforeEach(async () => {
  await resetLearner();
  vi.restoreAllMocks();
});

async function guestStudied() {
  const content = moduleContent(MODULE);
  const lesson = { moduleId: MODULE, lessonId: content.lessons[0]!.id, moduleVersion: content.version, locale: 'en' };
  await completeLesson(lesson);
  await saveNote(lesson, 'a stranger’s private note');
}

const anna = {
  user: { id: 'anna', login: 'anna', name: 'Anna', role: 'learner' },
  agent: { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'anna' } },
};

describe('study records made without signing in', () => {
  it('are described on the sign-in form and stay out of the account unless ticked', async () => {
    const user = userEvent.setup();
    await guestStudied();
    await renderRoute('/sign-in', (url) => {
      if (url.pathname === '/api/login') return Response.json(anna);
      if (url.pathname === '/api/setup') return Response.json({ needsSetup: false });
      return undefined;
    });
    // The sign-in route loads lazily and reads the guest's database: over a second on a busy machine.
    const group = await screen.findByRole('group', { name: 'Study records made on this device without signing in' }, { timeout: 10_000 });
    expect(within(group).getByText('1 lesson')).toBeInTheDocument();
    expect(within(group).getByText('1 note')).toBeInTheDocument();
    expect(within(group).getByText(/^Made between .+ and .+\.$/)).toBeInTheDocument();
    const adopt = within(group).getByRole('checkbox', { name: /Add the 2 study records made on this device without signing in/ });
    expect(adopt).not.toBeChecked();

    await user.type(screen.getByRole('textbox', { name: 'Login' }), 'anna');
    await user.type(screen.getByLabelText('Password'), 'a-good-password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await vi.waitFor(() => expect(signedInAccount()?.id).toBe('anna'));
    expect(await db().statements.count()).toBe(0);
    expect(await guestRecordCount()).toBe(2);
  });

  it('can be discarded from the sign-in form', async () => {
    const user = userEvent.setup();
    await guestStudied();
    await renderRoute('/sign-in', () => Response.json({ needsSetup: false }));
    // The sign-in route loads lazily and reads the guest's database: over a second on a busy machine.
    const group = await screen.findByRole('group', { name: 'Study records made on this device without signing in' }, { timeout: 10_000 });
    await user.click(within(group).getByRole('button', { name: 'Discard these records' }));
    expect(await screen.findByText('The records made without signing in have been removed from this device.')).toBeInTheDocument();
    expect(await guestRecordCount()).toBe(0);
  });
});
