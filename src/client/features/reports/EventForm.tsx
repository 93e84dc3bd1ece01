import { useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseEvent } from '../../../shared/mentoring/contract';
import { api, type Cohort } from '../../api/client';
import { useFormat } from '../../i18n/format';
import { TextField } from '../../ui/TextField';
import { useAction } from '../../ui/useAction';

/** Coordinators add face-to-face events; learners answer each event's survey from its day on. */
export function EventForm({ events, onCreated }: { events: CourseEvent[]; onCreated: () => void }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [cohorts, setCohorts] = useState<Cohort[]>([]);
  const [form, setForm] = useState({ title: '', date: '', cohortId: '' });
  const [message, setMessage] = useState<{ error: boolean; text: string }>();
  useEffect(() => {
    api.cohorts().then(
      (r) => setCohorts(r.cohorts),
      () => setCohorts([]),
    );
  }, []);
  // The fields clear only once the server created the event; a failure is said and they keep what was typed.
  const create = useAction(async (fields: typeof form) => {
    const event = await api.createEvent({ title: fields.title.trim(), date: fields.date, cohortId: fields.cohortId || null });
    setMessage({ error: false, text: t('reports.eventCreated', { title: event.title }) });
    setForm({ title: '', date: '', cohortId: '' });
    onCreated();
  });
  const submit = () => {
    if (!form.title.trim() || !/^\d{4}-\d{2}-\d{2}$/.test(form.date)) {
      setMessage({ error: true, text: t('reports.eventRule') });
      return;
    }
    setMessage(undefined);
    create.run(form);
  };
  const shown = create.error ? { error: true, text: create.error } : message;
  return (
    <section aria-labelledby="events-heading">
      <h2 id="events-heading">{t('reports.eventsTitle')}</h2>
      {events.length === 0 ? (
        <p>{t('reports.eventsNone')}</p>
      ) : (
        <ul>
          {events.map((e) => (
            <li key={e.id}>
              {e.title}, {format.date(e.date)}
            </li>
          ))}
        </ul>
      )}
      <form
        noValidate
        className="card"
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        <TextField label={t('reports.eventTitle')} value={form.title} onChange={(e) => setForm({ ...form, title: e.target.value })} />
        <TextField
          label={t('reports.eventDate')}
          type="date"
          value={form.date}
          onChange={(e) => setForm({ ...form, date: e.target.value })}
        />
        <div className="field">
          <label htmlFor="event-cohort">{t('reports.eventCohort')}</label>
          <select id="event-cohort" value={form.cohortId} onChange={(e) => setForm({ ...form, cohortId: e.target.value })}>
            <option value="">{t('reports.eventAllCohorts')}</option>
            {cohorts.map((c) => (
              <option key={c.id} value={c.id}>
                {c.name}
              </option>
            ))}
          </select>
        </div>
        <div role={shown?.error ? 'alert' : 'status'}>{shown && <p className={shown.error ? 'field__error' : ''}>{shown.text}</p>}</div>
        <button type="submit" disabled={create.status === 'running'}>
          {t('reports.createEvent')}
        </button>
      </form>
    </section>
  );
}
