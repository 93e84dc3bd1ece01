import type { TFunction, i18n as I18n } from 'i18next';
import type { PackageProblem } from '../../api/modules';
import type english from '../../../../locales/en/modules.json';

type ProblemKey = `moduleProblems.${keyof (typeof english)['moduleProblems']}`;

/**
 * A refused package's problem in the coordinator's language, from its code and values
 * (`moduleProblems.<code>` in locales/<lng>/modules.json). A code this client has no words for
 * (a newer server) is shown in the server's English, so no problem is ever left out.
 */
export function problemText({ t, i18n }: { t: TFunction<'modules'>; i18n: I18n }, problem: PackageProblem): string {
  const key = `moduleProblems.${problem.code}`;
  if (!i18n.exists(key, { ns: 'modules' })) return problem.message;
  const params = problem.params ?? {};
  const text = t(key as ProblemKey, { replace: params });
  const field = params.field;
  return typeof field === 'string' || typeof field === 'number' ? `${field}: ${text}` : text;
}
