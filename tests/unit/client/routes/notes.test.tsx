/*
 * Lesson notes have a length limit said while typing, and a long note (one saved before the
 * limit, say) stays whole on the device but shows collapsed in My learning.
 */
import { fireEvent, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { saveNote } from '../../../../src/client/db/actions';
import { db } from '../../../../src/client/db/schema';
import { NOTE_MAX_LENGTH } from '../../../../src/shared/learning/notes';
import { moduleContent, renderRoute, resetLearner } from './render';

const MODULE = 'online-safety';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const noteStatements = async () => (await db().statements.toArray()).filter((row) => row.statement.verb.id.endsWith('/noted')).length;

describe('a lesson note', () => {
  it('says how far over the limit it is, and is not saved until it fits', async () => {
    const user = userEvent.setup();
    const lesson = moduleContent(MODULE).lessons[0]!;
    await renderRoute(`/modules/${MODULE}/lessons/${lesson.id}`);
    const note = await screen.findByRole('textbox', { name: /Your notes on this lesson/ });
    const before = await noteStatements();
    fireEvent.change(note, { target: { value: 'x'.repeat(NOTE_MAX_LENGTH + 1) } });
    expect(note).toHaveAttribute('aria-invalid', 'true');
    expect(note).toHaveAccessibleDescription(/This note is 1 character over the limit of 10,000\. Shorten it to save it\./);
    expect(screen.getByText('Characters used: 10,001 of 10,000')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(screen.getByText('Not saved yet')).toBeInTheDocument();
    expect(await noteStatements()).toBe(before);

    fireEvent.change(note, { target: { value: 'x'.repeat(NOTE_MAX_LENGTH) } });
    expect(note).not.toHaveAttribute('aria-invalid');
    await user.click(screen.getByRole('button', { name: 'Save note' }));
    expect(await screen.findByText('Saved on this device')).toBeInTheDocument();
    expect(await noteStatements()).toBe(before + 1);
  });
});

describe('My learning', () => {
  it('shows the start of a very long note, and all of it on request', async () => {
    const user = userEvent.setup();
    const content = moduleContent(MODULE);
    const lesson = content.lessons[0]!;
    const long = `Start of my note. ${'word '.repeat(87_000)}The end.`;
    await saveNote({ moduleId: MODULE, moduleVersion: content.version, locale: lesson.locale, lessonId: lesson.id }, long);
    await renderRoute('/learning');
    const toggle = await screen.findByRole('button', { name: 'Show the whole note' });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    const shown = document.getElementById(toggle.getAttribute('aria-controls') ?? '')!;
    expect(shown.textContent).toMatch(/^Start of my note\./);
    expect(shown.textContent!.length).toBeLessThan(700);
    await user.click(toggle);
    expect(screen.getByRole('button', { name: 'Show less' })).toHaveAttribute('aria-expanded', 'true');
    await waitFor(() => expect(shown.textContent).toBe(long));
  });
});
