import type { Catalog, CatalogModule } from '../../../shared/content/compiled';
import { competenceAreaKey } from '../../../shared/content/competences';

export type CatalogFilter = { pathway: string; area: string };

/** Modules in the chosen pathway (in its order) and competence area; all when a filter is empty. */
export function filterModules(catalog: Catalog, filter: CatalogFilter): CatalogModule[] {
  const pathway = catalog.curricula.find((c) => c.id === filter.pathway);
  const ordered = pathway ? pathway.modules.flatMap((id) => catalog.modules.filter((m) => m.id === id)) : catalog.modules;
  return filter.area ? ordered.filter((m) => m.competences.some((c) => competenceAreaKey(c) === filter.area)) : ordered;
}

/** Competence areas that at least one module covers, in framework order. */
export function areasInCatalog(catalog: Catalog): string[] {
  return [...new Set(catalog.modules.flatMap((m) => m.competences.map(competenceAreaKey)))].sort();
}
