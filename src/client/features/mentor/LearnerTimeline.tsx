import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { LearnerReport } from '../../../shared/mentoring/contract';
import { parseActivityId } from '../../../shared/xapi/activities';
import type { Statement } from '../../../shared/xapi/types';
import { verbName } from '../../../shared/xapi/verbs';
import { useFormat } from '../../i18n/format';

const STEP = 50;

/** What the learner did, newest first, fifty at a time. */
export function LearnerTimeline({ report, moduleTitle }: { report: LearnerReport; moduleTitle: (id: string) => string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const [shown, setShown] = useState(STEP);
  const sorted = [...report.timeline].sort((a, b) => (a.timestamp < b.timestamp ? 1 : a.timestamp > b.timestamp ? -1 : 0));
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
      <ol className="plain-list timeline">
        {sorted.slice(0, shown).map((s) => (
          <li key={s.id}>
            <time dateTime={s.timestamp}>{format.dateTime(s.timestamp)}</time> {describe(s)}
          </li>
        ))}
      </ol>
      {shown < sorted.length && (
        <button type="button" className="button--secondary" onClick={() => setShown((n) => n + STEP)}>
          {t('mentor.timelineMore')}
        </button>
      )}
    </section>
  );
}
