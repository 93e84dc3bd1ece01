/*
 * The module packages API's answers (`/api/modules`, `/api/curricula`), declared once for the
 * server that sends them and the Modules page that reads them.
 */
import type { Localized } from './compiled';

/** A module as the Modules page and `list-modules` show it. */
export type ModuleSummary = {
  id: string;
  version: number;
  title: Localized;
  /** Content languages in which every lesson exists. */
  languages: string[];
  sizeBytes: number;
  importedAt: string;
  /** The login of who imported it; null for the modules seeded from the repository at first start. */
  importedBy: string | null;
  retired: boolean;
};

/** A lesson an update would remove, with how many learners have progress on it. */
export type RemovedLesson = { lessonId: string; learners: number };
