import type { ModuleSummary } from '../../../shared/content/modulePackages';
import { currentContentLocale } from '../../i18n/i18n';
import { pick } from '../../ui/localized';

/** A module's title in the content language (else English), with the language for its lang attribute. */
export function moduleTitle(module: ModuleSummary): { text: string; lang: string } {
  return pick(module.title, currentContentLocale());
}
