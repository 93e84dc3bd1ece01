import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useOnline } from '../../ui/useOnline';
import { useAccountForm } from './useAccountForm';
import { GuestRecords } from './GuestRecords';
import { finishSignIn } from './finishSignIn';

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signUpTitle'));
  const navigate = useNavigate();
  const online = useOnline();
  const { fields, set, problems, validate } = useAccountForm();
  const [invite, setInvite] = useState('');
  const [inviteProblem, setInviteProblem] = useState('');
  const [adopt, setAdopt] = useState(true);
  const [error, setError] = useState('');
  const [busy, setBusy] = useState(false);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const inviteOk = invite.trim().length > 0;
    setInviteProblem(inviteOk ? '' : t('account.rules.invite'));
    if (!validate(['name', 'login', 'password', 'confirm']) || !inviteOk) return;
    setBusy(true);
    setError('');
    try {
      await finishSignIn(
        await api.signUp({ inviteCode: invite.trim(), name: fields.name.trim(), login: fields.login.trim(), password: fields.password }),
        adopt,
      );
      void navigate(paths.home());
    } catch (failure) {
      setError(apiErrorMessage(t, failure));
    } finally {
      setBusy(false);
    }
  };

  return (
    <>
      <h1>{t('account.signUpTitle')}</h1>
      <p className="lead">{t('account.signUpIntro')}</p>
      {!online && (
        <p className="notice" role="note">
          {t('account.needsConnection')}
        </p>
      )}
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('account.inviteCode')}
          hint={t('account.inviteHint')}
          autoComplete="off"
          value={invite}
          onChange={(e) => setInvite(e.target.value)}
          error={inviteProblem}
          required
        />
        <TextField
          label={t('account.name')}
          autoComplete="name"
          value={fields.name}
          onChange={set('name')}
          error={problems.name}
          required
        />
        <TextField
          label={t('account.login')}
          hint={t('account.rules.login')}
          autoComplete="username"
          value={fields.login}
          onChange={set('login')}
          error={problems.login}
          required
        />
        <TextField
          label={t('account.password')}
          hint={t('account.rules.password')}
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={set('password')}
          error={problems.password}
          required
        />
        <TextField
          label={t('account.confirmPassword')}
          type="password"
          autoComplete="new-password"
          value={fields.confirm}
          onChange={set('confirm')}
          error={problems.confirm}
          required
        />
        <GuestRecords adopt={adopt} onChange={setAdopt} />
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('account.signUpAction')}
        </button>
      </form>
      <p>
        {t('account.haveAccount')} <Link to={paths.signIn()}>{t('account.signInLink')}</Link>
      </p>
    </>
  );
}
