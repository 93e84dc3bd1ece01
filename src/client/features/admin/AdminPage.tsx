import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api, accountRules, type ApiUser, type Cohort, type Invite } from '../../api/client';
import type { Role } from '../../db/identity';
import { useSignedInAccount } from '../../db/identity';
import { paths } from '../../app/paths';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useFormat } from '../../i18n/format';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { FormProblems } from '../../ui/FormProblems';
import { PASSWORD_LENGTH } from '../../../shared/accounts/rules';
import { AdminSections } from './AdminSections';

type Data = { cohorts: Cohort[]; users: ApiUser[]; invites: Record<string, Invite[]> };

async function fetchAdminData(): Promise<Data> {
  const [{ cohorts }, { users }] = await Promise.all([api.cohorts(), api.users()]);
  const invites: Record<string, Invite[]> = {};
  for (const cohort of cohorts) invites[cohort.id] = (await api.invites(cohort.id)).invites;
  return { cohorts, users, invites };
}

/** The coordinator's tools: cohorts, invite codes, people, password resets. Needs a connection. */
export function AdminPage() {
  const { t } = useTranslation();
  usePageTitle(t('admin.title'));
  const account = useSignedInAccount();
  const [data, setData] = useState<Data | undefined>();
  const [error, setError] = useState('');
  const [notice, setNotice] = useState('');

  const load = useCallback(
    () =>
      fetchAdminData().then(
        (next) => {
          setData(next);
          setError('');
        },
        (failure: unknown) => setError(apiErrorMessage(t, failure)),
      ),
    [t],
  );

  useEffect(() => {
    if (account?.role !== 'coordinator') return;
    let live = true;
    fetchAdminData().then(
      (next) => live && setData(next),
      (failure: unknown) => live && setError(apiErrorMessage(t, failure)),
    );
    return () => {
      live = false;
    };
  }, [account, t]);

  /** Runs one change; a failure reaches the form that asked (which says it and keeps its fields). */
  const act = async (work: () => Promise<unknown>, done: string) => {
    setNotice('');
    await work();
    setNotice(done);
    setError('');
    await load();
  };

  if (account?.role !== 'coordinator') {
    return (
      <>
        <h1>{t('admin.title')}</h1>
        <p role="alert">{t('admin.onlyCoordinators')}</p>
        <p>
          <Link to={paths.signIn()}>{t('account.signInLink')}</Link>
        </p>
      </>
    );
  }

  return (
    <>
      <h1>{t('admin.title')}</h1>
      <AdminSections />
      <p role="status">{notice}</p>
      {error && (
        <p role="alert" className="field__error">
          {error}
        </p>
      )}
      <NewCohort onCreate={(name) => act(() => api.createCohort(name), t('admin.cohortCreated', { name }))} />
      {data?.cohorts.map((cohort) => (
        <CohortCard
          key={cohort.id}
          cohort={cohort}
          invites={data.invites[cohort.id] ?? []}
          users={data.users}
          onInvite={(role, maxUses, days) =>
            act(() => api.createInvite(cohort.id, { role, maxUses, expiresInDays: days }), t('admin.inviteCreated'))
          }
          onAdd={(role, userId) => act(() => api.addToCohort(cohort.id, role, userId), t('admin.personAdded'))}
        />
      ))}
      <People
        users={data?.users ?? []}
        onCreate={(user) => act(() => api.createUser(user), t('admin.userCreated', { login: user.login }))}
        onReset={(user, password) => act(() => api.resetPassword(user.id, password), t('admin.passwordReset', { login: user.login }))}
      />
    </>
  );
}

function NewCohort({ onCreate }: { onCreate: (name: string) => Promise<void> }) {
  const { t } = useTranslation();
  const [name, setName] = useState('');
  const [problem, setProblem] = useState('');
  const create = useAction(onCreate, { onDone: () => setName('') });
  const summary = useRef<HTMLDivElement>(null);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!accountRules.name(name)) {
      setProblem(t('admin.cohortNameRule'));
      create.clear();
      summary.current?.focus();
      return;
    }
    setProblem('');
    create.run(name.trim());
  };
  return (
    <section aria-labelledby="new-cohort-heading" className="card">
      <h2 id="new-cohort-heading">{t('admin.newCohort')}</h2>
      <FormProblems ref={summary} count={problem ? 1 : 0} error={create.error} />
      <form className="inline-group" onSubmit={submit} noValidate>
        <TextField label={t('admin.cohortName')} value={name} onChange={(e) => setName(e.target.value)} error={problem} />
        <button type="submit" disabled={create.status === 'running'}>
          {t('admin.createCohort')}
        </button>
      </form>
    </section>
  );
}

type CohortProps = {
  cohort: Cohort;
  invites: Invite[];
  users: ApiUser[];
  onInvite: (role: 'learner' | 'mentor', maxUses: number, days: number | null) => Promise<void>;
  onAdd: (role: 'learner' | 'mentor', userId: string) => Promise<void>;
};

function CohortCard({ cohort, invites, users, onInvite, onAdd }: CohortProps) {
  const { t } = useTranslation();
  const format = useFormat();
  const [role, setRole] = useState<'learner' | 'mentor'>('learner');
  const [maxUses, setMaxUses] = useState('30');
  const [days, setDays] = useState('30');
  const [problem, setProblem] = useState('');
  const [mentorId, setMentorId] = useState('');
  const mentors = users.filter((u) => u.role === 'mentor' && !cohort.mentors.some((m) => m.id === u.id));
  const createInvite = useAction(onInvite);
  const addMentor = useAction(onAdd, { onDone: () => setMentorId('') });
  const inviteSummary = useRef<HTMLDivElement>(null);
  const invite = (event: FormEvent) => {
    event.preventDefault();
    const uses = Number(maxUses);
    const valid = Number.isInteger(uses) && uses >= 1 && uses <= 10_000 && (days === '' || (Number(days) > 0 && Number(days) <= 3650));
    if (!valid) {
      setProblem(t('admin.inviteRule'));
      createInvite.clear();
      inviteSummary.current?.focus();
      return;
    }
    setProblem('');
    createInvite.run(role, uses, days === '' ? null : Number(days));
  };
  const headingId = `cohort-${cohort.id}`;
  return (
    <section aria-labelledby={headingId} className="card">
      <h2 id={headingId}>{cohort.name}</h2>
      <p>
        {t('admin.cohortPeople', {
          learners: t('admin.cohortLearners', { count: cohort.learners.length }),
          mentors: t('admin.cohortMentors', { count: cohort.mentors.length }),
        })}
        {cohort.mentors.length > 0 && ` · ${cohort.mentors.map((m) => m.name).join(', ')}`}
      </p>
      <h3>{t('admin.invitesTitle')}</h3>
      {invites.length > 0 && (
        <div className="table-scroll">
          <table>
            <thead>
              <tr>
                <th scope="col">{t('admin.inviteCode')}</th>
                <th scope="col">{t('account.role')}</th>
                <th scope="col">{t('admin.inviteUses')}</th>
                <th scope="col">{t('admin.inviteExpires')}</th>
              </tr>
            </thead>
            <tbody>
              {invites.map((i) => (
                <tr key={i.code}>
                  <td>
                    <code>{i.code}</code>
                  </td>
                  <td>{t(`account.roles.${i.role}`)}</td>
                  <td>
                    {i.uses}/{i.maxUses}
                  </td>
                  <td>{i.expiresAt ? format.date(i.expiresAt) : '—'}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      <FormProblems ref={inviteSummary} count={problem ? 1 : 0} error={createInvite.error} />
      <form className="filters" onSubmit={invite} noValidate>
        <div className="field">
          <label htmlFor={`${headingId}-role`}>{t('account.role')}</label>
          <select id={`${headingId}-role`} value={role} onChange={(e) => setRole(e.target.value === 'mentor' ? 'mentor' : 'learner')}>
            <option value="learner">{t('account.roles.learner')}</option>
            <option value="mentor">{t('account.roles.mentor')}</option>
          </select>
        </div>
        <TextField label={t('admin.inviteMaxUses')} inputMode="numeric" value={maxUses} onChange={(e) => setMaxUses(e.target.value)} />
        <TextField
          label={t('admin.inviteDays')}
          inputMode="numeric"
          value={days}
          onChange={(e) => setDays(e.target.value)}
          error={problem}
        />
        <button type="submit" disabled={createInvite.status === 'running'}>
          {t('admin.createInvite')}
        </button>
      </form>
      {mentors.length > 0 && (
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (mentorId) addMentor.run('mentor', mentorId);
          }}
        >
          <div className="field">
            <label htmlFor={`${headingId}-mentor`}>{t('admin.addMentor')}</label>
            <select id={`${headingId}-mentor`} value={mentorId} onChange={(e) => setMentorId(e.target.value)}>
              <option value="">—</option>
              {mentors.map((m) => (
                <option key={m.id} value={m.id}>
                  {m.name} ({m.login})
                </option>
              ))}
            </select>
          </div>
          <button type="submit" disabled={addMentor.status === 'running'}>
            {t('admin.add')}
          </button>
        </form>
      )}
      <ActionError error={addMentor.error} />
    </section>
  );
}

function People({
  users,
  onCreate,
  onReset,
}: {
  users: ApiUser[];
  onCreate: (user: { name: string; login: string; password: string; role: Role }) => Promise<void>;
  onReset: (user: ApiUser, password: string) => Promise<void>;
}) {
  const { t } = useTranslation();
  const [fields, setFields] = useState({ name: '', login: '', password: '', role: 'mentor' as Role });
  const [problems, setProblems] = useState<Record<string, string>>({});
  const [resetFor, setResetFor] = useState<ApiUser | undefined>();
  const [newPassword, setNewPassword] = useState('');
  const [resetProblem, setResetProblem] = useState('');
  // Each form clears only once the server did the change; a failure is said and the fields keep what was typed.
  const createUser = useAction(onCreate, { onDone: () => setFields({ name: '', login: '', password: '', role: 'mentor' }) });
  const reset = useAction(onReset, {
    onDone: () => {
      setResetFor(undefined);
      setNewPassword('');
    },
  });
  const createSummary = useRef<HTMLDivElement>(null);
  const resetSummary = useRef<HTMLDivElement>(null);
  const create = (event: FormEvent) => {
    event.preventDefault();
    const found: Record<string, string> = {};
    if (!accountRules.name(fields.name)) found.name = t('account.rules.name');
    if (!accountRules.login(fields.login)) found.login = t('account.rules.login');
    if (!accountRules.password(fields.password)) found.password = t('account.rules.password', PASSWORD_LENGTH);
    setProblems(found);
    if (Object.keys(found).length === 0) createUser.run({ ...fields, name: fields.name.trim(), login: fields.login.trim() });
    else {
      createUser.clear();
      createSummary.current?.focus();
    }
  };
  return (
    <section aria-labelledby="people-heading" className="card">
      <h2 id="people-heading">{t('admin.peopleTitle')}</h2>
      <div className="table-scroll">
        <table>
          <thead>
            <tr>
              <th scope="col">{t('admin.personName')}</th>
              <th scope="col">{t('account.login')}</th>
              <th scope="col">{t('account.role')}</th>
              <th scope="col">{t('admin.actions')}</th>
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id}>
                <td>{u.name}</td>
                <td>{u.login}</td>
                <td>{t(`account.roles.${u.role}`)}</td>
                <td>
                  <button type="button" className="button--small button--secondary" onClick={() => setResetFor(u)}>
                    {t('admin.resetPasswordFor', { login: u.login })}
                  </button>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
      {resetFor && (
        <form
          className="filters"
          onSubmit={(event) => {
            event.preventDefault();
            if (!accountRules.password(newPassword)) {
              setResetProblem(t('account.rules.password', PASSWORD_LENGTH));
              reset.clear();
              resetSummary.current?.focus();
              return;
            }
            setResetProblem('');
            reset.run(resetFor, newPassword);
          }}
          noValidate
        >
          <FormProblems ref={resetSummary} count={resetProblem ? 1 : 0} error={reset.error} />
          <TextField
            label={t('admin.newPasswordFor', { login: resetFor.login })}
            type="password"
            autoComplete="new-password"
            value={newPassword}
            onChange={(e) => setNewPassword(e.target.value)}
            error={resetProblem}
          />
          <button type="submit" disabled={reset.status === 'running'}>
            {t('admin.resetPassword')}
          </button>
        </form>
      )}
      <h3>{t('admin.newUser')}</h3>
      <FormProblems ref={createSummary} count={Object.keys(problems).length} error={createUser.error} />
      <form className="filters" onSubmit={create} noValidate>
        <TextField
          label={t('admin.personName')}
          value={fields.name}
          onChange={(e) => setFields({ ...fields, name: e.target.value })}
          error={problems.name}
        />
        <TextField
          label={t('account.login')}
          value={fields.login}
          onChange={(e) => setFields({ ...fields, login: e.target.value })}
          error={problems.login}
        />
        <TextField
          label={t('account.password')}
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={(e) => setFields({ ...fields, password: e.target.value })}
          error={problems.password}
        />
        <div className="field">
          <label htmlFor="new-user-role">{t('account.role')}</label>
          <select id="new-user-role" value={fields.role} onChange={(e) => setFields({ ...fields, role: e.target.value as Role })}>
            <option value="learner">{t('account.roles.learner')}</option>
            <option value="mentor">{t('account.roles.mentor')}</option>
            <option value="coordinator">{t('account.roles.coordinator')}</option>
          </select>
        </div>
        <button type="submit" disabled={createUser.status === 'running'}>
          {t('admin.createUser')}
        </button>
      </form>
    </section>
  );
}
