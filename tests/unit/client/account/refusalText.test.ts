/* A record the server refused is explained in the person's language, from the answer the sync engine kept. */
import { describe, expect, it } from 'vitest';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { refusalText } from '../../../../src/client/features/account/refusalText';

describe('why the server refused a record', () => {
  it('names a note over the limit, a record the account may not write, a clash and a malformed record', async () => {
    const i18n = await initI18n('en');
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    const noteTooLong =
      '400 {"error":"note-too-long","message":"statements[0].result.response: a note may be at most 10000 characters long"}';
    expect(refusalText(t, noteTooLong)).toBe('A note longer than 10000 characters. Copy what you need from it into shorter notes.');
    expect(refusalText(t, '403 {"error":"actor-not-allowed","message":"…"}')).toBe('Your account may not write this record.');
    expect(refusalText(t, '409 {"error":"Conflict","message":"…"}')).toBe(
      'The server already holds a different record with the same identifier.',
    );
    expect(refusalText(t, '400 {"error":"Bad Request","message":"statements[0].verb: required"}')).toBe(
      'The server found this record incomplete or malformed.',
    );
  });

  it('says the status when the answer is not one it knows, and when it is not JSON', async () => {
    const i18n = await initI18n('en');
    await i18n.changeLanguage('en');
    const t = i18n.t.bind(i18n);
    expect(refusalText(t, '413 Payload Too Large')).toBe('The server refused it (error 413).');
    expect(refusalText(t, '')).toBe('The server refused it (error ?).');
  });

  it('speaks Latvian to a Latvian learner', async () => {
    const i18n = await initI18n('en');
    await i18n.changeLanguage('lv');
    const t = i18n.t.bind(i18n);
    expect(refusalText(t, '400 {"error":"note-too-long","message":"…"}')).toBe(
      'Piezīme ir garāka par 10000 rakstzīmēm. Pārkopējiet vajadzīgo īsākās piezīmēs.',
    );
    await i18n.changeLanguage('en');
  });
});
