/* A server too busy to check a password (503, error `busy`) is told to the person in their language. */
import { afterEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { api, ApiError } from '../../../../src/client/api/client';
import { apiErrorMessage } from '../../../../src/client/ui/apiErrorMessage';
import { initI18n, loadStringGroups } from '../../../../src/client/i18n/i18n';

describe('a busy server', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is a sign-in error of its own, in the person’s language', async () => {
    // The network is the edge of the world: the server's 503 answer, as it sends it.
    vi.stubGlobal('fetch', () =>
      Promise.resolve(
        new Response(JSON.stringify({ error: 'busy', message: 'The server is busy checking passwords.' }), {
          status: 503,
          headers: { 'content-type': 'application/json', 'retry-after': '1' },
        }),
      ),
    );
    const failure: unknown = await api.signIn({ login: 'anna', password: 'anna password' }).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).reason).toBe('busy');
    await initI18n('lv');
    await loadStringGroups(['people']);
    expect(apiErrorMessage(i18next.t, failure)).toBe('Serveris ir aizņemts. Pagaidiet brīdi un mēģiniet vēlreiz.');
  });
});
