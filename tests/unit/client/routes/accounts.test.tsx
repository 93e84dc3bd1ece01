/*
 * The account and administration forms: every problem is tied to its field, announced, and
 * only the current one is shown; limits and counts are said as they are.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoute, resetLearner, signInAs } from './render';

beforeEach(async () => {
  await resetLearner();
  vi.restoreAllMocks();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const person = (id: string) => ({ id, name: id, login: id, agent: { objectType: 'Agent', account: { homePage: 'https://x', name: id } } });

describe('signing up', () => {
  it('says the real password limit, in a focused summary linked to the field', async () => {
    const user = userEvent.setup();
    await renderRoute('/sign-up');
    await user.type(await screen.findByRole('textbox', { name: /Invite code/ }, { timeout: 10_000 }), 'ABC');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Anna');
    await user.type(screen.getByRole('textbox', { name: 'Login' }), 'anna');
    const password = screen.getByLabelText('Password');
    await user.click(password);
    await user.paste('x'.repeat(201));
    await user.click(screen.getByLabelText('Repeat the password'));
    await user.paste('x'.repeat(201));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    const summary = screen.getByRole('alert');
    expect(summary).toHaveTextContent('Please correct 1 field.');
    expect(summary).toHaveFocus();
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription(/8 to 200 characters\./);
  });

  it('shows only the current problem: a new field problem replaces the server’s refusal', async () => {
    const user = userEvent.setup();
    await renderRoute('/sign-up', (url) =>
      url.pathname === '/api/signup' ? Response.json({ message: 'The invite code is not valid.' }, { status: 400 }) : undefined,
    );
    await user.type(await screen.findByRole('textbox', { name: /Invite code/ }, { timeout: 10_000 }), 'WRONG');
    await user.type(screen.getByRole('textbox', { name: 'Your name' }), 'Anna');
    await user.type(screen.getByRole('textbox', { name: 'Login' }), 'anna');
    await user.type(screen.getByLabelText('Password'), 'long enough');
    await user.type(screen.getByLabelText('Repeat the password'), 'long enough');
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    await waitFor(() => expect(screen.getByRole('alert')).toHaveTextContent(/invite code/i));
    await user.clear(screen.getByRole('textbox', { name: 'Your name' }));
    await user.click(screen.getByRole('button', { name: 'Create account' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/^Please correct 1 field\.$/);
  });
});

describe('signing in', () => {
  it('marks the empty field wrong and links it to the message', async () => {
    const user = userEvent.setup();
    await renderRoute('/sign-in');
    await user.type(await screen.findByRole('textbox', { name: 'Login' }, { timeout: 10_000 }), 'anna');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    const password = screen.getByLabelText('Password');
    expect(password).toHaveAttribute('aria-invalid', 'true');
    expect(password).toHaveAccessibleDescription('Enter your login and your password.');
    expect(screen.getByRole('textbox', { name: 'Login' })).not.toHaveAttribute('aria-invalid');
  });

  it('marks both fields wrong when the server refuses them', async () => {
    const user = userEvent.setup();
    await renderRoute('/sign-in', (url) => (url.pathname === '/api/login' ? Response.json({ message: 'no' }, { status: 401 }) : undefined));
    const login = await screen.findByRole('textbox', { name: 'Login' }, { timeout: 10_000 });
    await user.type(login, 'anna');
    await user.type(screen.getByLabelText('Password'), 'not her password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    await waitFor(() => expect(login).toHaveAttribute('aria-invalid', 'true'));
    expect(login).toHaveAccessibleDescription(screen.getByRole('alert').textContent ?? '');
    expect(screen.getByLabelText('Password')).toHaveAttribute('aria-invalid', 'true');
  });
});

describe('the coordinator’s page', () => {
  const cohorts = [{ id: 'c1', name: 'Riga', createdAt: '2026-01-01T00:00:00Z', learners: [person('l1')], mentors: [person('m1')] }];
  const users = [{ id: 'u1', login: 'ivo', name: 'Ivo', role: 'mentor', createdAt: '2026-01-01T00:00:00Z' }];
  const stub = (url: URL, init: RequestInit | undefined) => {
    if (url.pathname === '/api/cohorts' && init?.method === 'POST') return Response.json({ message: 'Database is down' }, { status: 500 });
    if (url.pathname === '/api/cohorts') return Response.json({ cohorts });
    if (url.pathname === '/api/cohorts/c1/invites') return Response.json({ invites: [] });
    if (url.pathname === '/api/users') return Response.json({ users });
    return undefined;
  };

  it('counts people in the singular and says “Name”, not “Your name”, of the people it lists and adds', async () => {
    signInAs('coordinator', 'coord', 'Coordinator');
    await renderRoute('/admin', stub);
    expect(await screen.findByText(/^1 learner, 1 mentor/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    const people = screen.getByRole('heading', { name: 'People' }).closest('section')!;
    expect(within(people).getAllByRole('columnheader')[0]).toHaveTextContent(/^Name$/);
    // The coordinator adds someone else: the form asks for their name.
    expect(within(people).getByRole('textbox', { name: 'Name' })).toBeInTheDocument();
    expect(within(people).queryByRole('textbox', { name: 'Your name' })).toBeNull();
  });

  it('replaces the server’s failure with the new problem, and focuses it', async () => {
    const user = userEvent.setup();
    signInAs('coordinator', 'coord', 'Coordinator');
    await renderRoute('/admin', stub);
    const section = (await screen.findByRole('heading', { name: 'New cohort' }, { timeout: 10_000 })).closest('section')!;
    const name = within(section).getByRole('textbox', { name: 'Name of the cohort' });
    await user.type(name, 'Riga, spring');
    await user.click(within(section).getByRole('button', { name: 'Create cohort' }));
    expect(await within(section).findByText('Something went wrong on the server. Try again later.')).toBeInTheDocument();
    await user.clear(name);
    await user.click(within(section).getByRole('button', { name: 'Create cohort' }));
    const summary = within(section).getByRole('alert');
    expect(summary).toHaveTextContent(/^Please correct 1 field\.$/);
    expect(summary).toHaveFocus();
    expect(name).toHaveAccessibleDescription('Enter a name (up to 100 characters).');
  });
});
