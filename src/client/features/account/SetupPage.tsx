import { useEffect, useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { useGoTo } from '../../ui/useGoTo';
import { usePageTitle } from '../../ui/usePageTitle';
import { FormProblems } from '../../ui/FormProblems';
import { useAccountForm } from './useAccountForm';
import { useAccountRequest } from './useAccountRequest';
import { NewAccountFields } from './NewAccountFields';
import { finishSignIn } from './finishSignIn';

/** First start: the first coordinator creates their account. Closed for good once one exists. */
export function SetupPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.setupTitle'));
  const goTo = useGoTo();
  const form = useAccountForm();
  const { fields, validate } = form;
  const [state, setState] = useState<'checking' | 'open' | 'done' | 'unreachable'>('checking');
  const { error, setError, busy, send } = useAccountRequest();
  const summary = useRef<HTMLDivElement>(null);
  useEffect(() => {
    api.setupStatus().then(
      (s) => setState(s.needsSetup ? 'open' : 'done'),
      () => setState('unreachable'),
    );
  }, []);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!validate(['name', 'login', 'password', 'confirm'])) {
      setError('');
      summary.current?.focus();
      return;
    }
    send(async () => {
      await finishSignIn(await api.setup({ name: fields.name.trim(), login: fields.login.trim(), password: fields.password }), false);
      goTo(paths.admin());
    });
  };

  return (
    <>
      <h1>{t('account.setupTitle')}</h1>
      {state === 'checking' && <p role="status">{t('common.loading')}</p>}
      {state === 'unreachable' && <p role="alert">{t('account.errors.offline')}</p>}
      {state === 'done' && (
        <p>
          {t('account.setupDone')} <Link to={paths.signIn()}>{t('account.signInLink')}</Link>
        </p>
      )}
      {state === 'open' && (
        <>
          <p className="lead">{t('account.setupIntro')}</p>
          <form className="card form" onSubmit={submit} noValidate>
            <FormProblems ref={summary} count={Object.keys(form.problems).length} error={error} />
            <NewAccountFields form={form} />
            <button type="submit" disabled={busy}>
              {t('account.setupAction')}
            </button>
          </form>
        </>
      )}
    </>
  );
}
