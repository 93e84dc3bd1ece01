/*
 * The home page's first screen (title and introduction) is the largest paint a learner waits
 * for on a slow phone: it shows in the app's first render, before the catalogue or the
 * learner's progress (and the database code behind it) are even requested.
 */
import { screen } from '@testing-library/react';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoute, resetLearner } from './render';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const requested = () => vi.mocked(fetch).mock.calls.map(([input]) => String(input));

describe('the home page on a first visit', () => {
  it('shows its title and introduction at once, then the progress once that screen is painted', async () => {
    await renderRoute('/');
    // The first render, with no waiting: no lazy chunk, no catalogue, no database between.
    expect(screen.getByRole('heading', { level: 1, name: 'Welcome to Biblio Study' })).toBeInTheDocument();
    expect(screen.getByText(/Study at your own pace, online or offline/)).toBeInTheDocument();
    expect(requested()).not.toContain('/content/catalog.json');
    expect(screen.queryByText(/You have not opened a lesson yet/)).not.toBeInTheDocument();

    // Then the learner's progress arrives below it, and the title stays (focus is never lost).
    // (The progress chunk is compiled on its first import here: the time limit is a hang guard.)
    const title = screen.getByRole('heading', { level: 1 });
    expect(await screen.findByText(/You have not opened a lesson yet/, undefined, { timeout: 10_000 })).toBeInTheDocument();
    expect(requested()).toContain('/content/catalog.json');
    expect(screen.getByRole('heading', { level: 1 })).toBe(title);
  });
});
