import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { useSignedInAccount } from '../../db/identity';

/** Mentor pages for mentors and coordinators only (the server checks every request too). */
export function MentorOnly({ children }: { children: ReactNode }) {
  const { t } = useTranslation();
  const account = useSignedInAccount();
  if (account?.role === 'mentor' || account?.role === 'coordinator') return children;
  return (
    <>
      <h1>{t('mentor.title')}</h1>
      <p className="notice">{t('mentor.onlyMentors')}</p>
    </>
  );
}
