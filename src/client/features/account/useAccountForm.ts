import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { accountRules } from '../../api/client';
import { PASSWORD_LENGTH } from '../../../shared/accounts/rules';

export type AccountFields = { name: string; login: string; password: string; confirm: string };

/** Field values and their problems, in the person's language, checked before anything is sent. */
export function useAccountForm() {
  const { t } = useTranslation();
  const [fields, setFields] = useState<AccountFields>({ name: '', login: '', password: '', confirm: '' });
  const [problems, setProblems] = useState<Partial<Record<keyof AccountFields, string>>>({});
  const set = (field: keyof AccountFields) => (event: { target: { value: string } }) =>
    setFields((f) => ({ ...f, [field]: event.target.value }));
  const validate = (need: (keyof AccountFields)[]) => {
    const found: Partial<Record<keyof AccountFields, string>> = {};
    if (need.includes('name') && !accountRules.name(fields.name)) found.name = t('account.rules.name');
    if (need.includes('login') && !accountRules.login(fields.login)) found.login = t('account.rules.login');
    if (need.includes('password') && !accountRules.password(fields.password)) found.password = t('account.rules.password', PASSWORD_LENGTH);
    if (need.includes('confirm') && fields.confirm !== fields.password) found.confirm = t('account.rules.confirm');
    setProblems(found);
    return Object.keys(found).length === 0;
  };
  return { fields, set, problems, validate };
}
