import { useTranslation } from 'react-i18next';
import { ASSIGNMENT_ICON, ICON_SIZE, STATUS_ICON, type AssignmentState, type CellWords } from './GridCell';

const ASSIGNMENTS: readonly AssignmentState[] = ['submitted', 'returned', 'accepted'];

/** What the grid's icons mean, in the words the cells give screen readers. */
export function GridLegend({ words }: { words: CellWords }) {
  const { t } = useTranslation();
  return (
    <ul className="grid-legend" aria-label={t('mentor.gridLegend')}>
      <li>
        <STATUS_ICON.completed aria-hidden="true" size={ICON_SIZE} className="cell__icon grid-legend__done" />
        {words.done}
      </li>
      <li>
        <STATUS_ICON.started aria-hidden="true" size={ICON_SIZE} className="cell__icon" />
        {words.started}
      </li>
      <li>
        <span aria-hidden="true" className="grid-legend__none" />
        {words.notStarted}
      </li>
      {ASSIGNMENTS.map((state) => {
        const Icon = ASSIGNMENT_ICON[state];
        return (
          <li key={state}>
            <Icon aria-hidden="true" size={ICON_SIZE} className={`cell__icon cell__assignment--${state}`} />
            {words.assignment[state]}
          </li>
        );
      })}
    </ul>
  );
}
