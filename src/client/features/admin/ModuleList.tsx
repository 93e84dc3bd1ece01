import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Archive, CircleCheck, Download } from 'lucide-react';
import { modulePackageUrl } from '../../api/modules';
import type { ModuleSummary } from '../../../shared/content/modulePackages';
import { useFormat } from '../../i18n/format';
import { useAction } from '../../ui/useAction';
import { ActionError } from '../../ui/ActionError';
import { Badge } from '../../ui/Badge';
import { TextField } from '../../ui/TextField';
import { normalizeForSearch } from '../../../shared/content/search';
import { moduleTitle } from './moduleTitle';
import './ModuleList.css';

type Props = {
  modules: ModuleSummary[];
  onRetire: (module: ModuleSummary) => Promise<void>;
  onRestore: (module: ModuleSummary) => Promise<void>;
};

/**
 * Whether a module answers what the coordinator typed: every word of it, found in the module's
 * id or its title in any language, with case and accents ignored ("drosiba" finds "Drošība").
 */
export function moduleMatches(module: ModuleSummary, query: string): boolean {
  const words = normalizeForSearch(query).split(' ').filter(Boolean);
  if (words.length === 0) return true;
  const text = normalizeForSearch([module.id, ...Object.values(module.title)].join(' '));
  return words.every((word) => text.includes(word));
}

/**
 * Every module on the server as a card, which reads the same on a phone and a PC, with a field
 * that narrows the list as the coordinator types (38 modules are a long scroll on a phone).
 */
export function ModuleList({ modules, onRetire, onRestore }: Props) {
  const { t: tm } = useTranslation('modulesAdmin');
  const [query, setQuery] = useState('');
  if (modules.length === 0) return <p>{tm('empty')}</p>;
  const shown = modules.filter((module) => moduleMatches(module, query));
  const filtering = query.trim() !== '';
  return (
    <>
      <div className="module-packages__find">
        <TextField type="search" label={tm('findLabel')} hint={tm('findHint')} value={query} onChange={(e) => setQuery(e.target.value)} />
      </div>
      <p role="status">
        {filtering ? tm('countShown', { shown: shown.length, total: modules.length }) : tm('count', { count: modules.length })}
      </p>
      {shown.length === 0 ? (
        <p>{tm('findNone', { query: query.trim() })}</p>
      ) : (
        <ul className="card-list module-packages">
          {shown.map((module) => (
            <ModuleCard key={module.id} module={module} onRetire={onRetire} onRestore={onRestore} />
          ))}
        </ul>
      )}
    </>
  );
}

function ModuleCard({ module, onRetire, onRestore }: { module: ModuleSummary } & Omit<Props, 'modules'>) {
  const { t: tm } = useTranslation('modulesAdmin');
  const format = useFormat();
  const title = moduleTitle(module);
  const languageNames = useMemo(() => new Intl.DisplayNames([format.locale], { type: 'language' }), [format.locale]);
  const toggle = useAction(() => (module.retired ? onRestore(module) : onRetire(module)));
  const busy = toggle.status === 'running';
  const headingId = `module-package-${module.id}`;
  const errorId = `${headingId}-error`;
  return (
    <li className={`card module-package${module.retired ? ' module-package--retired' : ''}`}>
      <h3 id={headingId} lang={title.lang}>
        {title.text}
      </h3>
      <p className="module-package__status">
        {module.retired ? (
          <Badge tone="warning" icon={<Archive />}>
            {tm('retired')}
          </Badge>
        ) : (
          <Badge tone="success" icon={<CircleCheck />}>
            {tm('inCatalogue')}
          </Badge>
        )}
      </p>
      <dl className="facts module-package__facts">
        <div>
          <dt>{tm('id')}</dt>
          <dd>
            <code>{module.id}</code>
          </dd>
        </div>
        <div>
          <dt>{tm('version')}</dt>
          <dd>{module.version}</dd>
        </div>
        <div>
          <dt>{tm('languages')}</dt>
          <dd>{module.languages.map((code) => languageNames.of(code) ?? code).join(', ')}</dd>
        </div>
        <div>
          <dt>{tm('size')}</dt>
          <dd>{format.bytes(module.sizeBytes)}</dd>
        </div>
        <div>
          <dt>{tm('imported')}</dt>
          <dd>
            {module.importedBy
              ? tm('importedBy', { date: format.dateTime(module.importedAt), name: module.importedBy })
              : tm('importedAtStart', { date: format.dateTime(module.importedAt) })}
          </dd>
        </div>
      </dl>
      <div className="module-package__actions">
        <a
          className="button button--secondary button--small"
          href={modulePackageUrl(module.id)}
          download={`${module.id}-v${module.version}.zip`}
        >
          <Download aria-hidden="true" />
          {tm('download')}
          <span className="visually-hidden"> {tm('ofModule', { title: title.text })}</span>
        </a>
        {/* Never disabled while the server answers: a disabled button would drop the keyboard focus. */}
        <button
          type="button"
          className="button--secondary button--small"
          aria-disabled={busy || undefined}
          aria-describedby={toggle.error ? errorId : undefined}
          onClick={() => {
            if (!busy) toggle.run();
          }}
        >
          {module.retired ? tm('restore') : tm('retire')}
          <span className="visually-hidden"> {tm('ofModule', { title: title.text })}</span>
        </button>
      </div>
      <ActionError error={toggle.error} id={errorId} />
    </li>
  );
}
