/**
 * The decision buttons (Accept / Return) disappear once the mentor decides: the decision's
 * words replace them. The statement the mentor just decided on is remembered here, so its
 * Decision takes the focus the pressed button had, instead of focus falling to the page body.
 * A decision shown on opening the page (not just taken) leaves focus alone.
 */
const justDecided = new Set<string>();

export function rememberDecision(targetId: string): void {
  justDecided.add(targetId);
}

/** True once for a decision just taken on this page. */
export function wasJustDecided(targetId: string): boolean {
  return justDecided.delete(targetId);
}
