/*
 * Focus after navigation: the new page's heading gets focus once it renders, unless the
 * person has already moved focus themselves while the page was loading.
 */
import { act, render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useEffect, useState } from 'react';
import { Link, MemoryRouter, Route, Routes } from 'react-router';
import { describe, expect, it } from 'vitest';
import { useFocusOnNavigate } from '../../../../src/client/app/useFocusOnNavigate';

/** A page whose heading appears only when the test says its data has come. */
let showHeading: () => void = () => undefined;
function SlowPage() {
  const [ready, setReady] = useState(false);
  useEffect(() => {
    showHeading = () => setReady(true);
  }, []);
  return (
    <>
      <input aria-label="Search" />
      {ready && <h1>Quiz</h1>}
    </>
  );
}

function App() {
  useFocusOnNavigate();
  return (
    <main>
      <Routes>
        <Route path="/" element={<Link to="/quiz">Open the quiz</Link>} />
        <Route path="/quiz" element={<SlowPage />} />
      </Routes>
    </main>
  );
}

const renderApp = () =>
  render(
    <MemoryRouter initialEntries={['/']}>
      <App />
    </MemoryRouter>,
  );

describe('focus after navigation', () => {
  it('moves focus to the heading once the page renders it', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('link', { name: 'Open the quiz' }));
    act(() => showHeading());
    await waitFor(() => expect(screen.getByRole('heading', { name: 'Quiz' })).toHaveFocus());
  });

  it('leaves focus where the person put it while the page was loading', async () => {
    const user = userEvent.setup();
    renderApp();
    await user.click(screen.getByRole('link', { name: 'Open the quiz' }));
    const search = screen.getByRole('textbox', { name: 'Search' });
    await user.click(search);
    act(() => showHeading());
    // Several frames pass: the heading is there, yet focus stays in the field.
    await new Promise((resolve) => setTimeout(resolve, 100));
    expect(screen.getByRole('heading', { name: 'Quiz' })).toBeInTheDocument();
    expect(search).toHaveFocus();
  });
});
