import { memo } from 'react';
import type { TFunction } from 'i18next';
import { CircleCheck, Contrast, FileCheck, FileClock, Undo2, type LucideIcon } from 'lucide-react';
import type { DashboardCell } from '../../../shared/mentoring/contract';
import type { Format } from '../../i18n/format';

/** The words a cell uses, looked up once per grid rather than once per cell (a page has about 2,000 cells). */
export type CellWords = {
  notStarted: string;
  done: string;
  started: string;
  assignment: Record<AssignmentState, string>;
};

export type AssignmentState = 'submitted' | 'returned' | 'accepted';

export function cellWords(t: TFunction): CellWords {
  return {
    notStarted: t('status.notStarted'),
    // The learner's own words for the same status (My learning, the module page, the learner page).
    done: t('status.completed'),
    started: t('status.inProgress'),
    assignment: {
      submitted: t('mentor.cellAssignmentWaiting'),
      returned: t('mentor.cellAssignmentReturned'),
      accepted: t('mentor.cellAssignmentAccepted'),
    },
  };
}

// Icons of few SVG elements: a page of the grid draws up to 2,000 of them (a dashed circle is 9 elements, these 3).
export const STATUS_ICON = { completed: CircleCheck, started: Contrast } satisfies Record<string, LucideIcon>;
export const ASSIGNMENT_ICON: Record<AssignmentState, LucideIcon> = { submitted: FileClock, returned: Undo2, accepted: FileCheck };
export const ICON_SIZE = 14;

type Props = { cell: DashboardCell | undefined; words: CellWords; format: Format };

/**
 * One learner's module, compact: an icon for the status and one for the assignment, with the
 * best score beside them; a module not started is an empty cell with a dash drawn by CSS (most
 * cells of a large cohort, so no icon element for them). Screen readers skip the icons and
 * read words instead (status, score, study time, assignment); the study time is in words only:
 * the learner page shows it per module.
 */
export const GridCell = memo(function GridCell({ cell, words, format }: Props) {
  const status = cell?.status ?? 'not-started';
  const assignment = cell?.assignment ?? 'none';
  if (status === 'not-started' && !cell?.secondsSpent && assignment === 'none')
    return (
      <td className="cell cell--not-started">
        <span className="visually-hidden">{words.notStarted}</span>
      </td>
    );
  const StatusIcon = status === 'completed' ? STATUS_ICON.completed : STATUS_ICON.started;
  const time = cell && cell.secondsSpent > 0 ? format.duration(cell.secondsSpent) : '';
  const Assignment = assignment === 'none' ? undefined : ASSIGNMENT_ICON[assignment];
  // Few elements per cell: the score is a bare text node, the time and the assignment share one span of words.
  const rest = [time, assignment === 'none' ? '' : words.assignment[assignment]].filter(Boolean).join(', ');
  return (
    <td className={`cell cell--${status}`}>
      <StatusIcon aria-hidden="true" size={ICON_SIZE} className="cell__icon" />
      <span className="visually-hidden">{status === 'completed' ? words.done : words.started}</span>
      {cell?.bestScore != null && ` ${format.percent(cell.bestScore)}`}
      {Assignment && (
        <Assignment aria-hidden="true" size={ICON_SIZE} className={`cell__icon cell__assignment cell__assignment--${assignment}`} />
      )}
      {rest && <span className="visually-hidden"> {rest}</span>}
    </td>
  );
});
