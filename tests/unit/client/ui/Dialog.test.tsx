/*
 * The dialog gives focus back to what opened it, whether the person closes it (Escape or the
 * close button) or its owner does. jsdom has no showModal/close, so the two browser methods
 * are stood in for below, as the browser does them: set `open`, and fire `close` on closing.
 */
import { act, render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { Dialog } from '../../../../src/client/ui/Dialog';
import { initI18n } from '../../../../src/client/i18n/i18n';

beforeAll(() => {
  HTMLDialogElement.prototype.showModal = function showModal(this: HTMLDialogElement) {
    this.setAttribute('open', '');
    this.querySelector<HTMLElement>('button, [href], input, select, textarea')?.focus();
  };
  HTMLDialogElement.prototype.close = function close(this: HTMLDialogElement) {
    if (!this.hasAttribute('open')) return;
    this.removeAttribute('open');
    this.dispatchEvent(new Event('close'));
  };
});

beforeEach(async () => {
  await initI18n('en');
});

function Harness() {
  const [open, setOpen] = useState(false);
  const [closedBy, setClosedBy] = useState('');
  return (
    <>
      <button type="button" onClick={() => setOpen(true)}>
        Remove the bookmark
      </button>
      <p>{closedBy}</p>
      <Dialog
        open={open}
        title="Remove the bookmark?"
        onClose={() => {
          setOpen(false);
          setClosedBy('closed by the person');
        }}
        actions={
          <button type="button" onClick={() => setOpen(false)}>
            Keep it
          </button>
        }
      >
        <p>You can add it again later.</p>
      </Dialog>
    </>
  );
}

describe('Dialog', () => {
  it('opens named by its title, and gives focus back to the opener when closed with its close button', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Remove the bookmark' });
    await user.click(opener);
    const dialog = screen.getByRole('dialog', { name: 'Remove the bookmark?' });
    expect(dialog).toHaveAttribute('open');
    expect(dialog).toContainElement(document.activeElement as HTMLElement);

    await user.click(screen.getByRole('button', { name: 'Close' }));
    expect(dialog).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    expect(screen.getByText('closed by the person')).toBeInTheDocument();
  });

  it('gives focus back when its owner closes it, without reporting a close by the person', async () => {
    const user = userEvent.setup();
    render(<Harness />);
    const opener = screen.getByRole('button', { name: 'Remove the bookmark' });
    await user.click(opener);
    await user.click(screen.getByRole('button', { name: 'Keep it' }));
    expect(screen.getByRole('dialog', { hidden: true })).not.toHaveAttribute('open');
    expect(opener).toHaveFocus();
    expect(screen.queryByText('closed by the person')).toBeNull();
  });

  it('gives focus back when it is taken off the page while open', async () => {
    const user = userEvent.setup();
    const { rerender } = render(
      <>
        <button type="button">Opener</button>
        <Dialog open={false} title="Details" onClose={() => undefined}>
          <p>Text</p>
        </Dialog>
      </>,
    );
    const opener = screen.getByRole('button', { name: 'Opener' });
    await user.click(opener);
    rerender(
      <>
        <button type="button">Opener</button>
        <Dialog open title="Details" onClose={() => undefined}>
          <p>Text</p>
        </Dialog>
      </>,
    );
    expect(screen.getByRole('dialog', { name: 'Details' })).toContainElement(document.activeElement as HTMLElement);
    act(() =>
      rerender(
        <>
          <button type="button">Opener</button>
        </>,
      ),
    );
    expect(screen.getByRole('button', { name: 'Opener' })).toHaveFocus();
  });
});
