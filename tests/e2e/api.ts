/*
 * The server's HTTP API as the tests use it to arrange things and to check what the server
 * holds: the first coordinator, cohorts, invite codes and accounts are made through /api,
 * exactly as the app or a coordinator would; the statements a learner's device sent are read
 * back through /xapi with the coordinator's login (HTTP Basic), following `more`.
 *
 * The e2e server's database is shared by every test file, so each test makes its own
 * logins (`uniqueLogin`); the first coordinator can exist only once per database, so it has
 * fixed credentials: made by whoever needs it first, signed in to afterwards.
 */
import { randomBytes } from 'node:crypto';
import type { Agent, Statement } from '../../src/shared/xapi/types';

export const APP_HEADERS = { 'X-Requested-With': 'biblio-study', 'Content-Type': 'application/json' } as const;
export const XAPI_HEADERS = { 'X-Experience-API-Version': '1.0.3' } as const;

export type Credentials = { login: string; password: string };
export type Account = Credentials & { name: string; userId: string; agent: Agent };

export const COORDINATOR: Credentials & { name: string } = {
  name: 'E2E Coordinator',
  login: 'e2e-coordinator',
  password: 'e2e coordinator passphrase',
};

/** A login no other test (or earlier run on the same database) has used. */
export function uniqueLogin(prefix: string): string {
  return `${prefix}-${Date.now().toString(36)}-${randomBytes(3).toString('hex')}`;
}

/** Credentials for a new learner; the password is long enough for the server's rule. */
export function newPerson(prefix: string): Credentials & { name: string } {
  const login = uniqueLogin(prefix);
  return { name: `Learner ${login}`, login, password: `pass phrase for ${login}` };
}

function basic({ login, password }: Credentials): string {
  return `Basic ${Buffer.from(`${login}:${password}`).toString('base64')}`;
}

async function failure(response: Response, what: string): Promise<Error> {
  return new Error(`${what}: HTTP ${response.status} ${await response.text().catch(() => '')}`);
}

type SignedIn = { user: { id: string; login: string; name: string; role: string }; agent: Agent };

export class ServerApi {
  private coordinatorCookie: string | undefined;

  constructor(readonly baseURL: string) {}

  private url(path: string): string {
    return new URL(path, this.baseURL).href;
  }

  /**
   * Signs the fixed first coordinator in, creating it through POST /api/setup when the
   * database has none yet. Remembers the session cookie for the coordinator's requests.
   */
  async coordinator(): Promise<Credentials> {
    if (this.coordinatorCookie) return COORDINATOR;
    const status = await fetch(this.url('/api/setup'));
    if (!status.ok) throw await failure(status, 'GET /api/setup');
    const { needsSetup } = (await status.json()) as { needsSetup: boolean };
    const response = needsSetup
      ? await fetch(this.url('/api/setup'), { method: 'POST', headers: APP_HEADERS, body: JSON.stringify(COORDINATOR) })
      : await fetch(this.url('/api/login'), {
          method: 'POST',
          headers: APP_HEADERS,
          body: JSON.stringify({ login: COORDINATOR.login, password: COORDINATOR.password }),
        });
    if (!response.ok) {
      throw await failure(
        response,
        needsSetup
          ? 'Creating the first coordinator'
          : `Signing in as ${COORDINATOR.login} (a coordinator exists already: was it made with other credentials than tests/e2e/api.ts's?)`,
      );
    }
    this.coordinatorCookie = sessionCookie(response);
    return COORDINATOR;
  }

  private async asCoordinator(method: 'GET' | 'POST', path: string, body?: unknown): Promise<unknown> {
    await this.coordinator();
    const response = await fetch(this.url(path), {
      method,
      headers: { ...APP_HEADERS, Cookie: this.coordinatorCookie ?? '' },
      ...(body === undefined ? {} : { body: JSON.stringify(body) }),
    });
    if (!response.ok) throw await failure(response, `${method} ${path} as the coordinator`);
    return response.status === 204 ? undefined : response.json();
  }

  async createCohort(name: string): Promise<{ id: string; name: string }> {
    const { cohort } = (await this.asCoordinator('POST', '/api/cohorts', { name })) as { cohort: { id: string; name: string } };
    return cohort;
  }

  async createInvite(cohortId: string, maxUses = 5, role: 'learner' | 'mentor' = 'learner'): Promise<string> {
    const { invite } = (await this.asCoordinator('POST', `/api/cohorts/${encodeURIComponent(cohortId)}/invites`, {
      role,
      maxUses,
      expiresInDays: 1,
    })) as { invite: { code: string } };
    return invite.code;
  }

  /** A new cohort with an invite code for learners (one cohort per test keeps tests apart). */
  async cohortWithInvite(prefix: string, maxUses = 5): Promise<{ cohortId: string; cohortName: string; invite: string }> {
    const cohort = await this.createCohort(`${prefix} ${uniqueLogin('cohort')}`);
    return { cohortId: cohort.id, cohortName: cohort.name, invite: await this.createInvite(cohort.id, maxUses) };
  }

  /** A face-to-face event (its reaction survey shows on /hours for the cohort's learners from its date on). */
  async createEvent(cohortId: string | null, title: string, date: string): Promise<{ id: string }> {
    return (await this.asCoordinator('POST', '/api/events', { cohortId, title, date })) as { id: string };
  }

  /** Signs a learner up with an invite code through the API (the UI sign-up is tested on its own). */
  async signUp(invite: string, person: Credentials & { name: string }): Promise<Account> {
    const response = await fetch(this.url('/api/signup'), {
      method: 'POST',
      headers: APP_HEADERS,
      body: JSON.stringify({ inviteCode: invite, ...person }),
    });
    if (response.status !== 201) throw await failure(response, `Signing ${person.login} up`);
    const body = (await response.json()) as SignedIn;
    return { ...person, userId: body.user.id, agent: body.agent };
  }

  /** Records statements as this person, as their other device would (their session, POST /xapi/statements). */
  async recordAs(person: Credentials, statements: Statement[]): Promise<void> {
    const login = await fetch(this.url('/api/login'), {
      method: 'POST',
      headers: APP_HEADERS,
      body: JSON.stringify({ login: person.login, password: person.password }),
    });
    if (!login.ok) throw await failure(login, `Signing ${person.login} in`);
    const response = await fetch(this.url('/xapi/statements'), {
      method: 'POST',
      headers: { ...APP_HEADERS, ...XAPI_HEADERS, Cookie: sessionCookie(login) },
      body: JSON.stringify(statements),
    });
    if (!response.ok) throw await failure(response, `POST /xapi/statements as ${person.login}`);
  }

  /**
   * Every statement the server holds with this agent as actor (or object), read over HTTP
   * Basic, as an xAPI tool would, following `more`: with the coordinator's credentials, or the
   * `reader`'s (a learner reading their own, private notes included, which others never see).
   */
  async statementsOf(agent: Agent, reader?: Credentials): Promise<Statement[]> {
    const credentials = reader ?? (await this.coordinator());
    const query = new URLSearchParams({ agent: JSON.stringify(agent), ascending: 'true', limit: '200' });
    const statements: Statement[] = [];
    for (let next = `/xapi/statements?${query}`; next;) {
      const response = await fetch(this.url(next), { headers: { ...XAPI_HEADERS, Authorization: basic(credentials) } });
      if (!response.ok) throw await failure(response, `GET ${next}`);
      const page = (await response.json()) as { statements: Statement[]; more?: string };
      statements.push(...page.statements);
      next = page.more ?? '';
    }
    return statements;
  }
}

/** `name=value` of the session cookie a response set. */
export function sessionCookie(response: Response): string {
  const cookie = response.headers.getSetCookie().find((header) => header.startsWith('biblio_session='));
  if (!cookie) throw new Error(`No session cookie in the answer to ${response.url} (HTTP ${response.status})`);
  return cookie.split(';')[0] ?? '';
}
