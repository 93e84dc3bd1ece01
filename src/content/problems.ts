/*
 * What is wrong with course content, in a form both people and programs read: a code with
 * its parameters (translated by the admin page from locales/<lng>/modules.json,
 * `moduleProblems.<code>`), the file (relative to the modules folder or the package), the
 * line where one is known, and the English message that modules:check prints. When
 * `params.field` is set (a YAML path such as `title` or `questions.3 (q4)`), the message is
 * that field, a colon, then the text; translations hold the text only.
 */
import english from '../../locales/en/modules.json';

export type ProblemCode = keyof (typeof english)['moduleProblems'];
export type ProblemParams = Record<string, string | number>;
export type ProblemDetail = { code: ProblemCode; params: ProblemParams };

export type ContentProblem = ProblemDetail & {
  file: string;
  /** 1-based line in the file, where the problem has one. */
  line: number | null;
  message: string;
  /** modules:check and imports refuse both; the build fails only on errors. */
  severity: 'error' | 'warning';
};

/** The English text of a problem, as modules:check prints it. */
export function problemMessage({ code, params }: ProblemDetail): string {
  const text = english.moduleProblems[code].replace(/\{\{(\w+)\}\}/g, (_, name: string) => String(params[name] ?? ''));
  return params.field === undefined ? text : `${params.field}: ${text}`;
}

export function problem(
  where: { file: string; line?: number | null; severity?: ContentProblem['severity'] },
  detail: ProblemDetail,
): ContentProblem {
  return {
    file: where.file,
    line: where.line ?? null,
    code: detail.code,
    params: detail.params,
    message: problemMessage(detail),
    severity: where.severity ?? 'error',
  };
}

/** The lines modules:check and the build print (without line numbers, as they always have). */
export function formatProblems(problems: ContentProblem[]): string {
  return problems.map((p) => `${p.severity === 'error' ? 'error' : 'warning'}: ${p.file}: ${p.message}`).join('\n');
}
