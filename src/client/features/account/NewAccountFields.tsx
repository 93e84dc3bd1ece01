import { useTranslation } from 'react-i18next';
import { TextField } from '../../ui/TextField';
import { PASSWORD_LENGTH } from '../../../shared/accounts/rules';
import type { useAccountForm } from './useAccountForm';

/** Name, login, password and its repetition: the fields of every new account. */
export function NewAccountFields({ form }: { form: ReturnType<typeof useAccountForm> }) {
  const { t } = useTranslation();
  const { fields, set, problems } = form;
  return (
    <>
      <TextField label={t('account.name')} autoComplete="name" value={fields.name} onChange={set('name')} error={problems.name} required />
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
        hint={t('account.rules.password', PASSWORD_LENGTH)}
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
    </>
  );
}
