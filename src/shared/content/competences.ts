/*
 * The competence frameworks a module can name: DigComp 2.2 (the EU digital competence
 * framework for citizens, 5 areas, 21 competences) and EntreComp (the EU entrepreneurship
 * competence framework, 3 areas, 15 competences). Readable names live in
 * `locales/<lng>/competences.json` under the key returned by `competenceKey`.
 */
export const COMPETENCES = {
  digcomp: {
    '1': ['1.1', '1.2', '1.3'],
    '2': ['2.1', '2.2', '2.3', '2.4', '2.5', '2.6'],
    '3': ['3.1', '3.2', '3.3', '3.4'],
    '4': ['4.1', '4.2', '4.3', '4.4'],
    '5': ['5.1', '5.2', '5.3', '5.4'],
  },
  entrecomp: {
    '1': ['1.1', '1.2', '1.3', '1.4', '1.5'],
    '2': ['2.1', '2.2', '2.3', '2.4', '2.5'],
    '3': ['3.1', '3.2', '3.3', '3.4', '3.5'],
  },
} as const;

export type Framework = keyof typeof COMPETENCES;

export const ALL_COMPETENCE_IDS: readonly string[] = Object.entries(COMPETENCES).flatMap(([framework, areas]) =>
  Object.values(areas).flatMap((ids: readonly string[]) => ids.map((id) => `${framework}:${id}`)),
);

const known = new Set(ALL_COMPETENCE_IDS);

export function isCompetenceId(value: string): boolean {
  return known.has(value);
}

/** `digcomp:2.6` -> `digcomp-2-6`, the i18n key of the competence's name. */
export function competenceKey(id: string): string {
  return id.replace(':', '-').replace('.', '-');
}

/** `digcomp:2.6` -> `digcomp-2`, the i18n key of the competence area's name. */
export function competenceAreaKey(id: string): string {
  const [framework = '', number = ''] = id.split(':');
  return `${framework}-${number.split('.')[0] ?? ''}`;
}

export const ALL_COMPETENCE_AREA_KEYS: readonly string[] = Object.entries(COMPETENCES).flatMap(([framework, areas]) =>
  Object.keys(areas).map((area) => `${framework}-${area}`),
);
