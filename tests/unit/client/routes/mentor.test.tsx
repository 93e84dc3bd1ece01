import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { contentFile, renderRoute, resetLearner } from './render';
import { setSignedInAccount, resetIdentityCache } from '../../../../src/client/db/identity';
import type { Catalog } from '../../../../src/shared/content/compiled';
import type { CohortDashboard } from '../../../../src/shared/mentoring/contract';

const catalog = contentFile<Catalog>('content/catalog.json');
const modules = catalog.modules.map((m) => m.id);
const curriculum = catalog.curricula[0]!.id;

/** A cohort of 120 learners with varied progress; learner 7 has not been active and needs attention. */
function cohort(): CohortDashboard {
  const learners = Array.from({ length: 120 }, (_, i) => ({
    id: `l${i}`,
    name: i === 0 ? 'Ōzola Anna' : `Learner ${String(i).padStart(3, '0')}`,
    login: `learner${i}`,
    lastSyncAt: i === 7 ? null : '2024-05-01T10:00:00.000Z',
    lastActivityAt: i === 7 ? null : `2024-04-${String((i % 28) + 1).padStart(2, '0')}T10:00:00.000Z`,
    modulesCompleted: i === 7 ? 0 : i % 4,
    secondsSpent: i === 7 ? 0 : i * 600,
    pathways: { [curriculum]: (i % 4) * 10 },
  }));
  return {
    cohort: { id: 'c1', name: 'Rīga 2024' },
    generatedAt: '2024-05-02T08:00:00.000Z',
    inactiveDays: 14,
    modules,
    learners,
    cells: learners.flatMap((l) =>
      modules.slice(0, l.modulesCompleted).map((moduleId) => ({
        learnerId: l.id,
        moduleId,
        status: 'completed' as const,
        bestScore: 0.8,
        secondsSpent: 1200,
        lessonsCompleted: 3,
        assignment: 'none' as const,
      })),
    ),
    attention: [{ learnerId: 'l7', reason: 'inactive' }],
  };
}

/** jsdom's Blob has no arrayBuffer(); FileReader reads it. */
function bytesOf(blob: Blob): Promise<Uint8Array> {
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(new Uint8Array(reader.result as ArrayBuffer));
    reader.onerror = () => reject(reader.error ?? new Error('read failed'));
    reader.readAsArrayBuffer(blob);
  });
}

const grid = () => screen.getByRole('table', { name: /Each learner's progress/ });

const json = (body: unknown) => new Response(JSON.stringify(body), { status: 200, headers: { 'Content-Type': 'application/json' } });

beforeEach(async () => {
  await resetLearner();
  resetIdentityCache();
  setSignedInAccount({
    id: 'm1',
    login: 'ivo',
    name: 'Ivo',
    role: 'mentor',
    actor: { objectType: 'Agent', account: { homePage: 'https://library.test', name: 'ivo' } },
  });
});

afterEach(() => setSignedInAccount(null));

describe('the cohort dashboard', () => {
  it('renders a page of learners, filters, sorts and paginates', async () => {
    const user = userEvent.setup();
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    expect(await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' }, { timeout: 5000 })).toBeInTheDocument();
    expect(screen.getByText(/^Data from /)).toBeInTheDocument();

    const table = grid();
    expect(await within(table).findByRole('columnheader', { name: catalog.modules[0]!.title.en })).toBeInTheDocument();
    for (const name of ['Learner', 'Last activity', 'Last sync', 'Modules completed'])
      expect(within(table).getByRole('columnheader', { name })).toHaveAttribute('scope', 'col');
    expect(within(table).getByRole('columnheader', { name: 'Learner' })).toHaveAttribute('aria-sort', 'ascending');
    expect(within(table).getAllByRole('row')).toHaveLength(51);
    expect(screen.getByText('Showing 1–50 of 120 learners.')).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Next page' }));
    expect(screen.getByText('Showing 51–100 of 120 learners.')).toBeInTheDocument();
    expect(screen.getByText('Page 2 of 3')).toBeInTheDocument();

    await user.type(screen.getByRole('searchbox', { name: 'Find a learner by name' }), 'ozola');
    expect(screen.getByText('Showing 1–1 of 1 learners.')).toBeInTheDocument();
    expect(within(grid()).getByRole('link', { name: 'Ōzola Anna' })).toHaveAttribute('href', '/mentor/learners/l0');

    await user.clear(screen.getByRole('searchbox', { name: 'Find a learner by name' }));
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));
    const rows = within(grid()).getAllByRole('row');
    expect(rows).toHaveLength(2);
    expect(rows[1]).toHaveTextContent('Learner 007');
    await user.click(screen.getByRole('checkbox', { name: 'Needs attention only' }));

    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress' }), 'Not started');
    expect(screen.getByText('Showing 1–1 of 1 learners.')).toBeInTheDocument();
    expect(within(grid()).getAllByRole('row')[1]).toHaveTextContent('Learner 007');
    await user.selectOptions(screen.getByRole('combobox', { name: 'Progress' }), 'Everyone');

    await user.click(screen.getByRole('button', { name: /Modules completed/ }));
    expect(screen.getByRole('columnheader', { name: /Modules completed/ })).toHaveAttribute('aria-sort', 'descending');
    expect(within(grid()).getAllByRole('row')[1]).toHaveTextContent(`3 of ${modules.length}`);

    const attention = screen.getByRole('heading', { name: 'Needs attention (1)' }).closest('section')!;
    expect(within(attention).getByRole('link', { name: 'Learner 007' })).toHaveAttribute('href', '/mentor/learners/l7');
  }, 30_000);

  it('exports progress as CSV with a BOM and headers in the mentor’s language', async () => {
    const user = userEvent.setup();
    const blobs: Blob[] = [];
    URL.createObjectURL = vi.fn((blob: Blob) => {
      blobs.push(blob);
      return 'blob:test';
    });
    URL.revokeObjectURL = vi.fn();
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => undefined);
    await renderRoute('/mentor/cohorts/c1', (url) => (url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined));
    await user.click(await screen.findByRole('button', { name: 'Download progress as CSV' }));
    expect(click).toHaveBeenCalled();
    const bytes = await bytesOf(blobs[0]!);
    expect([...bytes.slice(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = new TextDecoder().decode(bytes.slice(3));
    const [header, first] = text.split('\r\n');
    expect(header).toMatch(/^Learner,Login,Last activity,Last sync,Modules completed,Study time \(minutes\),/);
    expect(text).toContain('Ōzola Anna');
    expect(first).toContain('learner');
    click.mockRestore();
  });

  it('shows the last copy, labelled with its time, when the server cannot be reached', async () => {
    const first = await renderRoute('/mentor/cohorts/c1', (url) =>
      url.pathname === '/api/cohorts/c1/dashboard' ? json(cohort()) : undefined,
    );
    await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' });
    await waitFor(async () => {
      const { cachedResponse } = await import('../../../../src/client/db/mentorCache');
      expect(await cachedResponse('/api/cohorts/c1/dashboard?inactiveDays=14')).toBeDefined();
    });
    first.unmount();
    await renderRoute('/mentor/cohorts/c1', () => {
      throw new TypeError('Failed to fetch');
    });
    expect(await screen.findByRole('heading', { level: 1, name: 'Rīga 2024' })).toBeInTheDocument();
    expect(screen.getByText(/last copy saved on this device/)).toBeInTheDocument();
  });

  it('is not shown to a learner', async () => {
    setSignedInAccount(null);
    await renderRoute('/mentor/cohorts/c1');
    expect(await screen.findByText('Only mentors and coordinators can open this page.')).toBeInTheDocument();
  });
});
