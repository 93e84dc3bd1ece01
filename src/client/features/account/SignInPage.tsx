import { useEffect, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { TextField } from '../../ui/TextField';
import { usePageTitle } from '../../ui/usePageTitle';
import { useOnline } from '../../ui/useOnline';
import { useAccountForm } from './useAccountForm';
import { useAccountRequest } from './useAccountRequest';
import { GuestRecords } from './GuestRecords';
import { finishSignIn } from './finishSignIn';

export function SignInPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signInTitle'));
  const navigate = useNavigate();
  const online = useOnline();
  const { fields, set } = useAccountForm();
  const [adopt, setAdopt] = useState(true);
  const { error, setError, busy, send } = useAccountRequest();
  const [needsSetup, setNeedsSetup] = useState(false);
  useEffect(() => {
    if (online)
      void api.setupStatus().then(
        (s) => setNeedsSetup(s.needsSetup),
        () => undefined,
      );
  }, [online]);

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    if (!fields.login.trim() || !fields.password) {
      setError(t('account.errors.fillBoth'));
      return;
    }
    await send(async () => {
      await finishSignIn(await api.signIn({ login: fields.login.trim(), password: fields.password }), adopt);
      void navigate(paths.home());
    });
  };

  return (
    <>
      <h1>{t('account.signInTitle')}</h1>
      <p className="lead">{t('account.signInIntro')}</p>
      {!online && (
        <p className="notice" role="note">
          {t('account.needsConnection')}
        </p>
      )}
      {needsSetup && (
        <p className="notice" role="note">
          {t('account.setupNeeded')} <Link to={paths.setup()}>{t('account.setupLink')}</Link>
        </p>
      )}
      <form className="card form" onSubmit={(e) => void submit(e)} noValidate>
        <TextField
          label={t('account.login')}
          name="username"
          autoComplete="username"
          value={fields.login}
          onChange={set('login')}
          required
        />
        <TextField
          label={t('account.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={fields.password}
          onChange={set('password')}
          required
        />
        <GuestRecords adopt={adopt} onChange={setAdopt} />
        {error && (
          <p role="alert" className="field__error">
            {error}
          </p>
        )}
        <button type="submit" disabled={busy}>
          {t('account.signInAction')}
        </button>
      </form>
      <p>
        {t('account.noAccount')} <Link to={paths.signUp()}>{t('account.signUpLink')}</Link>
      </p>
    </>
  );
}
