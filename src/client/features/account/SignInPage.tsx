import { useEffect, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { ApiError, api } from '../../api/client';
import { paths } from '../../app/paths';
import { useGoTo } from '../../ui/useGoTo';
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
  const goTo = useGoTo();
  const online = useOnline();
  const { fields, set } = useAccountForm();
  const [adopt, setAdopt] = useState(false);
  const { error, setError, busy, send } = useAccountRequest();
  const [needsSetup, setNeedsSetup] = useState(false);
  // The fields the current error is about, so each says it is wrong and which message explains it.
  const [wrongFields, setWrongFields] = useState<('login' | 'password')[]>([]);
  const errorId = useId();
  const tiedToError = (field: 'login' | 'password') =>
    error && wrongFields.includes(field) ? { 'aria-invalid': true, 'aria-describedby': errorId } : {};
  useEffect(() => {
    if (online)
      api.setupStatus().then(
        (s) => setNeedsSetup(s.needsSetup),
        () => undefined,
      );
  }, [online]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!fields.login.trim() || !fields.password) {
      setWrongFields([...(fields.login.trim() ? [] : ['login' as const]), ...(fields.password ? [] : ['password' as const])]);
      setError(t('account.errors.fillBoth'));
      return;
    }
    setWrongFields([]);
    send(async () => {
      try {
        await finishSignIn(await api.signIn({ login: fields.login.trim(), password: fields.password }), adopt);
      } catch (failure) {
        if (failure instanceof ApiError && failure.reason === 'invalid-credentials') setWrongFields(['login', 'password']);
        throw failure;
      }
      goTo(paths.home());
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
      <form className="card form" onSubmit={submit} noValidate>
        <TextField
          label={t('account.login')}
          name="username"
          autoComplete="username"
          value={fields.login}
          onChange={set('login')}
          required
          {...tiedToError('login')}
        />
        <TextField
          label={t('account.password')}
          type="password"
          name="password"
          autoComplete="current-password"
          value={fields.password}
          onChange={set('password')}
          required
          {...tiedToError('password')}
        />
        <GuestRecords adopt={adopt} onChange={setAdopt} />
        {error && (
          <p role="alert" className="field__error" id={errorId}>
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
