/*
 * The steps of an order question keep the keyboard focus on the moved step. A move can come
 * before React has run the effects of the render that showed the question (it came from a saved
 * promise, and a learner, a screen reader or a test acts on what is painted): the focus must
 * still follow the move, not land on a button that the move has just disabled.
 */
import { useEffect, useState } from 'react';
import { fireEvent, render, screen, waitFor } from '@testing-library/react';
import { beforeAll, describe, expect, it } from 'vitest';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { QuestionInput } from '../../../../src/client/features/quiz/QuestionInput';
import type { QuizQuestion } from '../../../../src/shared/content/compiled';
import type { QuizResponse } from '../../../../src/shared/learning/quiz';

const question: QuizQuestion = {
  id: 'steps',
  type: 'order',
  text: 'Put the steps in order.',
  explanation: 'First the bank, then the police.',
  options: [
    { id: 'bank', text: 'Call the bank' },
    { id: 'police', text: 'Report to the police' },
    { id: 'friends', text: 'Warn your friends' },
  ],
};

/** Shows the question from a timer, outside React's test batching, as a saved promise would. */
function Later() {
  const [shown, setShown] = useState(false);
  const [response, setResponse] = useState<QuizResponse | undefined>();
  useEffect(() => {
    const timer = setTimeout(() => setShown(true), 0);
    return () => clearTimeout(timer);
  }, []);
  if (!shown) return null;
  return (
    <QuestionInput
      question={question}
      order={['bank', 'police', 'friends']}
      response={response}
      checked={false}
      lang={undefined}
      onChange={setResponse}
      onAnnounce={() => undefined}
    />
  );
}

/** The move buttons as soon as they are in the document: in the same task as the commit, before its effects. */
function whenPainted(): Promise<void> {
  return new Promise((resolve) => {
    const observer = new MutationObserver(() => {
      if (!document.querySelector('.quiz-order__move')) return;
      observer.disconnect();
      resolve();
    });
    observer.observe(document.body, { childList: true, subtree: true });
  });
}

describe('the steps of an order question', () => {
  beforeAll(async () => {
    await initI18n('en');
  });

  it('keep the focus on a step moved to the top at once, on its one button still open', async () => {
    const painted = whenPainted();
    render(<Later />);
    await painted;
    fireEvent.click(screen.getByRole('button', { name: 'Move “Report to the police” up' }));
    expect(screen.getAllByRole('listitem').map((item) => item.textContent)).toEqual([
      expect.stringContaining('Report to the police'),
      expect.stringContaining('Call the bank'),
      expect.stringContaining('Warn your friends'),
    ]);
    await waitFor(() => expect(screen.getByRole('button', { name: 'Move “Report to the police” down' })).toHaveFocus());
  });
});
