import { useRef, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { useGoTo } from '../../ui/useGoTo';
import { TextField } from '../../ui/TextField';
import { FormProblems } from '../../ui/FormProblems';
import { usePageTitle } from '../../ui/usePageTitle';
import { useOnline } from '../../ui/useOnline';
import { useAccountForm } from './useAccountForm';
import { useAccountRequest } from './useAccountRequest';
import { NewAccountFields } from './NewAccountFields';
import { GuestRecords } from './GuestRecords';
import { finishSignIn } from './finishSignIn';

export function SignUpPage() {
  const { t } = useTranslation();
  usePageTitle(t('account.signUpTitle'));
  const goTo = useGoTo();
  const online = useOnline();
  const form = useAccountForm();
  const { fields, validate } = form;
  const [invite, setInvite] = useState('');
  const [inviteProblem, setInviteProblem] = useState('');
  const [adopt, setAdopt] = useState(false);
  const { error, setError, busy, send } = useAccountRequest();
  const summary = useRef<HTMLDivElement>(null);
  const problemCount = Object.keys(form.problems).length + (inviteProblem ? 1 : 0);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    const inviteOk = invite.trim().length > 0;
    setInviteProblem(inviteOk ? '' : t('account.rules.invite'));
    if (!validate(['name', 'login', 'password', 'confirm']) || !inviteOk) {
      setError('');
      summary.current?.focus();
      return;
    }
    send(async () => {
      await finishSignIn(
        await api.signUp({ inviteCode: invite.trim(), name: fields.name.trim(), login: fields.login.trim(), password: fields.password }),
        adopt,
      );
      goTo(paths.home());
    });
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
      <form className="card form" onSubmit={submit} noValidate>
        <FormProblems ref={summary} count={problemCount} error={error} />
        <TextField
          label={t('account.inviteCode')}
          hint={t('account.inviteHint')}
          autoComplete="off"
          value={invite}
          onChange={(e) => setInvite(e.target.value)}
          error={inviteProblem}
          required
        />
        <NewAccountFields form={form} />
        <GuestRecords adopt={adopt} onChange={setAdopt} />
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
