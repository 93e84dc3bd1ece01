/*
 * Writes a person triggers never fail in silence: the failure is said in words, what they
 * typed stays, and trying again works. The device's storage failing is the edge of the world
 * here (a spy on the table's write); the server's failure is a stubbed answer.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { db } from '../../../../src/client/db/schema';
import { moduleContent, renderRoute, resetLearner, signInAs } from './render';

const MODULE = 'online-safety';
const NOT_SAVED = 'This could not be saved. What you entered is still here: please try again.';
const diskError = () => Object.assign(new Error('The disk said no.'), { name: 'UnknownError' });

beforeEach(async () => {
  await resetLearner();
  vi.restoreAllMocks();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

async function openLesson() {
  const lesson = moduleContent(MODULE).lessons[0]!;
  await renderRoute(`/modules/${MODULE}/lessons/${lesson.id}`);
  // The lesson route and its strings load lazily: the first one in a run takes over a second on a busy machine.
  await screen.findByRole('heading', { level: 1, name: lesson.title }, { timeout: 10_000 });
  // Opening the lesson is recorded first; the failures below are the person's own writes.
  await waitFor(async () => expect(await db().statements.count()).toBeGreaterThan(0));
}

describe('a write that fails', () => {
  it('completing a lesson: says so, and completes on the next try', async () => {
    const user = userEvent.setup();
    await openLesson();
    vi.spyOn(db().statements, 'bulkAdd').mockRejectedValueOnce(diskError());
    await user.click(screen.getByRole('button', { name: 'Mark lesson as complete' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NOT_SAVED);
    await user.click(screen.getByRole('button', { name: 'Mark lesson as complete' }));
    expect(await screen.findByText('Well done! You completed this lesson.')).toBeInTheDocument();
  });

  it('saving a note: says so and keeps the text, marked unsaved, for the next try', async () => {
    const user = userEvent.setup();
    await openLesson();
    const note = screen.getByRole('textbox', { name: /Your notes on this lesson/ });
    await user.type(note, 'Ask the patron to call the bank back.');
    vi.spyOn(db().statements, 'bulkAdd').mockRejectedValueOnce(diskError());
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NOT_SAVED);
    expect(note).toHaveValue('Ask the patron to call the bank back.');
    expect(screen.getByText('Not saved yet')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('finishing a quiz: says so, keeps the attempt on its last question, and shows the result on the next try', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}/quiz`);
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }, { timeout: 10_000 }));
    const progress = await screen.findByRole('heading', { level: 2, name: /^Question 1 of \d+$/ });
    const total = Number(/of (\d+)$/.exec(progress.textContent ?? '')?.[1]);
    for (let step = 1; step <= total; step++) {
      await screen.findByRole('heading', { level: 2, name: `Question ${step} of ${total}` });
      const group = screen.getByRole('group');
      // Any answer will do; an order question is answered as shown.
      const choice = within(group).queryAllByRole('radio')[0] ?? within(group).queryAllByRole('checkbox')[0];
      if (choice) await user.click(choice);
      const saved = await db().statements.count();
      await user.click(screen.getByRole('button', { name: 'Check answer' }));
      // The answer is on record before the next write can fail.
      await waitFor(async () => expect(await db().statements.count()).toBe(saved + 1));
      if (step < total) await user.click(screen.getByRole('button', { name: 'Next question' }));
    }
    vi.spyOn(db().statements, 'bulkAdd').mockRejectedValueOnce(diskError());
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(await screen.findByRole('alert')).toHaveTextContent(NOT_SAVED);
    expect(screen.getByRole('heading', { level: 2, name: `Question ${total} of ${total}` })).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'See my result' }));
    expect(await screen.findByRole('heading', { name: /^(You passed|Not passed yet)$/ })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).toBeNull();
  });

  it('an admin form: says why and keeps what the coordinator typed', async () => {
    const user = userEvent.setup();
    signInAs('coordinator', 'coord', 'Coordinator');
    await renderRoute('/admin', (url, init) => {
      if (url.pathname === '/api/cohorts' && init?.method === 'POST')
        return Response.json({ message: 'Database is down' }, { status: 500 });
      if (url.pathname === '/api/cohorts') return Response.json({ cohorts: [] });
      if (url.pathname === '/api/users') return Response.json({ users: [] });
      return undefined;
    });
    // The administration page and its strings load lazily: on a busy machine that takes more than a second.
    const section = (await screen.findByRole('heading', { name: 'New cohort' }, { timeout: 10_000 })).closest('section')!;
    const name = within(section).getByRole('textbox', { name: 'Name of the cohort' });
    await user.type(name, 'Riga, spring');
    await user.click(within(section).getByRole('button', { name: 'Create cohort' }));
    // The form's alert region may be there, still empty, before the server has answered.
    await waitFor(() =>
      expect(within(section).getByRole('alert')).toHaveTextContent('Something went wrong on the server. Try again later.'),
    );
    expect(name).toHaveValue('Riga, spring');
  });
});
