/*
 * The pathways' editor on the Modules page against a stubbed server (the network is the edge
 * we replace): moving, removing and adding modules with the focus kept where the keyboard is,
 * hours typed with a decimal comma, the save that sends every pathway, the server's refusals
 * shown beside their fields in the coordinator's language with the summary focused, and an
 * unsaved draft that survives leaving the page until it is discarded.
 */
import { cleanup, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import i18next from 'i18next';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import { renderRoute, resetLearner, signInAs, type ApiStub } from './render';
import type { PackageProblem } from '../../../../src/client/api/modules';
import type { ModuleSummary } from '../../../../src/shared/content/modulePackages';
import type { CurriculumSource } from '../../../../src/shared/content/schema';

beforeEach(async () => {
  await resetLearner();
  sessionStorage.clear();
  vi.restoreAllMocks();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

const summary = (id: string, en: string, retired = false): ModuleSummary => ({
  id,
  title: { en },
  version: 1,
  languages: ['en'],
  sizeBytes: 1000,
  importedAt: '2026-11-02T10:30:00Z',
  importedBy: null,
  retired,
});
const MODULES = [
  summary('online-safety', 'Online safety'),
  summary('e-identity', 'E-identity'),
  summary('digital-archives', 'Digital archives', true),
  summary('coding-clubs', 'Coding clubs'),
];
const pathway = (id: string, en: string, modules: string[]): CurriculumSource => ({
  id,
  title: { en },
  summary: { en: `${en} summary` },
  modules,
  hours: { online: 20, project: 10 },
});
const CURRICULA = [
  pathway('facilitator', 'Digital facilitator', ['online-safety', 'e-identity', 'digital-archives']),
  pathway('officer', 'Community officer', ['coding-clubs']),
];

/** A server with the modules and pathways above; PUT /api/curricula answers with `answer`, else stores. */
function pathwayServer(answer?: (sent: unknown[]) => Response) {
  let curricula = structuredClone(CURRICULA);
  const saved: unknown[][] = [];
  const stub: ApiStub = (url, init) => {
    if (url.pathname === '/api/modules') return Response.json({ modules: MODULES });
    if (url.pathname !== '/api/curricula') return undefined;
    if (init?.method !== 'PUT') return Response.json({ curricula });
    const sent = (JSON.parse(String(init.body)) as { curricula: unknown[] }).curricula;
    saved.push(sent);
    const refusal = answer?.(sent);
    if (refusal) return refusal;
    curricula = sent as CurriculumSource[];
    return Response.json({ curricula });
  };
  return { stub, saved };
}

const refuse = (problems: PackageProblem[]) =>
  Response.json({ error: 'curricula-refused', message: 'The pathways were not saved.', problems }, { status: 422 });

async function openEditor(stub: ApiStub) {
  signInAs('coordinator', 'ieva', 'Ieva Coordinator');
  await renderRoute('/admin/modules', stub);
  const heading = await screen.findByRole('heading', { name: 'Pathways' }, { timeout: 10_000 });
  const section = heading.closest('section')!;
  await within(section).findByRole('list', {}, { timeout: 10_000 });
  return section;
}

const order = (section: HTMLElement) =>
  within(within(section).getByRole('list'))
    .getAllByRole('listitem')
    .map((item) => item.querySelector('.pathway-module__title')?.textContent);
const status = (text: string) => screen.getAllByRole('status').some((s) => s.textContent === text);

describe("the Modules page's pathway editor", () => {
  it('moves, removes and adds modules with the keyboard focus kept, and saves every pathway', async () => {
    const user = userEvent.setup();
    const { stub, saved } = pathwayServer();
    const section = await openEditor(stub);
    expect(within(section).getByRole('combobox', { name: 'Pathway' })).toHaveDisplayValue('Digital facilitator');
    expect(order(section)).toEqual(['Online safety', 'E-identity', 'Digital archives']);
    const archived = within(section).getByText('Digital archives').closest('li')!;
    expect(within(archived).getByText('Retired: learners do not see it')).toBeInTheDocument();

    const up = within(section).getByRole('button', { name: 'Move up “E-identity”' });
    await user.click(up);
    expect(order(section)).toEqual(['E-identity', 'Online safety', 'Digital archives']);
    expect(within(section).getByRole('button', { name: 'Move up “E-identity”' })).toHaveFocus();
    expect(status('“E-identity” is now number 1 of 3.')).toBe(true);
    // At the top a move does nothing, and the focus stays.
    await user.keyboard('{Enter}');
    expect(order(section)).toEqual(['E-identity', 'Online safety', 'Digital archives']);

    await user.click(within(section).getByRole('button', { name: 'Remove “Online safety”' }));
    expect(order(section)).toEqual(['E-identity', 'Digital archives']);
    expect(within(section).getByRole('button', { name: 'Remove “Digital archives”' })).toHaveFocus();

    await user.selectOptions(within(section).getByRole('combobox', { name: 'Module to add' }), 'coding-clubs');
    await user.click(within(section).getByRole('button', { name: 'Add to the pathway' }));
    expect(order(section)).toEqual(['E-identity', 'Digital archives', 'Coding clubs']);

    const online = within(section).getByRole('textbox', { name: 'Online and self-study' });
    await user.clear(online);
    await user.type(online, '12,5');
    await user.clear(within(section).getByRole('textbox', { name: 'Project-based learning' }));
    expect(within(section).getByText(/changes that are not saved yet/)).toBeInTheDocument();

    await user.click(within(section).getByRole('button', { name: 'Save pathway' }));
    await waitFor(() => expect(status('“Digital facilitator” was saved. Learners see the change after their next sync.')).toBe(true));
    expect(saved).toEqual([
      [{ ...CURRICULA[0], modules: ['e-identity', 'digital-archives', 'coding-clubs'], hours: { online: 12.5 } }, CURRICULA[1]],
    ]);
    expect(within(section).queryByText(/changes that are not saved yet/)).not.toBeInTheDocument();
  });

  it("shows the server's refusal beside each field, focuses the summary and keeps the edits", async () => {
    const user = userEvent.setup();
    const { stub, saved } = pathwayServer(() =>
      refuse([
        {
          file: 'curricula.yaml',
          code: 'curriculumUnknownModule',
          params: { field: 'curricula.0 (facilitator)', module: 'e-identity' },
          message: 'no module',
        },
        {
          file: 'curricula.yaml',
          code: 'fieldType',
          params: { field: 'curricula.0.hours.online', expected: 'number' },
          message: 'must be a number',
        },
        { file: 'curricula.yaml', code: 'curriculumIdsTwice', params: {}, message: 'curriculum ids must be unique' },
      ]),
    );
    const section = await openEditor(stub);
    const online = within(section).getByRole('textbox', { name: 'Online and self-study' });
    await user.clear(online);
    await user.type(online, 'many');
    await user.click(within(section).getByRole('button', { name: 'Save pathway' }));

    const alert = await within(section).findByText('Please correct 2 fields.');
    expect(alert.closest('[role="alert"]')).toHaveFocus();
    expect(within(section).getByText(/The pathway was not saved/)).toBeInTheDocument();
    expect(within(section).getByText('curriculum ids must be unique')).toBeInTheDocument();
    expect(online).toHaveAttribute('aria-invalid', 'true');
    expect(online).toHaveAccessibleDescription(
      'Write the hours as a number, 0 or more (for example 20 or 12.5), or leave the field empty.',
    );
    expect(within(section).getByRole('button', { name: 'Move up “E-identity”' })).toHaveAccessibleDescription('no module "e-identity"');
    expect(saved[0]).toEqual([{ ...CURRICULA[0], hours: { online: 'many', project: 10 } }, CURRICULA[1]]);
    expect(online).toHaveValue('many');
  });

  it("says an empty pathway's refusal in the coordinator's language", async () => {
    const user = userEvent.setup();
    const { stub } = pathwayServer(() =>
      refuse([
        {
          file: 'curricula.yaml',
          code: 'fieldInvalid',
          params: { field: 'curricula.1.modules', detail: 'Too small' },
          message: 'Too small',
        },
      ]),
    );
    const section = await openEditor(stub);
    await i18next.changeLanguage('lv');
    await user.selectOptions(within(section).getByRole('combobox', { name: 'Mācību ceļš' }), 'officer');
    await user.click(within(section).getByRole('button', { name: /^Izņemt .*Coding clubs/ }));
    expect(within(section).getByRole('combobox', { name: 'Modulis, ko pievienot' })).toHaveFocus();
    await user.click(within(section).getByRole('button', { name: 'Saglabāt mācību ceļu' }));

    const problem = await within(section).findByText('Mācību ceļā jābūt vismaz vienam modulim. Pirms saglabāšanas pievienojiet moduli.');
    expect(problem.closest('fieldset')).toHaveAccessibleDescription(problem.textContent!);
    expect(within(section).getByText('Lūdzu, izlabojiet 1 lauku.').closest('[role="alert"]')).toHaveFocus();
  });

  it('says so when the server has no pathways, instead of an empty choice', async () => {
    signInAs('coordinator', 'ieva', 'Ieva Coordinator');
    await renderRoute('/admin/modules', (url) =>
      url.pathname === '/api/modules'
        ? Response.json({ modules: MODULES })
        : url.pathname === '/api/curricula'
          ? Response.json({ curricula: [] })
          : undefined,
    );
    const section = (await screen.findByRole('heading', { name: 'Pathways' }, { timeout: 10_000 })).closest('section')!;
    expect(await within(section).findByText(/There are no pathways on the server yet/)).toBeInTheDocument();
    expect(within(section).queryByRole('combobox')).not.toBeInTheDocument();
  });

  it('keeps an unsaved pathway when the page is left, until it is discarded', async () => {
    const user = userEvent.setup();
    const { stub, saved } = pathwayServer();
    let section = await openEditor(stub);
    await user.click(within(section).getByRole('button', { name: 'Move down “Online safety”' }));
    expect(within(section).getByRole('combobox', { name: 'Pathway' })).toHaveDisplayValue('Digital facilitator (unsaved changes)');

    cleanup();
    section = await openEditor(stub);
    expect(order(section)).toEqual(['E-identity', 'Online safety', 'Digital archives']);
    await user.click(within(section).getByRole('button', { name: 'Discard changes' }));
    expect(order(section)).toEqual(['Online safety', 'E-identity', 'Digital archives']);
    expect(status('The changes to “Digital facilitator” were discarded.')).toBe(true);
    expect(saved).toEqual([]);
  });
});
