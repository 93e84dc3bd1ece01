/* The account page lists the records the server refused, each with its reason in the person's words. */
import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeEach, describe, expect, it } from 'vitest';
import { db } from '../../../../src/client/db/schema';
import { renderRoute, resetLearner, signInAs } from './render';

beforeEach(async () => {
  await resetLearner();
});

describe('records the server refused', () => {
  it('says a note was too long, and keeps the server’s words folded away', async () => {
    signInAs('mentor', 'ivo', 'Ivo');
    const serverWords =
      '400 {"error":"note-too-long","message":"statements[0].result.response: a note may be at most 10000 characters long"}';
    await db().statements.add({
      id: '8f0c1e32-8d43-4c7e-9a52-0b6f4f3c9d11',
      moduleId: 'online-safety',
      timestamp: '2026-12-01T10:00:00.000Z',
      synced: 2,
      problem: serverWords,
      statement: {
        id: '8f0c1e32-8d43-4c7e-9a52-0b6f4f3c9d11',
        actor: { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'ivo' } },
        verb: { id: 'https://biblio.example/xapi/verbs/noted', display: { en: 'noted' } },
        object: { objectType: 'Activity', id: 'https://biblio.example/modules/online-safety/lessons/passwords' },
        timestamp: '2026-12-01T10:00:00.000Z',
      },
    });
    await renderRoute('/account');
    const section = await screen.findByRole('region', { name: 'Records the server did not accept' });
    expect(section).toHaveTextContent('A note longer than 10000 characters. Copy what you need from it into shorter notes.');
    const details = within(section).getByText("The server's words");
    expect(within(section).getByText(serverWords)).not.toBeVisible();
    await userEvent.setup().click(details);
    expect(within(section).getByText(serverWords)).toBeVisible();
  });
});
