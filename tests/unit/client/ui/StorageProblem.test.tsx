/*
 * The storage-full banner: statements that could not be written are counted in plain words,
 * and "Try again" writes them to the device.
 */
import { render, screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { act } from 'react';
import { beforeEach, describe, expect, it } from 'vitest';
import { StorageProblem } from '../../../../src/client/ui/StorageProblem';
import { keepUnsaved } from '../../../../src/client/db/storage';
import { closeDatabase, db } from '../../../../src/client/db/schema';
import { initI18n } from '../../../../src/client/i18n/i18n';
import { buildStatement } from '../../../../src/shared/xapi/build';

const lesson = { moduleId: 'online-safety', lessonId: 'recognising-scam-messages', moduleVersion: 1, locale: 'en' };

beforeEach(async () => {
  closeDatabase();
  await db().delete();
  closeDatabase();
  localStorage.clear();
  await initI18n('en');
});

describe('storage full', () => {
  it('says how many changes wait and writes them on "Try again"', async () => {
    const user = userEvent.setup();
    const env = {
      base: 'https://library.test/xapi',
      actor: { objectType: 'Agent' as const, name: 'Guest' },
      timestamp: new Date().toISOString(),
    };
    const statement = buildStatement.completedLesson({ ...env, id: crypto.randomUUID() }, lesson);
    render(<StorageProblem />);
    expect(screen.queryByRole('alert')).toBeNull();
    act(() =>
      keepUnsaved(db().name, [{ id: statement.id, moduleId: lesson.moduleId, timestamp: statement.timestamp, synced: 0, statement }]),
    );
    expect(screen.getByRole('alert')).toHaveTextContent(
      'This device is out of storage space. 1 change could not be saved to the device yet.',
    );
    await user.click(screen.getByRole('button', { name: 'Try again' }));
    await waitFor(async () => expect(await db().statements.get(statement.id)).toMatchObject({ synced: 0, moduleId: lesson.moduleId }));
    expect(screen.queryByRole('alert')).toBeNull();
    expect((await db().lessons.get([lesson.moduleId, lesson.lessonId]))?.completed).toBe(true);
  });
});
