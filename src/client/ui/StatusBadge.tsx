import { useTranslation } from 'react-i18next';
import type { ModuleStatus } from '../../shared/learning/progress';

export function StatusBadge({ status }: { status: ModuleStatus }) {
  const { t } = useTranslation();
  const label = status === 'completed' ? t('status.completed') : status === 'in-progress' ? t('status.inProgress') : t('status.notStarted');
  return <span className={`badge badge--${status}`}>{label}</span>;
}
