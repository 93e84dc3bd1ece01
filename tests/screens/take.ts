/*
 * `npm run screens`: the README's screenshots, at a 360 x 740 phone and a 1280 x 800 PC, in
 * the light and the dark theme (the browser's colour scheme; the app follows it by default).
 * Seeds the demo cohort into a temporary database, starts what `npm start` runs on a free
 * port, and visits the main pages in real Chromium as a demo learner and as the demo mentor;
 * the PNGs are written beside this file. Builds the app first when dist/ is missing.
 */
import { execFileSync, spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { CHROMIUM_ARGS, CHROMIUM_PATH } from '../e2e/chromium';
import { distDir, readQuiz, repoRoot } from '../e2e/repo';
import { en } from '../e2e/strings';
import { QuizPage } from '../e2e/pages/QuizPage';
import { freePort } from '../e2e/ports';
import { demoLearnerName } from '../../src/server/demo-seed';

const OUT = join(repoRoot, 'tests', 'screens');
const VIEWPORTS = { phone: { width: 360, height: 740 }, pc: { width: 1280, height: 800 } } as const;
const THEMES = ['light', 'dark'] as const;
type Shot = { size: keyof typeof VIEWPORTS; theme: (typeof THEMES)[number] };
const LEARNER = { login: 'demo-learner-05', password: 'demo-learner-pass' };
const MENTOR = { login: 'demo-mentor', password: 'demo-mentor-pass' };
/** A lesson with an illustration, and a quiz. */
const LESSON = '/modules/e-identity-and-e-signature/lessons/signing-and-checking-safely';
const QUIZ_MODULE = 'online-safety';
const QUIZ = `/modules/${QUIZ_MODULE}/quiz`;
const WAIT_MS = 30_000;

function run(command: string, args: string[], env: NodeJS.ProcessEnv = {}): void {
  execFileSync(command, args, { cwd: repoRoot, stdio: 'inherit', env: { ...process.env, ...env } });
}

async function startServer(dataDir: string): Promise<{ baseURL: string; stop: () => void }> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'src/server/start.ts'], {
    cwd: repoRoot,
    env: { ...process.env, DATA_DIR: dataDir, PORT: String(port), HOST: '127.0.0.1' },
    stdio: 'inherit',
  });
  const baseURL = `http://127.0.0.1:${port}`;
  const until = Date.now() + WAIT_MS * 2;
  for (;;) {
    const ok = await fetch(`${baseURL}/api/health`).then(
      (response) => response.ok,
      () => false,
    );
    if (ok) break;
    if (Date.now() > until || child.exitCode !== null) throw new Error(`The server did not start on ${baseURL}`);
    await new Promise((resolve) => setTimeout(resolve, 250));
  }
  return { baseURL, stop: () => child.kill('SIGTERM') };
}

/** Waits until the page has its heading and nothing is loading, then saves it. */
async function shoot(page: Page, name: string): Promise<void> {
  await page.getByRole('heading', { level: 1 }).first().waitFor({ timeout: WAIT_MS });
  await page.waitForLoadState('networkidle', { timeout: WAIT_MS });
  await page.screenshot({ path: join(OUT, `${name}.png`) });
  console.log(`screens: ${name}.png`);
}

async function signIn(page: Page, baseURL: string, person: { login: string; password: string }): Promise<void> {
  await page.goto(`${baseURL}/sign-in`);
  await page.getByRole('textbox', { name: 'Login', exact: true }).fill(person.login);
  await page.getByLabel('Password', { exact: true }).fill(person.password);
  await page.getByRole('button', { name: 'Sign in', exact: true }).click();
  await page.waitForURL((url) => !url.pathname.startsWith('/sign-in'), { timeout: WAIT_MS });
}

function newPage(browser: Browser, { size, theme }: Shot): Promise<Page> {
  return browser
    .newContext({ viewport: VIEWPORTS[size], colorScheme: theme, reducedMotion: 'reduce', locale: 'en-GB' })
    .then((context) => context.newPage());
}

async function learnerPages(browser: Browser, baseURL: string, shot: Shot): Promise<void> {
  const page = await newPage(browser, shot);
  const suffix = `${shot.size}-${shot.theme}`;
  await signIn(page, baseURL, LEARNER);
  for (const [name, path] of [
    ['home', '/'],
    ['catalogue', '/catalog'],
    ['lesson', LESSON],
    ['my-learning', '/learning'],
    ['settings', '/settings'],
  ] as const) {
    await page.goto(`${baseURL}${path}`);
    await shoot(page, `${name}-${suffix}`);
  }
  // A new attempt, answered right up to its first single-choice question, which is answered
  // wrong: every shot shows the same kind of feedback (the wrong choice marked, the right one
  // named, and why), whatever order the attempt draws.
  const quiz = new QuizPage(page, en);
  await page.goto(`${baseURL}${QUIZ}`);
  await quiz.start();
  const pool = readQuiz(QUIZ_MODULE).questions;
  for (let question = await quiz.shownQuestion(pool); ; question = await quiz.shownQuestion(pool)) {
    if (question.type === 'single') {
      const wrong = question.options.find((option) => option.id !== question.answer);
      if (!wrong) throw new Error(`question ${question.id} has no wrong option`);
      await quiz.option(wrong.text.en).check();
      break;
    }
    await quiz.answerCorrectly(question);
    await quiz.check();
    await quiz.continue(false);
  }
  await quiz.check();
  await shoot(page, `quiz-answer-${suffix}`);
  await page.context().close();
}

async function mentorGrid(browser: Browser, baseURL: string, shot: Shot): Promise<void> {
  const page = await newPage(browser, shot);
  await signIn(page, baseURL, MENTOR);
  await page.goto(`${baseURL}/mentor`);
  await page.getByRole('main').getByRole('link').first().click();
  // A table on a PC, learner cards on a phone: either way the demo learners' names.
  await page.getByRole('main').getByText(demoLearnerName(0)).first().waitFor({ timeout: WAIT_MS });
  // On a phone the cards start below the search and filters: the shot begins at the count above them.
  if (shot.size === 'phone') {
    await page.evaluate(() => {
      const cards = document.querySelector('.learner-cards');
      if (cards) window.scrollTo(0, cards.getBoundingClientRect().top + window.scrollY - 140);
    });
  }
  await shoot(page, `cohort-grid-${shot.size}-${shot.theme}`);
  await page.context().close();
}

async function main(): Promise<void> {
  if (!existsSync(join(distDir, 'index.html'))) run('npm', ['run', 'build']);
  const dataDir = mkdtempSync(join(tmpdir(), 'biblio-screens-'));
  run(process.execPath, ['--import', 'tsx', 'src/server/demo.ts'], { DATA_DIR: dataDir });
  const server = await startServer(dataDir);
  const browser = await chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
  try {
    for (const size of ['phone', 'pc'] as const) {
      for (const theme of THEMES) {
        await learnerPages(browser, server.baseURL, { size, theme });
        await mentorGrid(browser, server.baseURL, { size, theme });
      }
    }
  } finally {
    await browser.close();
    server.stop();
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
