/*
 * The people of the access and mentoring tests, in two cohorts: anna and ben learn in cohort A
 * (mentor ivo), carl in cohort B (mentor mara); dace is the coordinator.
 */
import { addLearner, addMentor, createCohort } from '../../../src/server/store/cohorts';
import { makeUser, type Session, type TestServer } from './server';

export type Person = 'anna' | 'ben' | 'carl' | 'ivo' | 'mara' | 'dace';
export type TwoCohorts = { people: Record<Person, Session>; cohortA: string; cohortB: string };

const PEOPLE = [
  ['anna', 'learner'],
  ['ben', 'learner'],
  ['carl', 'learner'],
  ['ivo', 'mentor'],
  ['mara', 'mentor'],
  ['dace', 'coordinator'],
] as const;

export async function twoCohorts(server: TestServer): Promise<TwoCohorts> {
  const db = server.ctx.store.db;
  const people = {} as Record<Person, Session>;
  for (const [login, role] of PEOPLE) people[login] = await makeUser(server, login, role);
  const cohortA = (await createCohort(db, 'A')).id;
  const cohortB = (await createCohort(db, 'B')).id;
  await addLearner(db, cohortA, people.anna.userId);
  await addLearner(db, cohortA, people.ben.userId);
  await addLearner(db, cohortB, people.carl.userId);
  await addMentor(db, cohortA, people.ivo.userId);
  await addMentor(db, cohortB, people.mara.userId);
  return { people, cohortA, cohortB };
}
