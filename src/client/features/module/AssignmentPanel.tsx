import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { AssignmentContent } from '../../../shared/content/compiled';
import { assignmentStates, latestDraft } from '../../../shared/mentoring/assignments';
import type { ModuleRef } from '../../../shared/xapi/build';
import { useModuleStatements, useUnscopedStatements } from '../../db/mentoringHooks';
import { useReviewers } from '../../ui/useReviewers';
import { AssignmentEditor } from './AssignmentEditor';
import { AssignmentStatusView } from './AssignmentStatusView';

/**
 * The module's practical assignment: instructions, where it stands, and the editor. Reads
 * the learner's own statements; a mentor's review arrives with a sync (it targets the
 * submission, so it is stored with the module, or unscoped if the submission came from
 * another device and was not here yet), and counts only when its author may review the
 * learner (useReviewers).
 */
export function AssignmentPanel({ module, assignment }: { module: ModuleRef; assignment: AssignmentContent }) {
  const { t } = useTranslation();
  const scoped = useModuleStatements(module.moduleId);
  const unscoped = useUnscopedStatements();
  const all = useMemo(() => (scoped && unscoped ? [...scoped, ...unscoped] : undefined), [scoped, unscoped]);
  const reviewers = useReviewers(all);
  const state = useMemo(() => {
    if (!all || !reviewers) return undefined;
    const found = assignmentStates(all, reviewers).find((a) => a.moduleId === module.moduleId);
    return {
      assignment: found ?? { moduleId: module.moduleId, status: 'none' as const, submissions: [], reviews: [] },
      draft: latestDraft(all, module.moduleId),
    };
  }, [all, reviewers, module.moduleId]);
  const lang = assignment.fallback ? 'en' : module.locale;

  return (
    <section aria-labelledby="assignment-heading" className="card">
      <h2 id="assignment-heading">{t('module.assignmentTitle')}</h2>
      <h3 lang={lang}>{assignment.title}</h3>
      <p className="pre-line" lang={lang}>
        {assignment.instructions}
      </p>
      <p className="muted">{t('module.assignmentHours', { count: assignment.hours })}</p>
      {state && (
        <>
          <AssignmentStatusView state={state.assignment} />
          {state.assignment.status !== 'accepted' && (
            <AssignmentEditor
              key={module.moduleId}
              module={module}
              status={state.assignment.status}
              initialText={latestText(state.draft, state.assignment.submissions)}
            />
          )}
        </>
      )}
    </section>
  );
}

/** The newer of the latest draft and the latest submission: what the learner continues from. */
function latestText(draft: { text: string; at: string } | null, submissions: { text: string; at: string }[]): string {
  const submitted = submissions[submissions.length - 1];
  if (draft && (!submitted || draft.at >= submitted.at)) return draft.text;
  return submitted?.text ?? '';
}
