import { memo } from 'react';
import type { TFunction } from 'i18next';
import type { DashboardCell } from '../../../shared/mentoring/contract';
import type { Format } from '../../i18n/format';

/** The words a cell uses, looked up once per grid rather than once per cell (a page has about 2,000 cells). */
export type CellWords = {
  notStarted: string;
  done: string;
  started: string;
  assignment: Record<'submitted' | 'returned' | 'accepted', string>;
};

export function cellWords(t: TFunction): CellWords {
  return {
    notStarted: t('status.notStarted'),
    done: t('mentor.cellDone'),
    started: t('mentor.cellStarted'),
    assignment: {
      submitted: t('mentor.cellAssignmentWaiting'),
      returned: t('mentor.cellAssignmentReturned'),
      accepted: t('mentor.cellAssignmentAccepted'),
    },
  };
}

type Props = { cell: DashboardCell | undefined; words: CellWords; format: Format };

/** One learner's module: status in words, best score, time, and the assignment if there is one. */
export const GridCell = memo(function GridCell({ cell, words, format }: Props) {
  const status = cell?.status ?? 'not-started';
  const assignment = cell?.assignment ?? 'none';
  if (status === 'not-started' && !cell?.secondsSpent && assignment === 'none')
    return (
      <td className="cell cell--not-started">
        <span aria-hidden="true">–</span>
        <span className="visually-hidden">{words.notStarted}</span>
      </td>
    );
  return (
    <td className={`cell cell--${status}`}>
      <span className="cell__status">{status === 'completed' ? words.done : words.started}</span>
      {cell?.bestScore != null && <span> {format.percent(cell.bestScore)}</span>}
      {cell && cell.secondsSpent > 0 && <span className="cell__time"> {format.duration(cell.secondsSpent)}</span>}
      {assignment !== 'none' && <span className="cell__assignment"> {words.assignment[assignment]}</span>}
    </td>
  );
});
