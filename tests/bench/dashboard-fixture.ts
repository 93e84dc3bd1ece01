/*
 * A cohort dashboard (the JSON of GET /api/cohorts/:id/dashboard) made without a database, for
 * the browser benchmark of the cohort grid (grid-render.ts): by default 1,000 learners x 38
 * modules. Pure and deterministic: the same options give the same JSON, byte for byte.
 *
 * The learners follow the profiles of the server's bench fixture (src/server/fixtures.ts: star,
 * steady, struggling, inactive and new, in the same proportions), studying the modules in
 * catalogue order; totals, pathway percentages, cells and the needs-attention list are made by
 * the same shared functions the server uses (shared/mentoring/dashboard.ts), so the page gets
 * the mix of statuses, scores, times, assignments, hours and attention items a real cohort of
 * that size gives it. Names mix the course's languages (Latvian, Bulgarian, Ukrainian, Greek,
 * Italian, English), so sorting and searching meet diacritics and non-Latin scripts.
 */
import type { CatalogCurriculum } from '../../src/shared/content/compiled';
import type { HourCategory } from '../../src/shared/content/locales';
import type { AssignmentStatus, CohortDashboard, DashboardLearner, LearnerHours } from '../../src/shared/mentoring/contract';
import { seededRandom } from '../../src/shared/random';
import { attentionItems, dashboardCell, learnerTotals, type AttentionInput, type ModuleRow } from '../../src/shared/mentoring/dashboard';

export type DashboardFixtureOptions = {
  cohort: { id: string; name: string };
  learners: number;
  /** The grid's columns, in catalogue order (see `benchModuleIds`). */
  moduleIds: readonly string[];
  /** Pathway percentages are computed for these (their modules that are not in `moduleIds` count as not started). */
  curricula: readonly CatalogCurriculum[];
  /** generatedAt; every time in the dashboard is relative to it. */
  now: Date;
  inactiveDays?: number;
  seed?: number;
};

const DAY = 86_400_000;
const LESSONS = 5;
/** Lessons and the quiz are equal steps of a module (shared/learning/progress.ts). */
const STEPS = LESSONS + 1;
const QUESTIONS = 8;
const PASS = 0.7;

type Profile = 'star' | 'steady' | 'struggling' | 'inactive' | 'new';
// The order of src/server/fixtures.ts, so both benchmarks describe the same kind of cohort.
const PROFILES: readonly Profile[] = [
  'star',
  'steady',
  'steady',
  'struggling',
  'steady',
  'inactive',
  'star',
  'steady',
  'struggling',
  'new',
];

/** Per language: men's first names, women's first names, surnames as "men's/women's form" (one form when both are the same). */
const NAMES: Record<string, { male: string; female: string; last: string }> = {
  lv: {
    male: 'Jānis, Andris, Mārtiņš, Edgars, Kārlis, Uldis, Raimonds',
    female: 'Ieva, Līga, Ilze, Dace, Anna, Sandra, Inese, Baiba, Zane, Gunta, Ināra, Kristīne',
    last: 'Bērziņš/Bērziņa, Kalniņš/Kalniņa, Ozoliņš/Ozoliņa, Liepa, Krūmiņš/Krūmiņa, Zariņš/Zariņa, Jansons/Jansone, Vītols/Vītola, Eglītis/Eglīte, Kļaviņš/Kļaviņa, Pētersons/Pētersone, Ozols/Ozola',
  },
  bg: {
    male: 'Георги, Иван, Димитър, Николай, Стефан, Петър',
    female: 'Мария, Елена, Десислава, Гергана, Цветелина, Радост, Йорданка, Силвия, Милена, Теодора',
    last: 'Иванов/Иванова, Петров/Петрова, Георгиев/Георгиева, Стоянов/Стоянова, Тодоров/Тодорова, Николов/Николова, Христов/Христова, Димитров/Димитрова, Маринов/Маринова, Колев/Колева, Ангелов/Ангелова',
  },
  uk: {
    male: 'Олександр, Андрій, Юрій, Тарас, Богдан, Віктор',
    female: 'Оксана, Наталія, Ірина, Олена, Юлія, Галина, Світлана, Тетяна, Людмила, Христина',
    last: 'Шевченко, Коваленко, Бондаренко, Мельник, Ткачук, Кравець, Олійник, Поліщук, Лисенко, Гнатюк, Савчук, Дячук',
  },
  el: {
    male: 'Γιώργος, Νίκος, Δημήτρης, Κώστας, Γιάννης',
    female: 'Μαρία, Ελένη, Κατερίνα, Σοφία, Δέσποινα, Αθηνά, Βασιλική, Ευαγγελία, Χριστίνα',
    last: 'Παπαδόπουλος/Παπαδοπούλου, Οικονόμου, Γεωργίου, Νικολάου, Παπαδάκης/Παπαδάκη, Βλάχος/Βλάχου, Αντωνίου, Μαυρίδης/Μαυρίδου, Κωνσταντίνου, Ιωάννου',
  },
  it: {
    male: 'Marco, Luca, Giuseppe, Andrea, Paolo',
    female: 'Giulia, Francesca, Chiara, Elisa, Lucia, Federica, Silvia, Paola, Martina',
    last: 'Rossi, Esposito, Bianchi, Ricci, De Luca, Romano, Colombo, Ferrari, Greco, Bruno, Gallo, Conti',
  },
  en: {
    male: 'James, Tom, Daniel, Peter, Michael',
    female: 'Sarah, Emma, Claire, Olivia, Rachel, Helen, Joanne, Megan',
    last: 'Smith, O’Brien, Walker, Evans, Hughes, Taylor, Murphy, Clarke, Davies, Wright',
  },
};
const list = (text: string) => text.split(',').map((part) => part.trim());
const LANGUAGES = Object.keys(NAMES);

/**
 * `count` module ids: the catalogue's own, in order, then the same again with "-part-2",
 * "-part-3", … until there are enough. The extra ids have no title in the built catalogue, so
 * the grid shows the id instead; ids are slugs of the English titles, so the column headers
 * keep about the same width.
 */
export function benchModuleIds(catalogueIds: readonly string[], count: number): string[] {
  if (catalogueIds.length === 0) throw new Error('benchModuleIds: the catalogue has no modules');
  return Array.from({ length: count }, (_, i) => {
    const id = catalogueIds[i % catalogueIds.length] as string;
    const round = Math.floor(i / catalogueIds.length);
    return round === 0 ? id : `${id}-part-${round + 1}`;
  });
}

const hundredths = (hours: number) => Math.round(hours * 100);

function learnerHours(approved: Map<HourCategory, number>, pending: Map<HourCategory, number>): LearnerHours {
  const hours = (from: Map<HourCategory, number>) =>
    Object.fromEntries([...from].filter(([, h]) => h > 0).map(([category, h]) => [category, h / 100])) as LearnerHours['approved'];
  return { approved: hours(approved), pending: hours(pending) };
}

type MadeLearner = { learner: DashboardLearner; rows: ModuleRow[]; attention: AttentionInput };

function makeLearner(index: number, options: DashboardFixtureOptions, random: () => number): MadeLearner {
  const { moduleIds, now } = options;
  const nowMs = now.getTime();
  const pick = <T>(list: readonly T[]): T => list[Math.floor(random() * list.length)] as T;
  const iso = (ms: number) => new Date(Math.min(ms, nowMs - 60_000)).toISOString();
  const uuidPart = (length: number) => Array.from({ length }, () => Math.floor(random() * 16).toString(16)).join('');
  const id = `${uuidPart(8)}-${uuidPart(4)}-4${uuidPart(3)}-8${uuidPart(3)}-${uuidPart(12)}`;

  const language = LANGUAGES[index % LANGUAGES.length] as string;
  const names = NAMES[language]!;
  const female = random() < 0.75;
  const [maleLast = '', femaleLast = maleLast] = pick(list(names.last)).split('/');
  const name = `${pick(list(female ? names.female : names.male))} ${female ? femaleLast : maleLast}`;
  const login = `${language}-${String(index + 1).padStart(4, '0')}`;

  const profile = PROFILES[index % PROFILES.length] as Profile;
  const touchedCount = {
    star: Math.ceil(moduleIds.length * (0.6 + random() * 0.4)),
    steady: Math.ceil(moduleIds.length * (0.2 + random() * 0.3)),
    struggling: Math.ceil(moduleIds.length * (0.1 + random() * 0.2)),
    inactive: 1 + Math.floor(random() * 2),
    new: 0,
  }[profile];
  const touched = moduleIds.slice(0, Math.min(moduleIds.length, touchedCount));
  // Inactive learners studied 50 to 22 days ago; the others from 42 days ago until about now.
  const [fromDays, toDays] = profile === 'inactive' ? [50, 22] : [42, 0.5];
  const start = nowMs - fromDays * DAY;
  const end = nowMs - toDays * DAY - random() * (profile === 'inactive' ? 10 * DAY : DAY);
  const step = (end - start) / Math.max(1, touched.length);
  const skill = { star: 0.9, steady: 0.75, struggling: 0.45, inactive: 0.6, new: 0 }[profile];

  const rows: ModuleRow[] = touched.map((moduleId, position) => {
    const at = start + (position + 1) * step;
    const last = position === touched.length - 1;
    // The module a learner is on is half done, except for the best learners and for half the
    // struggling ones, who have read it all but failed its quiz twice.
    const stuck = last && profile === 'struggling' && random() < 0.5;
    const lessonsCompleted = last && profile !== 'star' && !stuck ? 1 + Math.floor(random() * (LESSONS - 2)) : LESSONS;
    const scores: number[] = [];
    if (lessonsCompleted === LESSONS) {
      // Learners retake a quiz until they pass before they move on; on the module they are on
      // now they may have tried once or twice so far.
      const attempts = stuck ? 2 : last ? 1 + Math.floor(random() * 2) : 4;
      for (let a = 0; a < attempts; a += 1) {
        const chance = stuck ? 0.3 : Math.min(0.98, skill + a * 0.2);
        let right = 0;
        for (let q = 0; q < QUESTIONS; q += 1) if (random() < chance) right += 1;
        scores.push(right / QUESTIONS);
        if (right / QUESTIONS >= PASS) break;
      }
    }
    const quizPassed = scores.some((s) => s >= PASS);
    const done = lessonsCompleted + (quizPassed ? 1 : 0);
    const lessonSeconds = lessonsCompleted * 8 * 60 * (0.6 + random());
    const quizSeconds = scores.length * (4 + random() * 8) * 60;
    let assignment: AssignmentStatus = 'none';
    let assignmentSince: string | null = null;
    // Every third module has a practical assignment, as in the server's synthetic course.
    if (moduleIds.indexOf(moduleId) % 3 === 0 && lessonsCompleted === LESSONS) {
      // A mentor who keeps up: work handed in this week often still waits; older work has
      // mostly been accepted, some returned and not handed in again, a little overlooked.
      const since = at + random() * 2 * DAY;
      const fate = random();
      if (nowMs - since < 7 * DAY) assignment = fate < 0.3 ? 'submitted' : fate < 0.8 ? 'accepted' : 'returned';
      else assignment = fate < 0.75 ? 'accepted' : fate < 0.95 ? 'returned' : 'submitted';
      assignmentSince = iso(since);
    }
    return {
      moduleId,
      status: done === STEPS ? 'completed' : 'in-progress',
      percent: Math.round((done / STEPS) * 100),
      bestScore: scores.length ? Math.max(...scores) : null,
      secondsSpent: Math.round(lessonSeconds + quizSeconds),
      lessonsCompleted,
      attempts: scores.length,
      failedAttempts: scores.filter((s) => s < PASS).length,
      quizPassed,
      assignment,
      assignmentSince,
      lastActivityAt: iso(at),
    };
  });

  // Hours outside the app: entries of the last week often wait for the mentor; older ones
  // are mostly approved, some questioned (then neither approved nor waiting). Online hours are
  // the study time the app measured.
  const approved = new Map<HourCategory, number>();
  const pending = new Map<HourCategory, number>();
  let hoursWaitingSince: string | null = null;
  const entries = profile === 'new' ? 0 : profile === 'inactive' ? 1 : 1 + Math.floor(random() * 4);
  for (let e = 0; e < entries; e += 1) {
    const category = pick<HourCategory>(['face-to-face', 'project', 'work-based', 'assessment']);
    const hours = hundredths(pick([1, 1.5, 2, 3, 4, 6]));
    const loggedAt = iso(start + random() * (end - start));
    const fate = random();
    const waits = nowMs - Date.parse(loggedAt) < 7 * DAY ? fate < 0.5 : fate < 0.05;
    if (!waits && fate < 0.9) approved.set(category, (approved.get(category) ?? 0) + hours);
    else if (waits) {
      pending.set(category, (pending.get(category) ?? 0) + hours);
      if (hoursWaitingSince === null || loggedAt < hoursWaitingSince) hoursWaitingSince = loggedAt;
    }
  }
  const totals = learnerTotals(rows, options.curricula);
  approved.set('online', hundredths(totals.secondsSpent / 3600));

  const lastActivityAt = rows.reduce<string | null>(
    (latest, row) => (latest === null || row.lastActivityAt! > latest ? row.lastActivityAt : latest),
    null,
  );
  const lastSyncAt = lastActivityAt === null ? null : iso(Date.parse(lastActivityAt) + (1 + random() * 120) * 60_000);
  return {
    learner: { id, name, login, lastSyncAt, lastActivityAt, ...totals, hours: learnerHours(approved, pending) },
    rows,
    attention: { learnerId: id, lastActivityAt, modules: rows, hoursWaitingSince },
  };
}

/** The dashboard of a generated cohort: learners in name order (as the server lists them), one cell per learner x module. */
export function cohortDashboardFixture(options: DashboardFixtureOptions): CohortDashboard {
  const random = seededRandom(options.seed ?? 4);
  const inactiveDays = options.inactiveDays ?? 14;
  const made = Array.from({ length: options.learners }, (_, index) => makeLearner(index, options, random));
  // The server orders by name in the database (byte order on SQLite); code-unit order is close and deterministic.
  made.sort((a, b) => (a.learner.name < b.learner.name ? -1 : a.learner.name > b.learner.name ? 1 : 0));
  const cells: CohortDashboard['cells'] = [];
  for (const { learner, rows } of made) {
    const byModule = new Map(rows.map((row) => [row.moduleId, row]));
    for (const moduleId of options.moduleIds) {
      const row = byModule.get(moduleId);
      cells.push(
        row
          ? dashboardCell(learner.id, row)
          : {
              learnerId: learner.id,
              moduleId,
              status: 'not-started',
              bestScore: null,
              secondsSpent: 0,
              lessonsCompleted: 0,
              assignment: 'none',
            },
      );
    }
  }
  return {
    cohort: options.cohort,
    generatedAt: options.now.toISOString(),
    inactiveDays,
    modules: [...options.moduleIds],
    learners: made.map((m) => m.learner),
    cells,
    attention: attentionItems(
      made.map((m) => m.attention),
      options.now,
      inactiveDays,
    ),
  };
}
