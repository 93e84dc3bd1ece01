/*
 * Passing the quiz usually completes a module (its lessons are read first): the result is
 * celebrated once, in a live region present from the start. The module file is replaced by one
 * with a one-question quiz before anything loads it (content is cached per file), so the test is
 * about what passing completes, not about answering.
 */
import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { completeLesson } from '../../../../src/client/db/actions';
import type { ModuleContent } from '../../../../src/shared/content/compiled';
import { moduleContent, renderRoute, replaceContentFile, resetLearner } from './render';

const MODULE = 'online-safety';
const content = moduleContent(MODULE);
let restore: () => void = () => undefined;

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
  const quiz: ModuleContent['quiz'] = {
    passMark: 100,
    questions: [{ id: 'tf', type: 'truefalse', text: 'Is this true?', explanation: 'It is.', answer: true }],
    fallback: false,
  };
  restore = replaceContentFile(`content/modules/${MODULE}/en.json`, { ...content, quiz });
});

afterEach(() => restore());

describe('passing the quiz', () => {
  it('celebrates the module when the passed quiz completes it, once', async () => {
    const user = userEvent.setup();
    for (const lesson of content.lessons)
      await completeLesson({ moduleId: MODULE, lessonId: lesson.id, moduleVersion: content.version, locale: 'en' });
    await renderRoute(`/modules/${MODULE}/quiz`);
    const region = () => screen.getAllByRole('status').find((el) => el.classList.contains('celebration-news'))!;
    await user.click(await screen.findByRole('button', { name: 'Start the quiz' }));
    const live = region();
    expect(live).toBeEmptyDOMElement();
    await user.click(await screen.findByRole('radio', { name: 'True' }));
    await user.click(screen.getByRole('button', { name: 'Check answer' }));
    await user.click(await screen.findByRole('button', { name: 'See my result' }));
    expect(await screen.findByRole('heading', { name: 'You passed' })).toBeInTheDocument();
    await waitFor(() => expect(live).toHaveTextContent(`Congratulations! You completed the module: ${content.title}`));
    // The same element all along, so screen readers hear the words when they arrive.
    expect(region()).toBe(live);

    // Another attempt is no new completion.
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await screen.findByRole('radio', { name: 'True' });
    expect(region()).toBeEmptyDOMElement();
  });
});
