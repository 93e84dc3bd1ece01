import { useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/client';
import { paths } from '../../app/paths';
import { TextField } from '../../ui/TextField';
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
  const navigate = useNavigate();
  const online = useOnline();
  const form = useAccountForm();
  const { fields, validate } = form;
  const [invite, setInvite] = useState('');
  const [inviteProblem, setInviteProblem] = useState('');
  const [adopt, setAdopt] = useState(true);
  const { error, busy, send } = useAccountRequest();

  const submit = async (event: FormEvent) => {
    event.preventDefault();
    const inviteOk = invite.trim().length > 0;
    setInviteProblem(inviteOk ? '' : t('account.rules.invite'));
    if (!validate(['name', 'login', 'password', 'confirm']) || !inviteOk) return;
    await send(async () => {
      await finishSignIn(
        await api.signUp({ inviteCode: invite.trim(), name: fields.name.trim(), login: fields.login.trim(), password: fields.password }),
        adopt,
      );
      void navigate(paths.home());
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
        <NewAccountFields form={form} />
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
