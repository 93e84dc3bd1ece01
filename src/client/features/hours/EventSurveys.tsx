import { useEffect, useId, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { CourseEvent } from '../../../shared/mentoring/contract';
import { api } from '../../api/client';
import { useSignedInAccount } from '../../db/identity';
import { useFormat } from '../../i18n/format';
import { ReactionSurvey } from '../../ui/ReactionSurvey';
import { localDay } from './validateHours';

/** Face-to-face events that have taken place, each with its reaction survey (answered offline too). */
export function EventSurveys() {
  const { t } = useTranslation();
  const format = useFormat();
  const account = useSignedInAccount();
  const id = useId();
  const [events, setEvents] = useState<CourseEvent[]>();
  useEffect(() => {
    if (!account) return;
    let live = true;
    api.events().then(
      (list) => live && setEvents(list),
      () => live && setEvents([]),
    );
    return () => {
      live = false;
    };
  }, [account]);
  const today = localDay(new Date());
  const past = (events ?? []).filter((e) => e.date.slice(0, 10) <= today);
  if (past.length === 0) return null;
  return (
    <section aria-labelledby={`${id}-heading`}>
      <h2 id={`${id}-heading`}>{t('survey.eventsTitle')}</h2>
      {past.map((event) => (
        <ReactionSurvey
          key={event.id}
          about={{ eventId: event.id }}
          headingLevel={3}
          title={t('survey.eventTitle', { title: event.title, date: format.date(event.date) })}
        />
      ))}
    </section>
  );
}
