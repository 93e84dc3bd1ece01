/*
 * A pathway as the coordinator edits it: its modules in study order and the hours as typed.
 * Unsaved drafts are kept in sessionStorage (this browser tab), so leaving the page or
 * reloading it loses nothing; a draft is forgotten when it is saved or discarded. The server
 * alone decides what is valid (the rules of modules:check): the hours go as typed when they
 * are not a number, so its refusal is the one that names them.
 */
import { HOUR_CATEGORIES, type HourCategory } from '../../../shared/content/locales';
import type { CurriculumSource } from '../../../shared/content/schema';
import type { PackageProblem } from '../../api/modules';

export type PathwayDraft = { modules: string[]; hours: Record<HourCategory, string> };

const STORAGE_KEY = 'biblio-study:pathway-drafts';

export function draftOf(curriculum: CurriculumSource): PathwayDraft {
  const hours = Object.fromEntries(HOUR_CATEGORIES.map((category) => [category, String(curriculum.hours[category] ?? '')]));
  return { modules: [...curriculum.modules], hours: hours as Record<HourCategory, string> };
}

export function sameDraft(a: PathwayDraft, b: PathwayDraft): boolean {
  return a.modules.join('\n') === b.modules.join('\n') && HOUR_CATEGORIES.every((category) => a.hours[category] === b.hours[category]);
}

/** The modules with the one at `from` put at `to` (both inside the list). */
export function moved({ modules, from, to }: { modules: readonly string[]; from: number; to: number }): string[] {
  const order = [...modules];
  const [module] = order.splice(from, 1);
  if (module !== undefined) order.splice(to, 0, module);
  return order;
}

/** Hours as typed: a number (a decimal comma is read as a point), left out when empty, else the text itself. */
function typedHours(text: string): number | string | undefined {
  const trimmed = text.trim();
  if (trimmed === '') return undefined;
  return /^\d+(?:[.,]\d+)?$/.test(trimmed) ? Number(trimmed.replace(',', '.')) : trimmed;
}

/** The pathway with the draft in it, as PUT /api/curricula takes it. */
export function withDraft(curriculum: CurriculumSource, draft: PathwayDraft): Record<string, unknown> {
  const hours: Record<string, number | string> = {};
  for (const category of HOUR_CATEGORIES) {
    const value = typedHours(draft.hours[category]);
    if (value !== undefined) hours[category] = value;
  }
  return { ...curriculum, modules: draft.modules, hours };
}

/** Where the server's problems belong on the form of the pathway at `index`; the rest go in the summary. */
export type PlacedProblems = {
  /** About the list of modules as a whole (e.g. empty). */
  list: PackageProblem[];
  byModule: Map<string, PackageProblem[]>;
  hours: Map<HourCategory, PackageProblem[]>;
  elsewhere: PackageProblem[];
  /** How many problems sit beside a field. */
  placed: number;
};

const FIELD = /^curricula\.(\d+)(?: \(.*\))?(?:\.(.+))?$/;

function isHourCategory(value: unknown): value is HourCategory {
  return (HOUR_CATEGORIES as readonly unknown[]).includes(value);
}

export function placeProblems({
  problems,
  index,
  modules,
}: {
  problems: readonly PackageProblem[];
  index: number;
  modules: readonly string[];
}): PlacedProblems {
  const placed: PlacedProblems = { list: [], byModule: new Map(), hours: new Map(), elsewhere: [], placed: 0 };
  const add = <K>(map: Map<K, PackageProblem[]>, key: K, problem: PackageProblem) => {
    map.set(key, [...(map.get(key) ?? []), problem]);
    placed.placed += 1;
  };
  for (const problem of problems) {
    const params = problem.params ?? {};
    const match = typeof params.field === 'string' ? FIELD.exec(params.field) : null;
    if (!match || Number(match[1]) !== index) {
      placed.elsewhere.push(problem);
      continue;
    }
    const rest = match[2] ?? '';
    const position = /^modules\.(\d+)$/.exec(rest);
    const module = position ? modules[Number(position[1])] : params.module;
    // A field of the hours, or a rule about a category (a module's assignment counts towards it).
    const hour = /^hours\.(.+)$/.exec(rest)?.[1] ?? params.category;
    if (rest === 'modules') {
      placed.list.push(problem);
      placed.placed += 1;
    } else if (isHourCategory(hour)) add(placed.hours, hour, problem);
    else if (typeof module === 'string' && modules.includes(module)) add(placed.byModule, module, problem);
    else placed.elsewhere.push(problem);
  }
  return placed;
}

/** Every unsaved draft in this tab, by pathway id (none when storage cannot be read). */
export function readDrafts(): Record<string, PathwayDraft> {
  let parsed: unknown;
  try {
    parsed = JSON.parse(sessionStorage.getItem(STORAGE_KEY) ?? '{}');
  } catch {
    return {};
  }
  if (!parsed || typeof parsed !== 'object') return {};
  const drafts: Record<string, PathwayDraft> = {};
  for (const [id, value] of Object.entries(parsed)) {
    const draft = value as Partial<PathwayDraft> | null;
    if (!draft || !Array.isArray(draft.modules) || !draft.modules.every((m) => typeof m === 'string')) continue;
    const hours = Object.fromEntries(HOUR_CATEGORIES.map((category) => [category, String(draft.hours?.[category] ?? '')]));
    drafts[id] = { modules: draft.modules, hours: hours as Record<HourCategory, string> };
  }
  return drafts;
}

/** Keeps the drafts; without storage they live only as long as the page (the leave warning still guards them). */
export function keepDrafts(drafts: Record<string, PathwayDraft>): void {
  try {
    if (Object.keys(drafts).length === 0) sessionStorage.removeItem(STORAGE_KEY);
    else sessionStorage.setItem(STORAGE_KEY, JSON.stringify(drafts));
  } catch {
    // Storage full or blocked: the drafts stay in the page.
  }
}
