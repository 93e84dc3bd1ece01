import { useTranslation } from 'react-i18next';
import { Circle, CircleCheck, CircleDashed } from 'lucide-react';
import type { ModuleStatus } from '../../shared/learning/progress';
import { Badge } from './Badge';

/** A module's or lesson's status in words, with a matching icon. */
export function StatusBadge({ status }: { status: ModuleStatus }) {
  const { t } = useTranslation();
  if (status === 'completed') {
    return (
      <Badge tone="success" icon={<CircleCheck />}>
        {t('status.completed')}
      </Badge>
    );
  }
  if (status === 'in-progress') {
    return (
      <Badge tone="info" icon={<CircleDashed />}>
        {t('status.inProgress')}
      </Badge>
    );
  }
  return (
    <Badge tone="neutral" icon={<Circle />}>
      {t('status.notStarted')}
    </Badge>
  );
}
