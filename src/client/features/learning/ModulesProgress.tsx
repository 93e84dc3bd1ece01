import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import type { CatalogModule } from '../../../shared/content/compiled';
import type { ModuleProgress } from '../../../shared/learning/progress';
import { paths } from '../../app/paths';
import { useFormat } from '../../i18n/format';
import { StatusBadge } from '../../ui/StatusBadge';
import { useNarrowScreen } from '../../ui/useNarrowScreen';
import { FactPairs } from '../../ui/BlockList';

type Props = {
  modules: CatalogModule[];
  progress: Map<string, ModuleProgress>;
  /** The module's title in the content language, with its lang attribute. */
  title: (moduleId: string) => ReactNode;
};

/**
 * Each module's status, lessons done, best quiz score and study time: a table on a PC; on a
 * phone one block per module, its title on a line of its own and the facts under it, since five
 * columns at 360 px hid everything but the title and the status behind a sideways scroll.
 */
export function ModulesProgress({ modules, progress, title }: Props) {
  const { t } = useTranslation();
  const format = useFormat();
  const narrow = useNarrowScreen();
  const rows = modules.flatMap((m) => {
    const p = progress.get(m.id);
    return p ? [{ id: m.id, p }] : [];
  });
  const lessons = (p: ModuleProgress) => t('learning.lessonsDone', { done: p.lessonsCompleted, count: p.lessonsTotal });
  const score = (p: ModuleProgress) => (p.bestScore === undefined ? undefined : format.percent(p.bestScore));

  if (narrow) {
    return (
      <ul className="plain-list block-list">
        {rows.map(({ id, p }) => (
          <li key={id} className="block-list__item">
            <Link to={paths.module(id)} className="block-list__title">
              {title(id)}
            </Link>
            <div className="block-list__meta">
              <StatusBadge status={p.status} />
              <FactPairs
                facts={[
                  { term: t('learning.lessons'), value: lessons(p) },
                  p.bestScore !== undefined && { term: t('learning.bestScore'), value: score(p) },
                  p.secondsSpent > 0 && { term: t('learning.timeSpent'), value: format.duration(p.secondsSpent) },
                ]}
              />
            </div>
          </li>
        ))}
      </ul>
    );
  }
  return (
    <div className="table-scroll">
      <table>
        <thead>
          <tr>
            <th scope="col">{t('learning.module')}</th>
            <th scope="col">{t('learning.status')}</th>
            <th scope="col">{t('learning.lessons')}</th>
            <th scope="col">{t('learning.bestScore')}</th>
            <th scope="col">{t('learning.timeSpent')}</th>
          </tr>
        </thead>
        <tbody>
          {rows.map(({ id, p }) => (
            <tr key={id}>
              <th scope="row">
                <Link to={paths.module(id)}>{title(id)}</Link>
              </th>
              <td>
                <StatusBadge status={p.status} />
              </td>
              <td>{lessons(p)}</td>
              <td>{score(p) ?? '—'}</td>
              <td>{format.duration(p.secondsSpent)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
