/*
 * The coordinator's Modules page against a stubbed module packages API (the network is the
 * edge we replace): the list, the download link, an import that succeeds, one refused with
 * its problems, one held back until removed lessons are confirmed, and retire / restore with
 * the keyboard focus kept on the button.
 */
import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoute, resetLearner, signInAs, type ApiStub } from './render';
import type { PackageProblem } from '../../../../src/client/api/modules';
import type { ModuleSummary } from '../../../../src/shared/content/modulePackages';

beforeEach(async () => {
  await resetLearner();
  vi.restoreAllMocks();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const safety: ModuleSummary = {
  id: 'online-safety',
  title: { en: 'Online safety', lv: 'Drošība tiešsaistē' },
  version: 3,
  languages: ['en', 'lv'],
  sizeBytes: 1_250_000,
  importedAt: '2026-11-02T10:30:00Z',
  importedBy: 'ieva',
  retired: false,
};
const archive: ModuleSummary = {
  id: 'digital-archives',
  title: { en: 'Digital archives', lv: 'Digitālie arhīvi' },
  version: 1,
  languages: ['en'],
  sizeBytes: 48_000,
  importedAt: '2026-10-01T08:00:00Z',
  importedBy: null,
  retired: true,
};

type Sent = { url: URL; body: unknown };

/** A server holding `modules`: it answers imports with `answer` and keeps what it was sent. */
function moduleServer(modules: ModuleSummary[], answer?: (url: URL) => Response) {
  const sent: Sent[] = [];
  const stub: ApiStub = (url, init) => {
    if (url.pathname === '/api/modules' && init?.method === 'POST') {
      sent.push({ url, body: init.body });
      return answer?.(url);
    }
    if (url.pathname === '/api/modules') return Response.json({ modules });
    // The pathways' editor below the list has its own test (pathwayEditor.test.tsx).
    if (url.pathname === '/api/curricula') return Response.json({ curricula: [] });
    const change = /^\/api\/modules\/([^/]+)\/(retire|restore)$/.exec(url.pathname);
    if (change && init?.method === 'POST') {
      sent.push({ url, body: undefined });
      const found = modules.find((m) => m.id === change[1]);
      if (!found) return Response.json({ message: 'no such module' }, { status: 404 });
      found.retired = change[2] === 'retire';
      return Response.json({ module: found });
    }
    return undefined;
  };
  return { stub, sent };
}

async function openPage(stub: ApiStub) {
  signInAs('coordinator', 'ieva', 'Ieva Coordinator');
  await renderRoute('/admin/modules', stub);
  return screen.findByRole('heading', { name: 'Modules on the server' }, { timeout: 10_000 });
}

const card = async (title: string) => (await screen.findByRole('heading', { name: title, level: 3 })).closest('li')!;
const zip = (name = 'online-safety.zip') => new File([new Uint8Array([0x50, 0x4b, 3, 4])], name, { type: 'application/zip' });

describe('the Modules page', () => {
  it('lists each module with version, languages, size, import and state, and links its package', async () => {
    const { stub } = moduleServer([structuredClone(safety), structuredClone(archive)]);
    await openPage(stub);
    expect(await screen.findByText('2 modules')).toBeInTheDocument();

    const safetyCard = await card('Online safety');
    expect(within(safetyCard).getByRole('heading', { level: 3 })).toHaveAttribute('lang', 'en');
    const facts = (label: string) => within(safetyCard).getByText(label).nextElementSibling;
    expect(facts('Version')).toHaveTextContent('3');
    expect(facts('Languages')).toHaveTextContent('English, Latvian');
    expect(facts('Size')).toHaveTextContent('1.3 MB');
    expect(facts('Imported')).toHaveTextContent(/2026.* by ieva$/);
    expect(within(safetyCard).getByText('In the catalogue')).toBeInTheDocument();
    const download = within(safetyCard).getByRole('link', { name: 'Download package “Online safety”' });
    expect(download).toHaveAttribute('href', '/api/modules/online-safety/package');
    expect(download).toHaveAttribute('download', 'online-safety-v3.zip');

    const archiveCard = await card('Digital archives');
    expect(within(archiveCard).getByText('Retired')).toBeInTheDocument();
    expect(within(archiveCard).getByText(/from the app's own course$/)).toBeInTheDocument();
    expect(within(archiveCard).getByRole('button', { name: 'Bring back “Digital archives”' })).toBeInTheDocument();
  });

  it('narrows the list as the coordinator types: a title in any language or an id, accents ignored', async () => {
    const user = userEvent.setup();
    const { stub } = moduleServer([structuredClone(safety), structuredClone(archive)]);
    await openPage(stub);
    // The heading is there before the list has loaded; the field comes with the list.
    const find = await screen.findByRole('searchbox', { name: 'Find a module' });
    expect(find).toHaveAccessibleDescription('By its title in any language, or by its module id.');
    const titles = () => screen.queryAllByRole('heading', { level: 3 }).map((h) => h.textContent);
    expect(titles()).toEqual(['Online safety', 'Digital archives']);

    // The Latvian title without its accents, in capitals.
    await user.type(find, 'DROSIBA');
    expect(titles()).toEqual(['Online safety']);
    // Said in a live region, so a screen reader hears how many are left.
    expect(screen.getByText('Shown: 1 of 2')).toHaveAttribute('role', 'status');

    await user.clear(find);
    await user.type(find, 'digital-arch');
    expect(titles()).toEqual(['Digital archives']);

    // Every word must be found; one that is not empties the list and says so.
    await user.type(find, ' safety');
    expect(titles()).toEqual([]);
    expect(screen.getByText('No module matches “digital-arch safety”.')).toBeInTheDocument();
    expect(screen.getByText('Shown: 0 of 2')).toBeInTheDocument();

    await user.clear(find);
    expect(titles()).toEqual(['Online safety', 'Digital archives']);
    expect(screen.getByText('2 modules')).toBeInTheDocument();
  });

  it('is closed to anyone but a coordinator', async () => {
    const { stub, sent } = moduleServer([structuredClone(safety)]);
    signInAs('mentor', 'ivo', 'Ivo');
    await renderRoute('/admin/modules', stub);
    expect(await screen.findByRole('alert', undefined, { timeout: 10_000 })).toHaveTextContent('Only coordinators can open this page.');
    expect(sent).toEqual([]);
  });

  it('imports a package, says so in the status line and lists the new module', async () => {
    const user = userEvent.setup();
    const modules = [structuredClone(archive)];
    const { stub, sent } = moduleServer(modules, () => {
      modules.push(structuredClone(safety));
      return Response.json({ module: safety }, { status: 201 });
    });
    await openPage(stub);
    const file = zip();
    await user.upload(screen.getByLabelText('Module package (.zip)'), file);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    await waitFor(() =>
      expect(screen.getAllByRole('status').some((s) => s.textContent === '“Online safety”, version 3, was added to the course.')).toBe(
        true,
      ),
    );
    expect(await card('Online safety')).toBeInTheDocument();
    expect(sent).toHaveLength(1);
    expect(sent[0]!.url.search).toBe('');
    expect(sent[0]!.body).toBe(file);
    expect(screen.getByRole('button', { name: 'Import' })).toHaveFocus();
  });

  it('asks for a .zip before sending anything', async () => {
    const user = userEvent.setup();
    const { stub, sent } = moduleServer([]);
    await openPage(stub);
    expect(await screen.findByText('No modules yet: import a package above.')).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Import' }));
    const section = screen.getByRole('heading', { name: 'Import a module package' }).closest('section')!;
    const summary = within(section).getAllByRole('alert')[0]!;
    expect(summary).toHaveTextContent('Please correct 1 field.');
    expect(summary).toHaveFocus();
    expect(screen.getByLabelText('Module package (.zip)')).toHaveAccessibleDescription(/Choose a module package \(\.zip\) first\.$/);
    expect(sent).toEqual([]);
  });

  it('lists every problem of a refused package with its file and line, in a focused summary', async () => {
    const user = userEvent.setup();
    const problems: PackageProblem[] = [
      {
        file: 'online-safety/en/02-passwords.md',
        line: 14,
        code: 'imageNoAlt',
        params: { reference: 'media/lock.webp' },
        message: 'shows "media/lock.webp" without alt text',
      },
      {
        file: 'online-safety/module.yaml',
        line: 3,
        code: 'versionNotGrowing',
        params: { field: 'version', version: 3, current: 3 },
        message: 'version: is 3; the server has version 3',
      },
      { file: 'online-safety/quiz.yaml', line: null, code: 'somethingNewer', params: {}, message: 'The server says this in English.' },
    ];
    const { stub } = moduleServer([structuredClone(safety)], () => Response.json({ problems }, { status: 422 }));
    await openPage(stub);
    await user.upload(screen.getByLabelText('Module package (.zip)'), zip());
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const report = await screen.findByRole('region', { name: 'The package was refused: 3 problems' });
    await waitFor(() => expect(report).toHaveFocus());
    const items = within(report).getAllByRole('listitem');
    expect(items.map((item) => item.textContent)).toEqual([
      'online-safety/en/02-passwords.md, line 14: shows "media/lock.webp" without alt text: write what it shows, ![...](media/lock.webp)',
      'online-safety/module.yaml, line 3: version: is 3; the server has version 3, so a new package has a higher version',
      'online-safety/quiz.yaml: The server says this in English.',
    ]);
    expect(report).toHaveTextContent('Nothing on the server was changed.');
  });

  it('words the problems in the coordinator’s language, and the page with them', async () => {
    const user = userEvent.setup();
    const problems: PackageProblem[] = [
      {
        file: 'online-safety/en/02-passwords.md',
        line: 14,
        code: 'imageNoAlt',
        params: { reference: 'media/lock.webp' },
        message: 'English',
      },
    ];
    const { stub } = moduleServer([structuredClone(safety)], () => Response.json({ problems }, { status: 422 }));
    await openPage(stub);
    try {
      await i18next.changeLanguage('lv');
      expect(await screen.findByRole('heading', { name: 'Drošība tiešsaistē', level: 3 })).toHaveAttribute('lang', 'lv');
      await user.upload(await screen.findByLabelText('Moduļa pakotne (.zip)'), zip());
      await user.click(screen.getByRole('button', { name: 'Importēt' }));
      const report = await screen.findByRole('region', { name: 'Pakotne netika pieņemta: 1 problēma' });
      expect(within(report).getByRole('listitem')).toHaveTextContent(
        'online-safety/en/02-passwords.md, 14. rinda: rāda "media/lock.webp" bez alternatīvā teksta: uzrakstiet, ko tas rāda, ![...](media/lock.webp)',
      );
    } finally {
      await i18next.changeLanguage('en');
    }
  });

  it('holds back a version that removes studied lessons until the coordinator confirms, then sends it with force', async () => {
    const user = userEvent.setup();
    const modules = [structuredClone(safety)];
    const { stub, sent } = moduleServer(modules, (url) => {
      if (url.searchParams.get('force') !== '1') {
        return Response.json(
          {
            removedLessons: [
              { lessonId: '03-phishing', learners: 3 },
              { lessonId: '04-backups', learners: 1 },
            ],
          },
          { status: 409 },
        );
      }
      modules[0] = { ...safety, version: 4 };
      return Response.json({ module: modules[0] }, { status: 200 });
    });
    await openPage(stub);
    const file = zip();
    await user.upload(screen.getByLabelText('Module package (.zip)'), file);
    await user.click(screen.getByRole('button', { name: 'Import' }));

    const report = await screen.findByRole('region', { name: 'This version removes lessons that learners have studied' });
    await waitFor(() => expect(report).toHaveFocus());
    expect(
      within(report)
        .getAllByRole('listitem')
        .map((item) => item.textContent),
    ).toEqual(['03-phishing: 3 learners have progress', '04-backups: 1 learner has progress']);

    await user.click(within(report).getByRole('button', { name: 'Import this version' }));
    const checkbox = within(report).getByRole('checkbox', { name: 'I understand: import this version and remove these lessons' });
    expect(within(report).getByRole('alert')).toHaveFocus();
    expect(checkbox).toHaveAttribute('aria-invalid', 'true');
    expect(checkbox).toHaveAccessibleDescription('Tick the box to confirm, or choose another package.');
    expect(sent).toHaveLength(1);

    await user.click(checkbox);
    await user.click(within(report).getByRole('button', { name: 'Import this version' }));
    await waitFor(() =>
      expect(screen.getAllByRole('status').some((s) => s.textContent === '“Online safety” was updated to version 4.')).toBe(true),
    );
    expect(sent).toHaveLength(2);
    expect(sent[1]!.url.searchParams.get('force')).toBe('1');
    expect(sent[1]!.body).toBe(file);
    expect(screen.queryByRole('region', { name: 'This version removes lessons that learners have studied' })).not.toBeInTheDocument();
    expect(screen.getByLabelText('Module package (.zip)')).toHaveFocus();
    // The list is read again after the status line says so.
    const safetyCard = await card('Online safety');
    await waitFor(() => expect(within(safetyCard).getByText('Version').nextElementSibling).toHaveTextContent('4'));
  });

  it('retires and restores a module, keeping the focus on its button', async () => {
    const user = userEvent.setup();
    const { stub, sent } = moduleServer([structuredClone(safety)]);
    await openPage(stub);
    const button = within(await card('Online safety')).getByRole('button', { name: 'Retire “Online safety”' });
    await user.click(button);

    await waitFor(() => expect(button).toHaveAccessibleName('Bring back “Online safety”'));
    expect(button).toHaveFocus();
    expect(within(await card('Online safety')).getByText('Retired')).toBeInTheDocument();
    expect(screen.getAllByRole('status').some((s) => s.textContent?.startsWith('“Online safety” is retired'))).toBe(true);

    await user.keyboard('{Enter}');
    await waitFor(() => expect(button).toHaveAccessibleName('Retire “Online safety”'));
    expect(button).toHaveFocus();
    expect(screen.getAllByRole('status').some((s) => s.textContent === '“Online safety” is back in the catalogue.')).toBe(true);
    expect(sent.map((s) => s.url.pathname)).toEqual(['/api/modules/online-safety/retire', '/api/modules/online-safety/restore']);
  });

  it('says why a retirement failed, next to the module', async () => {
    const user = userEvent.setup();
    const { stub } = moduleServer([structuredClone(safety)]);
    const failing: ApiStub = (url, init) =>
      url.pathname.endsWith('/retire') ? Response.json({ message: 'Database is down' }, { status: 500 }) : stub(url, init);
    await openPage(failing);
    const safetyCard = await card('Online safety');
    await user.click(within(safetyCard).getByRole('button', { name: 'Retire “Online safety”' }));
    expect(await within(safetyCard).findByRole('alert')).toHaveTextContent('Something went wrong on the server. Try again later.');
    expect(within(safetyCard).getByText('In the catalogue')).toBeInTheDocument();
  });
});
