import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import type { DashboardCell } from '../../../shared/mentoring/contract';
import { useFormat } from '../../i18n/format';

/** One learner's module: status in words, best score, time, and the assignment if there is one. */
export const GridCell = memo(function GridCell({ cell }: { cell: DashboardCell | undefined }) {
  const { t } = useTranslation();
  const format = useFormat();
  const status = cell?.status ?? 'not-started';
  if (status === 'not-started' && !cell?.secondsSpent && (cell?.assignment ?? 'none') === 'none')
    return (
      <td className="cell cell--not-started">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{t('status.notStarted')}</span>
      </td>
    );
  const assignment = cell?.assignment ?? 'none';
  return (
    <td className={`cell cell--${status}`}>
      <span className="cell__status">{status === 'completed' ? t('mentor.cellDone') : t('mentor.cellStarted')}</span>
      {cell?.bestScore != null && <span> {format.percent(cell.bestScore)}</span>}
      {cell && cell.secondsSpent > 0 && <span className="cell__time"> {format.duration(cell.secondsSpent)}</span>}
      {assignment !== 'none' && (
        <span className="cell__assignment">
          {' '}
          {
            {
              submitted: t('mentor.cellAssignmentWaiting'),
              returned: t('mentor.cellAssignmentReturned'),
              accepted: t('mentor.cellAssignmentAccepted'),
            }[assignment]
          }
        </span>
      )}
    </td>
  );
});
