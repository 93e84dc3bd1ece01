import { useId, useLayoutEffect, useRef, useState, type FormEvent, type Ref } from 'react';
import { useTranslation } from 'react-i18next';
import { Archive, ArrowDown, ArrowUp, CircleAlert, X } from 'lucide-react';
import type { PackageProblem } from '../../api/modules';
import type { ModuleSummary } from '../../../shared/content/modulePackages';
import { Badge } from '../../ui/Badge';
import { FormProblems } from '../../ui/FormProblems';
import { moduleTitle } from './moduleTitle';
import { problemText } from './packageProblems';
import { moved, placeProblems, type PathwayDraft } from './pathwayDraft';
import { PathwayHours } from './PathwayHours';
import './PathwayEditor.css';

type Props = {
  title: string;
  draft: PathwayDraft;
  unsaved: boolean;
  /** Every module on the server, retired ones too. */
  modules: ModuleSummary[];
  /** The server's refusal of the last save: its problems, the pathway's index and the modules as sent. */
  refusal: { problems: PackageProblem[]; index: number; modules: string[] } | undefined;
  summaryRef: Ref<HTMLDivElement>;
  error: string | undefined;
  busy: boolean;
  onChange: (draft: PathwayDraft) => void;
  onSave: () => void;
  onDiscard: () => void;
};

/** After a move or a removal, which control gets the focus once the list has re-rendered. */
type FocusTarget = { moduleId: string; control: 'up' | 'down' | 'remove' } | 'add';

/** One pathway's form: its modules in order (move up, move down, remove, add) and its required hours. */
export function PathwayForm({ title, draft, unsaved, modules, refusal, summaryRef, error, busy, onChange, onSave, onDiscard }: Props) {
  const { t: tm } = useTranslation('modulesAdmin');
  const { t: tp, i18n } = useTranslation('modules');
  const id = useId();
  const [announcement, setAnnouncement] = useState('');
  // Set by a move or a removal; the layout effect after the list's next render moves the focus.
  const focusTarget = useRef<FocusTarget>(undefined);
  const addSelect = useRef<HTMLSelectElement>(null);
  const byId = new Map(modules.map((module) => [module.id, module]));
  const nameOf = (moduleId: string) => {
    const module = byId.get(moduleId);
    return module ? moduleTitle(module) : { text: moduleId, lang: 'en' };
  };
  const placed = refusal && placeProblems({ problems: refusal.problems, index: refusal.index, modules: refusal.modules });
  const words = (problem: PackageProblem) => problemText({ t: tp, i18n }, { ...problem, params: { ...problem.params, field: undefined } });
  const available = modules.filter((module) => !draft.modules.includes(module.id));
  const [toAdd, setToAdd] = useState('');
  const chosen = available.some((module) => module.id === toAdd) ? toAdd : (available[0]?.id ?? '');

  useLayoutEffect(() => {
    const target = focusTarget.current;
    if (!target) return;
    focusTarget.current = undefined;
    if (target === 'add') addSelect.current?.focus();
    else document.getElementById(`${id}-${target.control}-${target.moduleId}`)?.focus();
  });

  const move = (from: number, to: number) => {
    const moduleId = draft.modules[from];
    if (moduleId === undefined || to < 0 || to >= draft.modules.length) return;
    onChange({ ...draft, modules: moved({ modules: draft.modules, from, to }) });
    setAnnouncement(tm('pathwayMoved', { title: nameOf(moduleId).text, position: to + 1, count: draft.modules.length }));
    focusTarget.current = { moduleId, control: to < from ? 'up' : 'down' };
  };
  const remove = (at: number) => {
    const moduleId = draft.modules[at];
    if (moduleId === undefined) return;
    const rest = draft.modules.filter((_, position) => position !== at);
    onChange({ ...draft, modules: rest });
    setAnnouncement(tm('pathwayRemoved', { title: nameOf(moduleId).text }));
    const next = rest[at] ?? rest[at - 1];
    focusTarget.current = next ? { moduleId: next, control: 'remove' } : 'add';
  };
  const add = () => {
    if (!chosen) return;
    onChange({ ...draft, modules: [...draft.modules, chosen] });
    setAnnouncement(tm('pathwayAdded', { title: nameOf(chosen).text, position: draft.modules.length + 1 }));
  };
  const submit = (event: FormEvent) => {
    event.preventDefault();
    if (!busy) onSave();
  };

  const listErrorId = `${id}-list-error`;
  return (
    <form className="pathway-form" onSubmit={submit} noValidate aria-label={title}>
      <FormProblems ref={summaryRef} count={placed?.placed ?? 0} error={error ?? (placed ? tm('pathwayRefused') : undefined)} />
      {placed && placed.elsewhere.length > 0 && (
        <ul className="pathway-form__elsewhere">
          {placed.elsewhere.map((problem, index) => (
            <li key={index}>{problemText({ t: tp, i18n }, problem)}</li>
          ))}
        </ul>
      )}
      {unsaved && (
        <div className="notice notice--warning pathway-form__unsaved">
          <p>{tm('pathwayUnsaved')}</p>
          <button type="button" className="button--secondary button--small" onClick={onDiscard}>
            {tm('pathwayDiscard')}
          </button>
        </div>
      )}
      <fieldset aria-describedby={placed?.list.length ? listErrorId : undefined}>
        <legend>{tm('pathwayModules', { count: draft.modules.length })}</legend>
        {placed && placed.list.length > 0 && (
          <p id={listErrorId} className="field__error">
            {tm('pathwayEmpty')}
          </p>
        )}
        <ol className="pathway-modules">
          {draft.modules.map((moduleId, position) => {
            const name = nameOf(moduleId);
            const module = byId.get(moduleId);
            const problems = placed?.byModule.get(moduleId) ?? [];
            const errorId = `${id}-error-${moduleId}`;
            const control = (kind: 'up' | 'down' | 'remove') => ({
              id: `${id}-${kind}-${moduleId}`,
              type: 'button' as const,
              className: 'button--secondary button--small',
              'aria-describedby': problems.length ? errorId : undefined,
            });
            const first = position === 0;
            const last = position === draft.modules.length - 1;
            return (
              <li key={moduleId} className={`pathway-module${module?.retired ? ' pathway-module--retired' : ''}`}>
                <span className="pathway-module__title" lang={name.lang}>
                  {name.text}
                </span>
                {module?.retired && (
                  <Badge tone="warning" icon={<Archive />}>
                    {tm('pathwayRetired')}
                  </Badge>
                )}
                {!module && (
                  <Badge tone="danger" icon={<CircleAlert />}>
                    {tm('pathwayNotOnServer')}
                  </Badge>
                )}
                {/* At the ends a move does nothing, but the button stays focusable so the focus is never dropped. */}
                <span className="pathway-module__actions">
                  <button {...control('up')} aria-disabled={first || undefined} onClick={() => move(position, position - 1)}>
                    <ArrowUp aria-hidden="true" />
                    <span className="visually-hidden pathway-module__word">{tm('moveUp')}</span>
                    <span className="visually-hidden"> {tm('ofModule', { title: name.text })}</span>
                  </button>
                  <button {...control('down')} aria-disabled={last || undefined} onClick={() => move(position, position + 1)}>
                    <ArrowDown aria-hidden="true" />
                    <span className="visually-hidden pathway-module__word">{tm('moveDown')}</span>
                    <span className="visually-hidden"> {tm('ofModule', { title: name.text })}</span>
                  </button>
                  <button {...control('remove')} onClick={() => remove(position)}>
                    <X aria-hidden="true" />
                    <span className="visually-hidden pathway-module__word">{tm('removeFromPathway')}</span>
                    <span className="visually-hidden"> {tm('ofModule', { title: name.text })}</span>
                  </button>
                </span>
                {problems.length > 0 && (
                  <span id={errorId} className="field__error">
                    {problems.map(words).join(' ')}
                  </span>
                )}
              </li>
            );
          })}
        </ol>
        {available.length === 0 ? (
          <p className="muted">{tm('pathwayAllAdded')}</p>
        ) : (
          <div className="inline-group pathway-form__add">
            <div className="field field--grow">
              <label htmlFor={`${id}-add`}>{tm('pathwayAddLabel')}</label>
              <select ref={addSelect} id={`${id}-add`} value={chosen} onChange={(event) => setToAdd(event.target.value)}>
                {available.map((module) => (
                  <option key={module.id} value={module.id}>
                    {module.retired ? tm('pathwayRetiredOption', { title: moduleTitle(module).text }) : moduleTitle(module).text}
                  </option>
                ))}
              </select>
            </div>
            <button type="button" className="button--secondary" onClick={add}>
              {tm('pathwayAdd')}
            </button>
          </div>
        )}
      </fieldset>
      <PathwayHours draft={draft} problems={placed?.hours} onChange={onChange} describe={(problems) => problems.map(words).join(' ')} />
      <p role="status" className="visually-hidden">
        {announcement}
      </p>
      <div className="inline-group">
        {/* Never disabled while saving: a disabled button would drop the keyboard focus. */}
        <button type="submit" aria-disabled={busy || undefined}>
          {tm('pathwaySave')}
        </button>
        <span role="status" className="muted">
          {busy ? tm('pathwaySaving') : ''}
        </span>
      </div>
    </form>
  );
}
