import type { ReactNode } from 'react';
import { Link } from 'react-router';
import { useTranslation } from 'react-i18next';
import { Clock } from 'lucide-react';
import type { CatalogModule } from '../../shared/content/compiled';
import { competenceAreaKey } from '../../shared/content/competences';
import type { ContentLocale } from '../../shared/content/locales';
import type { ModuleProgress } from '../../shared/learning/progress';
import { paths } from '../app/paths';
import { useFormat } from '../i18n/format';
import { competenceAreaLabel } from './competences';
import { pick } from './localized';
import { ProgressRing } from './ProgressRing';
import './ModuleCard.css';

type Props = {
  module: CatalogModule;
  progress: ModuleProgress | undefined;
  locale: ContentLocale;
  /** Load the cover at once: only for the cards the first screen shows; the others load as they scroll into view. */
  eager?: boolean;
  /** The heading level of the title in the page's outline. */
  headingLevel?: 2 | 3;
  /** More about the module (a summary, its languages), below the facts. */
  children?: ReactNode;
};

/**
 * A module as a card: cover, title (the link, stretched over the card), the competence area
 * of its first competence, its study time and the learner's progress. The cover is decoration
 * beside the title, so it has empty alt text.
 */
export function ModuleCard({ module, progress, locale, eager = false, headingLevel = 3, children }: Props) {
  const { t } = useTranslation();
  const { t: tc } = useTranslation('competences');
  const format = useFormat();
  const title = pick(module.title, locale);
  const cover = module.cover[locale] ?? module.cover.en;
  const area = module.competences[0];
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const percent = progress?.percent ?? 0;
  return (
    <li className="card module-card">
      {cover && (
        <img
          className="module-card__cover"
          src={cover.url}
          alt=""
          width={cover.width}
          height={cover.height}
          loading={eager ? 'eager' : 'lazy'}
          decoding="async"
        />
      )}
      <div className="module-card__body">
        <div className="module-card__heading">
          <Heading lang={title.lang} className="module-card__title">
            <Link to={paths.module(module.id)} className="module-card__link">
              {title.text}
            </Link>
          </Heading>
          <ProgressRing percent={percent} label={t('status.percentDone', { percent })} />
        </div>
        <p className="module-card__facts">
          {area && <span className="module-card__area">{competenceAreaLabel(tc, competenceAreaKey(area))}</span>}
          <span className="module-card__time">
            <Clock aria-hidden="true" size={16} />
            <span className="visually-hidden">{t('module.estimatedTime')}: </span>
            {format.duration(module.minutes * 60)}
          </span>
        </p>
        {children}
      </div>
    </li>
  );
}
