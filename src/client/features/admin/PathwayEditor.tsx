import { useCallback, useEffect, useId, useLayoutEffect, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { modulesApi, type PackageProblem } from '../../api/modules';
import type { ModuleSummary } from '../../../shared/content/modulePackages';
import type { CurriculumSource } from '../../../shared/content/schema';
import { currentContentLocale } from '../../i18n/i18n';
import { apiErrorMessage } from '../../ui/apiErrorMessage';
import { pick } from '../../ui/localized';
import { useAction } from '../../ui/useAction';
import { draftOf, keepDrafts, readDrafts, sameDraft, withDraft, type PathwayDraft } from './pathwayDraft';
import { PathwayForm } from './PathwayForm';

type Loaded = { state: 'loading' } | { state: 'failed'; error: string } | { state: 'ready'; curricula: CurriculumSource[] };

type Props = { modules: ModuleSummary[] };

/**
 * The pathways (curricula) edited on the Modules page: pick one, change its modules, their
 * order and its required hours, and save; PUT /api/curricula stores every pathway as
 * curricula.yaml would, checked by the rules of modules:check. Unsaved changes are kept per
 * pathway in this tab and a leave warning guards them while any is unsaved.
 */
export function PathwayEditor({ modules }: Props) {
  const { t } = useTranslation();
  const { t: tm } = useTranslation('modulesAdmin');
  const id = useId();
  const [loaded, setLoaded] = useState<Loaded>({ state: 'loading' });
  const [selectedId, setSelectedId] = useState('');
  const [drafts, setDrafts] = useState<Record<string, PathwayDraft>>(readDrafts);
  const [refusal, setRefusal] = useState<{ problems: PackageProblem[]; modules: string[] }>();
  const [notice, setNotice] = useState('');
  const summary = useRef<HTMLDivElement>(null);

  const load = useCallback(
    (live: () => boolean = () => true) => {
      modulesApi.curricula().then(
        (curricula) => {
          if (!live()) return;
          setLoaded({ state: 'ready', curricula });
          setSelectedId((selected) => selected || (curricula[0]?.id ?? ''));
        },
        (failure: unknown) => live() && setLoaded({ state: 'failed', error: apiErrorMessage(t, failure) }),
      );
    },
    [t],
  );
  useEffect(() => {
    let live = true;
    load(() => live);
    return () => {
      live = false;
    };
  }, [load]);

  useEffect(() => keepDrafts(drafts), [drafts]);
  const unsaved = Object.keys(drafts).length > 0;
  useEffect(() => {
    if (!unsaved) return;
    const warn = (event: BeforeUnloadEvent) => event.preventDefault();
    window.addEventListener('beforeunload', warn);
    return () => window.removeEventListener('beforeunload', warn);
  }, [unsaved]);

  const curricula = loaded.state === 'ready' ? loaded.curricula : [];
  const index = curricula.findIndex((c) => c.id === selectedId);
  const selected = curricula[index];
  const draft = selected ? (drafts[selected.id] ?? draftOf(selected)) : undefined;
  const title = (curriculum: CurriculumSource) => pick(curriculum.title, currentContentLocale()).text;

  const setDraft = (next: PathwayDraft) => {
    if (!selected) return;
    setDrafts(({ [selected.id]: _replaced, ...others }) =>
      sameDraft(next, draftOf(selected)) ? others : { ...others, [selected.id]: next },
    );
  };
  const forgetDraft = (curriculumId: string) => setDrafts(({ [curriculumId]: _forgotten, ...others }) => others);

  const save = useAction(async () => {
    if (!selected || !draft) return;
    const result = await modulesApi.saveCurricula(curricula.map((c) => (c.id === selected.id ? withDraft(c, draft) : c)));
    if (result.outcome === 'refused') {
      setRefusal({ problems: result.problems, modules: draft.modules });
      return;
    }
    setRefusal(undefined);
    setLoaded({ state: 'ready', curricula: result.curricula });
    forgetDraft(selected.id);
    setNotice(tm('pathwaySaved', { title: title(selected) }));
  });

  // A refusal or a failure is read out from the summary: the focus moves there when it arrives.
  useLayoutEffect(() => {
    if (refusal || save.error) summary.current?.focus();
  }, [refusal, save.error]);

  return (
    <section aria-labelledby={`${id}-heading`} className="card pathway-editor">
      <h2 id={`${id}-heading`}>{tm('pathwaysTitle')}</h2>
      <p>{tm('pathwaysIntro')}</p>
      {loaded.state === 'loading' && <p>{t('common.loading')}</p>}
      {loaded.state === 'failed' && (
        <div role="alert" className="notice notice--error">
          <p>{loaded.error}</p>
          <button type="button" className="button--secondary button--small" onClick={() => load()}>
            {tm('tryAgain')}
          </button>
        </div>
      )}
      {loaded.state === 'ready' && curricula.length === 0 && <p>{tm('pathwaysNone')}</p>}
      {loaded.state === 'ready' && curricula.length > 0 && (
        <div className="field">
          <label htmlFor={`${id}-pathway`}>{tm('pathwayLabel')}</label>
          <select
            id={`${id}-pathway`}
            value={selectedId}
            onChange={(event) => {
              setSelectedId(event.target.value);
              setRefusal(undefined);
              save.clear();
              setNotice('');
            }}
          >
            {curricula.map((curriculum) => (
              <option key={curriculum.id} value={curriculum.id}>
                {drafts[curriculum.id] ? tm('pathwayUnsavedOption', { title: title(curriculum) }) : title(curriculum)}
              </option>
            ))}
          </select>
        </div>
      )}
      <p role="status">{notice}</p>
      {selected && draft && (
        <PathwayForm
          key={selected.id}
          title={title(selected)}
          draft={draft}
          unsaved={Boolean(drafts[selected.id])}
          modules={modules}
          refusal={refusal && { ...refusal, index }}
          summaryRef={summary}
          error={save.error}
          busy={save.status === 'running'}
          onChange={(next) => {
            setDraft(next);
            setNotice('');
          }}
          onSave={() => save.run()}
          onDiscard={() => {
            forgetDraft(selected.id);
            setRefusal(undefined);
            save.clear();
            setNotice(tm('pathwayDiscarded', { title: title(selected) }));
          }}
        />
      )}
    </section>
  );
}
