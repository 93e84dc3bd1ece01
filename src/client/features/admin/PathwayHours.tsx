import { useId } from 'react';
import { useTranslation } from 'react-i18next';
import type { PackageProblem } from '../../api/modules';
import { HOUR_CATEGORIES } from '../../../shared/content/locales';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import type { PathwayDraft, PlacedProblems } from './pathwayDraft';

type Props = {
  draft: PathwayDraft;
  /** The server's problems with each category's hours, from the last refused save. */
  problems: PlacedProblems['hours'] | undefined;
  onChange: (draft: PathwayDraft) => void;
  /** A rule's problems in the coordinator's language. */
  describe: (problems: PackageProblem[]) => string;
};

/** The hours a learner must log per category; empty means the category is not required. */
export function PathwayHours({ draft, problems: placed, onChange, describe }: Props) {
  const { t: tm } = useTranslation('modulesAdmin');
  const label = useHourCategoryLabel();
  const id = useId();
  return (
    <fieldset aria-describedby={`${id}-hint`}>
      <legend>{tm('pathwayHours')}</legend>
      <p id={`${id}-hint`} className="field__hint">
        {tm('pathwayHoursHint')}
      </p>
      <div className="pathway-hours">
        {HOUR_CATEGORIES.map((category) => {
          const problems = placed?.get(category) ?? [];
          // Hours that are not a number have one clear message; a rule about the category says its own.
          const message = problems.some((p) => p.code !== 'curriculumHours') ? tm('pathwayHoursInvalid') : describe(problems);
          const errorId = `${id}-${category}-error`;
          return (
            <div key={category} className="field">
              <label htmlFor={`${id}-${category}`}>{label(category)}</label>
              <input
                id={`${id}-${category}`}
                type="text"
                inputMode="decimal"
                autoComplete="off"
                value={draft.hours[category]}
                aria-invalid={problems.length ? true : undefined}
                aria-describedby={problems.length ? errorId : undefined}
                onChange={(event) => onChange({ ...draft, hours: { ...draft.hours, [category]: event.target.value } })}
              />
              {problems.length > 0 && (
                <span id={errorId} className="field__error">
                  {message}
                </span>
              )}
            </div>
          );
        })}
      </div>
    </fieldset>
  );
}
