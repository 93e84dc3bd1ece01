import { useId, useLayoutEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { modulesApi, type ImportResult, type PackageProblem } from '../../api/modules';
import type { ModuleSummary, RemovedLesson } from '../../../shared/content/modulePackages';
import { useAction } from '../../ui/useAction';
import { FormProblems } from '../../ui/FormProblems';
import { problemText } from './packageProblems';
import './ImportPackage.css';

/** What the server answered instead of importing: the package's problems, or lessons it would remove. */
type HeldBack = Exclude<ImportResult, { outcome: 'imported' }>;

type Props = { onImported: (imported: { module: ModuleSummary; created: boolean }) => void };

/**
 * The upload of a module package. A refused package's every problem is listed with its file
 * and line, and focused; a version that removes lessons learners have studied is imported
 * only after the coordinator ticks that they understand. The chosen file stays chosen until
 * the import succeeds, so a confirmation re-sends the same package.
 */
export function ImportPackage({ onImported }: Props) {
  const { t: tm } = useTranslation('modulesAdmin');
  const id = useId();
  const [file, setFile] = useState<File>();
  const [fileProblem, setFileProblem] = useState('');
  const [heldBack, setHeldBack] = useState<HeldBack>();
  const form = useRef<HTMLFormElement>(null);
  const input = useRef<HTMLInputElement>(null);
  const summary = useRef<HTMLDivElement>(null);
  const report = useRef<HTMLDivElement>(null);
  const upload = useAction(async ({ chosen, force }: { chosen: File; force: boolean }) => {
    const result = await modulesApi.importPackage({ file: chosen, force });
    if (result.outcome !== 'imported') {
      setHeldBack(result);
      return;
    }
    setHeldBack(undefined);
    setFile(undefined);
    form.current?.reset();
    // The confirmation that had the focus is gone: the focus goes back to the file field.
    if (force) input.current?.focus();
    onImported(result);
  });
  const busy = upload.status === 'running';

  // A new report is read out from its heading: focus moves there when the server answers.
  useLayoutEffect(() => {
    if (heldBack) report.current?.focus();
  }, [heldBack]);

  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    const problem = !file ? tm('fileRequired') : /\.zip$/i.test(file.name) ? '' : tm('fileNotZip');
    setFileProblem(problem);
    if (problem || !file) {
      upload.clear();
      summary.current?.focus();
      return;
    }
    setHeldBack(undefined);
    upload.run({ chosen: file, force: false });
  };

  const errorId = `${id}-error`;
  const hintId = `${id}-hint`;
  return (
    <section aria-labelledby={`${id}-heading`} className="card import-package">
      <h2 id={`${id}-heading`}>{tm('importTitle')}</h2>
      <FormProblems ref={summary} count={fileProblem ? 1 : 0} error={upload.error} />
      <form ref={form} className="form" onSubmit={submit} noValidate>
        <div className="field">
          <label htmlFor={`${id}-file`}>{tm('fileLabel')}</label>
          <span id={hintId} className="muted field__hint">
            {tm('fileHint')}
          </span>
          <input
            ref={input}
            id={`${id}-file`}
            type="file"
            accept=".zip,application/zip"
            aria-invalid={fileProblem ? true : undefined}
            aria-describedby={fileProblem ? `${hintId} ${errorId}` : hintId}
            onChange={(event) => {
              setFile(event.target.files?.[0]);
              setFileProblem('');
              setHeldBack(undefined);
            }}
          />
          {fileProblem && (
            <span id={errorId} className="field__error">
              {fileProblem}
            </span>
          )}
        </div>
        {/* Never disabled while sending: a disabled button would drop the keyboard focus. */}
        <button type="submit" aria-disabled={busy || undefined}>
          {tm('import')}
        </button>
      </form>
      <p role="status" className="muted">
        {busy ? tm('importing') : ''}
      </p>
      {heldBack?.outcome === 'refused' && <PackageProblems ref={report} problems={heldBack.problems} />}
      {heldBack?.outcome === 'lessons-removed' && file && (
        <RemovedLessons
          ref={report}
          lessons={heldBack.removedLessons}
          busy={busy}
          onConfirm={() => upload.run({ chosen: file, force: true })}
          onCancel={() => {
            setHeldBack(undefined);
            input.current?.focus();
          }}
        />
      )}
    </section>
  );
}

function PackageProblems({ problems, ref }: { problems: PackageProblem[]; ref: Ref<HTMLDivElement> }) {
  const { t: tm } = useTranslation('modulesAdmin');
  const { t: tp, i18n } = useTranslation('modules');
  const headingId = useId();
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-labelledby={headingId} className="notice notice--error import-package__report">
      <h3 id={headingId}>{tm('refusedTitle', { count: problems.length })}</h3>
      <p>{tm('nothingChanged')}</p>
      <ul>
        {problems.map((problem, index) => (
          <li key={index}>
            {problem.file && (
              <>
                <span className="import-package__place">
                  {typeof problem.line === 'number'
                    ? tm('problemAt', { file: problem.file, line: problem.line })
                    : tm('problemIn', { file: problem.file })}
                </span>{' '}
              </>
            )}
            {problemText({ t: tp, i18n }, problem)}
          </li>
        ))}
      </ul>
    </div>
  );
}

type RemovedProps = {
  lessons: RemovedLesson[];
  busy: boolean;
  onConfirm: () => void;
  onCancel: () => void;
  ref: Ref<HTMLDivElement>;
};

function RemovedLessons({ lessons, busy, onConfirm, onCancel, ref }: RemovedProps) {
  const { t: tm } = useTranslation('modulesAdmin');
  const id = useId();
  const [confirmed, setConfirmed] = useState(false);
  const [problem, setProblem] = useState('');
  const summary = useRef<HTMLDivElement>(null);
  const confirm = (event: FormEvent) => {
    event.preventDefault();
    if (busy) return;
    if (!confirmed) {
      setProblem(tm('confirmRequired'));
      summary.current?.focus();
      return;
    }
    setProblem('');
    onConfirm();
  };
  return (
    <div ref={ref} tabIndex={-1} role="region" aria-labelledby={`${id}-heading`} className="notice notice--warning import-package__report">
      <h3 id={`${id}-heading`}>{tm('removedTitle')}</h3>
      <p>{tm('removedIntro')}</p>
      <ul>
        {lessons.map((lesson) => (
          <li key={lesson.lessonId}>
            <code>{lesson.lessonId}</code>: {tm('learnersWithProgress', { count: lesson.learners })}
          </li>
        ))}
      </ul>
      <form onSubmit={confirm} noValidate>
        <FormProblems ref={summary} count={problem ? 1 : 0} />
        <label className="choice">
          <input
            type="checkbox"
            checked={confirmed}
            aria-invalid={problem ? true : undefined}
            aria-describedby={problem ? `${id}-error` : undefined}
            onChange={(event) => {
              setConfirmed(event.target.checked);
              setProblem('');
            }}
          />
          <span>{tm('confirmRemoval')}</span>
        </label>
        {problem && (
          <p id={`${id}-error`} className="field__error">
            {problem}
          </p>
        )}
        <div className="inline-group import-package__confirm">
          <button type="submit" aria-disabled={busy || undefined}>
            {tm('importAnyway')}
          </button>
          <button type="button" className="button--secondary" onClick={onCancel}>
            {tm('cancel')}
          </button>
        </div>
      </form>
    </div>
  );
}
