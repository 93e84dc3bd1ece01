import type { TFunction } from 'i18next';
import { competenceKey } from '../../shared/content/competences';

type CompetenceKey = 'digcomp-1-1';
type AreaKey = 'digcomp-1';
type FrameworkKey = 'framework-digcomp';

/** "DigComp 2.6 Managing digital identity", in the UI language. Takes `t` of the competences namespace. */
export function competenceLabel(t: TFunction<'competences'>, id: string): string {
  const [framework = '', number = ''] = id.split(':');
  return `${t(`framework-${framework}` as FrameworkKey)} ${number} ${t(competenceKey(id) as CompetenceKey)}`;
}

/** "DigComp 4 Safety" for the area key `digcomp-4`. */
export function competenceAreaLabel(t: TFunction<'competences'>, areaKey: string): string {
  const [framework = '', number = ''] = areaKey.split('-');
  return `${t(`framework-${framework}` as FrameworkKey)} ${number} ${t(areaKey as AreaKey)}`;
}
