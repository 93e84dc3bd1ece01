import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import { parseActivityId } from '../../../shared/xapi/activities';
import type { Statement } from '../../../shared/xapi/types';
import { verbName } from '../../../shared/xapi/verbs';
import { MENTOR_HIDDEN_VERBS } from '../../../shared/xapi/privacy';
import { useFormat } from '../../i18n/format';
import { ScrollRegion } from '../../ui/ScrollRegion';

const STEP = 50;

/**
 * What the learner did, newest first, fifty at a time. What is private to the learner (and
 * survey answers) is never listed, even from a report or a saved copy that holds it.
 */
export function LearnerTimeline({ report, moduleTitle }: { report: LearnerReport; moduleTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(STEP);
  const sorted = report.timeline
    .filter((s) => !MENTOR_HIDDEN_VERBS.includes(s.verb.id))
    .sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
  const describe = (s: Statement): string => {
    const verb = verbName(s.verb.id) ?? 'experienced';
    const ref = s.object.objectType === 'Activity' ? parseActivityId(s.object.id) : undefined;
    const what = ref && 'moduleId' in ref ? moduleTitle(ref.moduleId) : '';
    return t('mentor.timelineEntry', { verb: t(`mentor.verbs.${verb}`), what });
  };
  return (
    <section aria-labelledby="timeline-heading">
      <h2 id="timeline-heading">{t('mentor.timelineTitle')}</h2>
      {sorted.length === 0 && <p>{t('mentor.timelineNone')}</p>}
      {sorted.length > 0 && (
        <ScrollRegion labelledBy="timeline-caption" className="timeline">
          <p id="timeline-caption" className="visually-hidden">
            {t('mentor.timelineCaption')}
          </p>
          <ol className="plain-list">
            {sorted.slice(0, shown).map((s) => (
              <li key={s.id}>
                <time dateTime={s.timestamp}>{format.dateTime(s.timestamp)}</time> {describe(s)}
              </li>
            ))}
          </ol>
        </ScrollRegion>
      )}
      {shown < sorted.length && (
        <button type="button" className="button--secondary" onClick={() => setShown((n) => n + STEP)}>
          {t('mentor.timelineMore')}
        </button>
      )}
    </section>
  );
}
