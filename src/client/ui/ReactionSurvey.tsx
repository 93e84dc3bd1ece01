import { useId, useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { CircleCheck } from 'lucide-react';
import { parseActivityId } from '../../shared/xapi/activities';
import { SURVEY_ITEMS, type SurveyAnswers, type SurveyItem } from '../../shared/xapi/build';
import type { Statement } from '../../shared/xapi/types';
import { verbName } from '../../shared/xapi/verbs';
import { answerSurvey } from '../db/mentoring';
import { useModuleStatements } from '../db/mentoringHooks';
import { useFormat } from '../i18n/format';
import { useAction } from './useAction';
import { ActionError } from './ActionError';

type About = { moduleId: string } | { eventId: string };

/** From "fully agree" (5) down to "fully disagree" (1), the order people read a Likert scale in. */
const SCALE = [5, 4, 3, 2, 1] as const;

function answeredAt(statements: Statement[], about: About): string | undefined {
  let at: string | undefined;
  for (const s of statements) {
    if (verbName(s.verb.id) !== 'responded' || s.object.objectType === 'StatementRef') continue;
    const ref = parseActivityId(s.object.id);
    const match =
      'moduleId' in about
        ? ref?.kind === 'survey' && ref.moduleId === about.moduleId
        : ref?.kind === 'event-survey' && ref.eventId === about.eventId;
    if (match && (at === undefined || s.timestamp < at)) at = s.timestamp;
  }
  return at;
}

/** A short reaction survey (four five-point items and a comment) about a module or a face-to-face event. */
export function ReactionSurvey({ about, headingLevel, title }: { about: About; headingLevel: 2 | 3; title?: string }) {
  const { t } = useTranslation();
  const format = useFormat();
  const id = useId();
  const scoped = useModuleStatements('moduleId' in about ? about.moduleId : '');
  const answered = useMemo(() => (scoped ? answeredAt(scoped, about) : undefined), [scoped, about]);
  const [answers, setAnswers] = useState<Partial<SurveyAnswers>>({});
  const [comment, setComment] = useState('');
  const [error, setError] = useState(false);
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const labels: Record<SurveyItem, string> = {
    relevant: t('survey.itemRelevant'),
    useful: t('survey.itemUseful'),
    willUse: t('survey.itemWillUse'),
    overall: t('survey.itemOverall'),
  };
  const scale: Record<(typeof SCALE)[number], string> = {
    5: t('survey.fullyAgree'),
    4: t('survey.agree'),
    3: t('survey.neutral'),
    2: t('survey.disagree'),
    1: t('survey.fullyDisagree'),
  };

  const send = useAction((complete: SurveyAnswers) => answerSurvey(about, complete, comment));

  if (!scoped) return null;
  if (answered)
    return (
      <section aria-labelledby={`${id}-heading`} className="card">
        <Heading id={`${id}-heading`}>{title ?? t('survey.title')}</Heading>
        <p role="status" className="with-icon">
          <CircleCheck aria-hidden="true" className="icon--success" />
          {t('survey.answered', { date: format.date(answered) })}
        </p>
      </section>
    );

  const submit = () => {
    const complete = SURVEY_ITEMS.every((item) => answers[item] !== undefined);
    setError(!complete);
    if (complete) send.run(answers as SurveyAnswers);
  };

  return (
    <section aria-labelledby={`${id}-heading`} className="card survey">
      <Heading id={`${id}-heading`}>{title ?? t('survey.title')}</Heading>
      <p className="muted">{t('survey.intro')}</p>
      <form
        noValidate
        onSubmit={(event) => {
          event.preventDefault();
          submit();
        }}
      >
        {SURVEY_ITEMS.map((item) => (
          <fieldset key={item} className="survey__item" aria-invalid={error && answers[item] === undefined ? true : undefined}>
            <legend>{labels[item]}</legend>
            <div className="choices choices--row">
              {SCALE.map((value) => (
                <label key={value} className="choice">
                  <input
                    type="radio"
                    name={`${id}-${item}`}
                    value={value}
                    checked={answers[item] === value}
                    onChange={() => setAnswers((current) => ({ ...current, [item]: value }))}
                  />
                  {scale[value]}
                </label>
              ))}
            </div>
          </fieldset>
        ))}
        <label htmlFor={`${id}-comment`}>{t('survey.comment')}</label>
        <textarea id={`${id}-comment`} rows={3} value={comment} onChange={(event) => setComment(event.target.value)} />
        {error && (
          <p className="field__error" role="alert">
            {t('survey.incomplete')}
          </p>
        )}
        <p>
          <button type="submit" disabled={send.status === 'running'}>
            {t('survey.send')}
          </button>
        </p>
        <ActionError error={send.error} />
      </form>
    </section>
  );
}
