import { useId, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { logHours } from '../../db/mentoring';
import { useFormat } from '../../i18n/format';
import { TextField } from '../../ui/TextField';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { useHourCategoryLabel } from '../../ui/hourCategories';
import {
  LOGGED_CATEGORIES,
  MAX_HOURS,
  MIN_HOURS,
  localDay,
  validateHours,
  type HoursErrors,
  type HoursForm as Form,
} from './validateHours';
import './HoursPage.css';

const empty = (): Form => ({ date: localDay(new Date()), category: '', hours: '', description: '' });

/** Log hours spent outside the app; checked here in the learner's language before anything is saved. */
export function HoursForm() {
  const { t } = useTranslation();
  const format = useFormat();
  const label = useHourCategoryLabel();
  const id = useId();
  const [form, setForm] = useState<Form>(empty);
  const [errors, setErrors] = useState<HoursErrors>({});
  const [saved, setSaved] = useState(false);
  const summary = useRef<HTMLDivElement>(null);
  const message = (field: keyof Form) => {
    const problem = errors[field];
    if (!problem) return undefined;
    if (problem === 'hoursRange') return t('hours.errorHours', { min: format.number(MIN_HOURS), max: format.number(MAX_HOURS) });
    return {
      dateMissing: t('hours.errorDateMissing'),
      dateFuture: t('hours.errorDateFuture'),
      categoryMissing: t('hours.errorCategory'),
      descriptionMissing: t('hours.errorDescription'),
    }[problem];
  };
  const set = (field: keyof Form) => (value: string) => {
    setForm((current) => ({ ...current, [field]: value }));
    setSaved(false);
  };

  // The form clears only once the entry is saved; a failure is said and the fields keep what was typed.
  const save = useAction(logHours, {
    onDone: () => {
      setForm(empty());
      setSaved(true);
    },
  });
  const submit = () => {
    const result = validateHours(form, localDay(new Date()));
    if ('errors' in result) {
      setErrors(result.errors);
      summary.current?.focus();
      return;
    }
    setErrors({});
    save.run(result.entry);
  };

  const count = Object.keys(errors).length;
  return (
    <form
      noValidate
      aria-labelledby={`${id}-heading`}
      className="card form"
      onSubmit={(event) => {
        event.preventDefault();
        submit();
      }}
    >
      {/* One block with the heading, so the summary, empty most of the time, adds no gap to the form. */}
      <div className="hours-form__head">
        <h2 id={`${id}-heading`}>{t('hours.logTitle')}</h2>
        <div ref={summary} tabIndex={-1} role={count ? 'alert' : 'status'}>
          {count > 0 && <p className="field__error">{t('hours.errorSummary', { count })}</p>}
          {saved && <p>{t('hours.saved')}</p>}
        </div>
      </div>
      <ActionError error={save.error} />
      <TextField
        label={t('hours.date')}
        type="date"
        value={form.date}
        max={localDay(new Date())}
        error={message('date')}
        onChange={(e) => set('date')(e.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-category`}>{t('hours.category')}</label>
        <select
          id={`${id}-category`}
          value={form.category}
          aria-invalid={errors.category ? true : undefined}
          aria-describedby={errors.category ? `${id}-category-error` : undefined}
          onChange={(e) => set('category')(e.target.value)}
        >
          <option value="">{t('hours.chooseCategory')}</option>
          {LOGGED_CATEGORIES.map((category) => (
            <option key={category} value={category}>
              {label(category)}
            </option>
          ))}
        </select>
        {errors.category && (
          <span id={`${id}-category-error`} className="field__error">
            {message('category')}
          </span>
        )}
      </div>
      <TextField
        label={t('hours.hours')}
        type="number"
        inputMode="decimal"
        min={MIN_HOURS}
        max={MAX_HOURS}
        step={0.25}
        value={form.hours}
        hint={t('hours.hoursHint')}
        error={message('hours')}
        onChange={(e) => set('hours')(e.target.value)}
      />
      <div className="field">
        <label htmlFor={`${id}-description`}>{t('hours.description')}</label>
        <textarea
          id={`${id}-description`}
          rows={3}
          value={form.description}
          aria-invalid={errors.description ? true : undefined}
          aria-describedby={errors.description ? `${id}-description-error` : undefined}
          onChange={(e) => set('description')(e.target.value)}
        />
        {errors.description && (
          <span id={`${id}-description-error`} className="field__error">
            {message('description')}
          </span>
        )}
      </div>
      <p>
        <button type="submit" disabled={save.status === 'running'}>
          {t('hours.log')}
        </button>
      </p>
    </form>
  );
}
