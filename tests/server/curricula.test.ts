/*
 * The pathways a coordinator edits on the Modules page (PUT /api/curricula), on SQLite and
 * PostgreSQL: a change is stored and read back in its order; an unknown module, hours that are
 * not a number, an empty pathway and a misplaced prerequisite are each refused with the problem
 * code and field the page shows beside the field, and nothing is stored; only coordinators may.
 */
import { afterAll, describe, expect, it } from 'vitest';
import { seedModules } from '../../src/server/modules/service';
import type { CurriculumSource } from '../../src/shared/content/schema';
import { beforeAllOrFail, DATABASES } from './helpers/databases';
import { APP_HEADERS, makeUser, startTestServer, type Session, type TestServer } from './helpers/server';

type Problem = { file: string; code: string; params: Record<string, unknown> };
type Refusal = { error: string; problems: Problem[] };

describe.each(DATABASES)('pathways on %s', (kind) => {
  let server: TestServer;
  let coordinator: Session;
  let mentor: Session;
  let seeded: CurriculumSource[];

  beforeAllOrFail(async () => {
    server = await startTestServer(kind);
    await seedModules(server.ctx.store);
    coordinator = await makeUser(server, 'coord', 'coordinator');
    mentor = await makeUser(server, 'mentor', 'mentor');
    seeded = await read();
  });
  afterAll(async () => {
    await server?.close();
  });

  const headers = (session: Session | undefined) => ({ ...APP_HEADERS, ...(session ? { cookie: session.cookie } : {}) });
  async function read(): Promise<CurriculumSource[]> {
    const response = await server.app.inject({ method: 'GET', url: '/api/curricula', headers: headers(coordinator) });
    expect(response.statusCode).toBe(200);
    return response.json<{ curricula: CurriculumSource[] }>().curricula;
  }
  const put = (curricula: unknown, session: Session | null = coordinator) =>
    server.app.inject({ method: 'PUT', url: '/api/curricula', headers: headers(session ?? undefined), payload: { curricula } });
  /** The seeded pathways with the first one changed. */
  const withFirst = (change: (first: Record<string, unknown>) => Record<string, unknown>) => {
    const [first, ...rest] = structuredClone(seeded);
    return [change(first as unknown as Record<string, unknown>), ...rest];
  };
  async function refused(curricula: unknown): Promise<Problem[]> {
    const response = await put(curricula);
    expect(response.statusCode).toBe(422);
    const body = response.json<Refusal>();
    expect(body.error).toBe('curricula-refused');
    expect(await read()).toEqual(seeded);
    return body.problems;
  }

  it('reads the seeded pathways in the order of curricula.yaml', () => {
    expect(seeded.length).toBeGreaterThan(1);
    expect(seeded[0]?.id).toBe('community-engagement-communication-officer');
  });

  it('stores a pathway with a module removed, two moved and hours changed, and reads it back', async () => {
    const first = seeded[0]!;
    // online-safety has no prerequisite, so it may move up.
    const modules = first.modules.filter((id) => id !== 'digital-wellbeing-and-sustainability');
    const moved = ['online-safety', ...modules.filter((id) => id !== 'online-safety')];
    const changed = withFirst((c) => ({ ...c, modules: moved, hours: { ...first.hours, online: 150.5 } }));
    const response = await put(changed);
    expect(response.statusCode).toBe(200);
    expect(await read()).toEqual(changed);
    // Put back for the refusals below, which compare with the seed.
    expect((await put(seeded)).statusCode).toBe(200);
    expect(await read()).toEqual(seeded);
  });

  it('refuses a module the server does not have, naming it', async () => {
    const problems = await refused(withFirst((c) => ({ ...c, modules: [...(c.modules as string[]), 'no-such-module'] })));
    expect(problems).toContainEqual(
      expect.objectContaining({
        file: 'curricula.yaml',
        code: 'curriculumUnknownModule',
        params: expect.objectContaining({ module: 'no-such-module' }),
      }),
    );
  });

  it('refuses hours that are not a number, or below zero, at their field', async () => {
    // Only the field is checked: the validator reads zod's invalid_type without its input as fieldRequired.
    const notNumber = await refused(withFirst((c) => ({ ...c, hours: { online: 'many' } })));
    expect(notNumber).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ field: 'curricula.0.hours.online' }) }));
    const negative = await refused(withFirst((c) => ({ ...c, hours: { project: -4 } })));
    expect(negative).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ field: 'curricula.0.hours.project' }) }));
  });

  it('refuses an empty pathway', async () => {
    const problems = await refused(withFirst((c) => ({ ...c, modules: [] })));
    expect(problems).toContainEqual(expect.objectContaining({ params: expect.objectContaining({ field: 'curricula.0.modules' }) }));
  });

  it('refuses a module placed before its prerequisite', async () => {
    const problems = await refused(
      withFirst((c) => ({
        ...c,
        modules: [
          'online-public-services',
          'e-identity-and-e-signature',
          ...(c.modules as string[]).filter((id) => !['online-public-services', 'e-identity-and-e-signature'].includes(id)),
        ],
      })),
    );
    expect(problems).toContainEqual(expect.objectContaining({ code: 'curriculumOrder' }));
  });

  it('refuses a body without pathways, and anyone but a coordinator', async () => {
    expect((await put('not a list')).statusCode).toBe(400);
    expect((await put(seeded, mentor)).statusCode).toBe(403);
    expect((await put(seeded, null)).statusCode).toBe(401);
    expect((await server.app.inject({ method: 'GET', url: '/api/curricula', headers: headers(mentor) })).statusCode).toBe(403);
    expect(await read()).toEqual(seeded);
  });
});
