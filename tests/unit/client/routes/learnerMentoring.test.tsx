import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { moduleContent, renderRoute, resetLearner } from './render';
import { db } from '../../../../src/client/db/schema';
import { completeLesson, finishQuiz } from '../../../../src/client/db/actions';
import { storePulled } from '../../../../src/client/db/outbox';
import { buildStatement } from '../../../../src/shared/xapi/build';
import { currentActor, setSignedInAccount, xapiBase } from '../../../../src/client/db/identity';
import { rememberReviewers } from '../../../../src/client/db/reviewers';
import { agentKey } from '../../../../src/shared/xapi/canonical';
import { verbName } from '../../../../src/shared/xapi/verbs';

const MODULE = 'digitising-local-heritage';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const mentor = { objectType: 'Agent' as const, name: 'Ivo Mentor', account: { homePage: 'https://library.test', name: 'ivo' } };

async function submissions() {
  return (await db().statements.toArray()).filter((r) => verbName(r.statement.verb.id) === 'submitted');
}

describe('a learner’s practical assignment', () => {
  it('is written and submitted offline: it waits in the outbox and shows as waiting for review', async () => {
    const user = userEvent.setup();
    await renderRoute(`/modules/${MODULE}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Practical assignment' })).closest('section')!;
    expect(await within(section).findByText('Not submitted yet.')).toBeInTheDocument();

    await user.type(within(section).getByRole('textbox', { name: 'Your work' }), 'I scanned ten postcards.');
    await user.click(within(section).getByRole('button', { name: 'Submit for review' }));

    expect(await within(section).findByText("Waiting for your mentor's review.")).toBeInTheDocument();
    const [sent] = await submissions();
    expect(sent?.synced).toBe(0);
    expect(sent?.statement.result?.response).toBe('I scanned ten postcards.');
  });

  it('shows the mentor’s comment when their review arrives with a sync, and can be resubmitted', async () => {
    const user = userEvent.setup();
    // The device knows who may review this learner (GET /api/me/reviewers, kept offline).
    await rememberReviewers([agentKey(mentor) ?? '']);
    await renderRoute(`/modules/${MODULE}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'Practical assignment' })).closest('section')!;
    await user.type(await within(section).findByRole('textbox', { name: 'Your work' }), 'First version.');
    await user.click(within(section).getByRole('button', { name: 'Submit for review' }));
    await within(section).findByText("Waiting for your mentor's review.");

    const [submission] = await submissions();
    const review = buildStatement.review(
      { base: xapiBase, actor: mentor, id: crypto.randomUUID(), timestamp: new Date(Date.now() + 1000).toISOString() },
      { statementId: submission!.id, moduleId: MODULE },
      currentActor(),
      false,
      'Please add the rights notes for each item.',
    );
    await storePulled(db(), [review]);

    expect(await within(section).findByText(/Returned for revision/)).toBeInTheDocument();
    expect(within(section).getByText('Please add the rights notes for each item.')).toBeInTheDocument();
    expect(within(section).getByText(/Ivo Mentor wrote on/)).toBeInTheDocument();

    const editor = within(section).getByRole('textbox', { name: 'Your work' });
    expect(editor).toHaveValue('First version.');
    await user.type(editor, ' With rights notes.');
    await user.click(within(section).getByRole('button', { name: 'Submit the new version' }));
    expect(await within(section).findByText("Waiting for your mentor's review.")).toBeInTheDocument();
    expect(await submissions()).toHaveLength(2);
  });

  it('counts only reviews by someone the server says may review the learner', async () => {
    const user = userEvent.setup();
    const anna = { objectType: 'Agent' as const, account: { homePage: xapiBase, name: 'anna' } };
    setSignedInAccount({ id: 'anna', login: 'anna', name: 'Anna', role: 'learner', actor: anna });
    const asked: string[] = [];
    await renderRoute(`/modules/${MODULE}`, (url) => {
      asked.push(url.pathname);
      return url.pathname === '/api/me/reviewers'
        ? new Response(JSON.stringify({ reviewers: [agentKey(mentor)] }), { headers: { 'Content-Type': 'application/json' } })
        : undefined;
    });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Practical assignment' })).closest('section')!;
    await user.type(await within(section).findByRole('textbox', { name: 'Your work' }), 'My work.');
    await user.click(within(section).getByRole('button', { name: 'Submit for review' }));
    await within(section).findByText("Waiting for your mentor's review.");

    const [submission] = await submissions();
    const reviewBy = (actor: typeof mentor, accepted: boolean, later: number) =>
      buildStatement.review(
        { base: xapiBase, actor, id: crypto.randomUUID(), timestamp: new Date(Date.now() + later).toISOString() },
        { statementId: submission!.id, moduleId: MODULE },
        anna,
        accepted,
        accepted ? 'Fine by me.' : 'Please add the rights notes.',
      );
    const stranger = { ...mentor, name: 'Mara Other', account: { homePage: mentor.account.homePage, name: 'mara' } };
    // The mentor returns it; later, a mentor of another cohort and the learner "accept" it: neither counts.
    await storePulled(db(), [
      reviewBy(mentor, false, 1000),
      reviewBy(stranger, true, 2000),
      reviewBy({ ...anna, name: 'Anna' }, true, 3000),
    ]);
    expect(await within(section).findByText(/Returned for revision/)).toBeInTheDocument();
    expect(within(section).queryByText('Accepted by your mentor.')).toBeNull();
    expect(within(section).queryByText('Fine by me.')).toBeNull();
    expect(asked).toContain('/api/me/reviewers');
    setSignedInAccount(null);
  });
});

describe('who may review, on the device', () => {
  it('asks the server again when a review by someone it does not know yet arrives (the page opened offline)', async () => {
    const user = userEvent.setup();
    const bea = { objectType: 'Agent' as const, account: { homePage: xapiBase, name: 'bea' } };
    setSignedInAccount({ id: 'bea', login: 'bea', name: 'Bea', role: 'learner', actor: bea });
    let reachable = false;
    await renderRoute(`/modules/${MODULE}`, (url) => {
      if (url.pathname !== '/api/me/reviewers') return undefined;
      return reachable
        ? new Response(JSON.stringify({ reviewers: [agentKey(mentor)] }), { headers: { 'Content-Type': 'application/json' } })
        : new Response('{}', { status: 503 });
    });
    const section = (await screen.findByRole('heading', { level: 2, name: 'Practical assignment' })).closest('section')!;
    await user.type(await within(section).findByRole('textbox', { name: 'Your work' }), 'Written offline.');
    await user.click(within(section).getByRole('button', { name: 'Submit for review' }));
    await within(section).findByText("Waiting for your mentor's review.");
    const [submission] = await submissions();

    // Back online: the sync brings the mentor's review; the device learns who may review and counts it.
    reachable = true;
    const review = buildStatement.review(
      { base: xapiBase, actor: mentor, id: crypto.randomUUID(), timestamp: new Date(Date.now() + 1000).toISOString() },
      { statementId: submission!.id, moduleId: MODULE },
      bea,
      false,
      'Please add the rights notes.',
    );
    await storePulled(db(), [review]);
    expect(await within(section).findByText(/Returned for revision/)).toBeInTheDocument();
    setSignedInAccount(null);
  });
});

describe('learning hours', () => {
  it('explains each mistake in the learner’s language and logs a valid entry', async () => {
    const user = userEvent.setup();
    await renderRoute('/hours');
    await screen.findByRole('heading', { level: 1, name: 'Learning hours' });
    const form = screen.getByRole('form', { name: 'Log hours' });
    const date = within(form).getByLabelText('Date');
    await user.clear(date);
    await user.type(date, '2999-01-01');
    await user.type(within(form).getByRole('spinbutton', { name: /Hours/ }), '30');
    await user.click(within(form).getByRole('button', { name: 'Log the hours' }));

    expect(await within(form).findByText('Please correct 4 fields.')).toBeInTheDocument();
    expect(within(form).getByText('The date cannot be in the future.')).toBeInTheDocument();
    expect(within(form).getByText('Choose a category.')).toBeInTheDocument();
    expect(within(form).getByText('Enter a number of hours from 0.25 to 24.')).toBeInTheDocument();
    expect(within(form).getByText('Describe what you did.')).toBeInTheDocument();
    expect(within(form).getByRole('spinbutton', { name: /Hours/ })).toHaveAttribute('aria-invalid', 'true');

    await user.clear(date);
    await user.type(date, '2024-03-05');
    await user.selectOptions(within(form).getByRole('combobox', { name: 'Category' }), 'Work-based learning');
    await user.clear(within(form).getByRole('spinbutton', { name: /Hours/ }));
    await user.type(within(form).getByRole('spinbutton', { name: /Hours/ }), '2.5');
    await user.type(within(form).getByRole('textbox', { name: 'What you did' }), 'Helped patrons with e-signatures.');
    await user.click(within(form).getByRole('button', { name: 'Log the hours' }));

    const table = await screen.findByRole('table');
    const row = within(table).getByRole('row', { name: /Helped patrons/ });
    expect(row).toHaveTextContent('Work-based learning');
    expect(row).toHaveTextContent('2.5');
    expect(row).toHaveTextContent('Waiting for review');
    expect(screen.getByText(/2.5 hours waiting for your mentor/)).toBeInTheDocument();
    // The table's scroller has a name of its own and a tab stop, for keyboard users.
    expect(screen.getByRole('region', { name: 'Your entries, newest first' })).toHaveAttribute('tabindex', '0');
  });
});

describe('the reaction survey', () => {
  it('appears once the module is completed, needs every item, and shows it was answered', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    for (const lesson of content.lessons)
      await completeLesson({ moduleId: MODULE, moduleVersion: content.version, locale: 'en', lessonId: lesson.id });
    if (content.quiz)
      await finishQuiz(
        { moduleId: MODULE, moduleVersion: content.version, locale: 'en' },
        { attemptId: crypto.randomUUID(), raw: 5, max: 5, passMark: 50, activeMs: 0 },
      );

    await renderRoute(`/modules/${MODULE}`);
    const section = (await screen.findByRole('heading', { level: 2, name: 'How was this module?' })).closest('section')!;
    await user.click(
      within(within(section).getByRole('group', { name: 'The topic is relevant to my work.' })).getByRole('radio', { name: 'Fully agree' }),
    );
    await user.click(within(section).getByRole('button', { name: 'Send my answers' }));
    expect(await within(section).findByRole('alert')).toHaveTextContent('Please answer all four questions.');

    await user.click(
      within(within(section).getByRole('group', { name: 'The materials were useful.' })).getByRole('radio', { name: 'Agree' }),
    );
    await user.click(
      within(within(section).getByRole('group', { name: 'I will use this in my work.' })).getByRole('radio', {
        name: 'Neither agree nor disagree',
      }),
    );
    await user.click(
      within(within(section).getByRole('group', { name: 'Overall, I am satisfied.' })).getByRole('radio', { name: 'Fully agree' }),
    );
    await user.type(within(section).getByRole('textbox', { name: 'Comment (optional)' }), 'Очень полезно');
    await user.click(within(section).getByRole('button', { name: 'Send my answers' }));

    expect(await within(section).findByText(/Thank you. You answered this survey on/)).toBeInTheDocument();
    await waitFor(async () => {
      const answers = (await db().statements.toArray()).filter((r) => verbName(r.statement.verb.id) === 'responded');
      expect(answers).toHaveLength(1);
      expect(answers[0]!.statement.result?.response).toBe('Очень полезно');
    });
  });
});
