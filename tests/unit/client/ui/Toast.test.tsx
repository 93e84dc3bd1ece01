/*
 * The toast leaves by itself (but not while someone is on it), Escape closes it, and it moves
 * out of the way of the focused element instead of covering it.
 */
import { act, fireEvent, render, screen, within } from '@testing-library/react';
import { useState } from 'react';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Toast } from '../../../../src/client/ui/Toast';
import { initI18n } from '../../../../src/client/i18n/i18n';

function Harness({ autoDismissMs }: { autoDismissMs?: number | null }) {
  const [open, setOpen] = useState(true);
  return (
    <>
      <button type="button">Save the note</button>
      {open && (
        <Toast label="App update" onDismiss={() => setOpen(false)} autoDismissMs={autoDismissMs}>
          <p>Ready to work offline.</p>
        </Toast>
      )}
    </>
  );
}

const box = (top: number, bottom: number) => ({
  left: 0,
  right: 360,
  top,
  bottom,
  width: 360,
  height: bottom - top,
  x: 0,
  y: top,
  toJSON: () => ({}),
});

beforeEach(async () => {
  await initI18n('en');
});

afterEach(() => {
  vi.useRealTimers();
  vi.restoreAllMocks();
});

describe('Toast', () => {
  it('puts its words into a live region that is already on the page', async () => {
    render(<Harness autoDismissMs={null} />);
    const region = screen.getByRole('status', { name: 'App update' });
    expect(region).not.toHaveTextContent('Ready to work offline.');
    expect(await within(region).findByText('Ready to work offline.')).toBeInTheDocument();
  });

  it('leaves by itself after the given time', () => {
    vi.useFakeTimers();
    render(<Harness autoDismissMs={5000} />);
    act(() => {
      vi.advanceTimersToNextFrame();
    });
    expect(screen.getByRole('status', { name: 'App update' })).toHaveTextContent('Ready to work offline.');
    act(() => {
      vi.advanceTimersByTime(4900);
    });
    expect(screen.getByRole('status', { name: 'App update' })).toBeInTheDocument();
    act(() => {
      vi.advanceTimersByTime(200);
    });
    expect(screen.queryByRole('status', { name: 'App update' })).toBeNull();
  });

  it('waits while the keyboard focus is on it, and stays when asked to', () => {
    vi.useFakeTimers();
    render(<Harness autoDismissMs={5000} />);
    act(() => screen.getByRole('button', { name: 'Close' }).focus());
    act(() => {
      vi.advanceTimersByTime(20_000);
    });
    expect(screen.getByRole('status', { name: 'App update' })).toBeInTheDocument();
    act(() => screen.getByRole('button', { name: 'Save the note' }).focus());
    act(() => {
      vi.advanceTimersByTime(5100);
    });
    expect(screen.queryByRole('status', { name: 'App update' })).toBeNull();
  });

  it('stays until dismissed when it asks for an action', () => {
    vi.useFakeTimers();
    render(<Harness autoDismissMs={null} />);
    act(() => {
      vi.advanceTimersByTime(60_000);
    });
    expect(screen.getByRole('status', { name: 'App update' })).toBeInTheDocument();
  });

  it('closes on Escape and on its close button', () => {
    const { unmount } = render(<Harness autoDismissMs={null} />);
    fireEvent.keyDown(document.body, { key: 'Escape' });
    expect(screen.queryByRole('status', { name: 'App update' })).toBeNull();
    unmount();
    render(<Harness autoDismissMs={null} />);
    fireEvent.click(screen.getByRole('button', { name: 'Close' }));
    expect(screen.queryByRole('status', { name: 'App update' })).toBeNull();
  });

  it('moves to the top when the focused element is under it, and aside when both places would cover it', () => {
    vi.stubGlobal('innerHeight', 740);
    render(<Harness autoDismissMs={null} />);
    const toast = screen.getByRole('status', { name: 'App update' });
    const field = screen.getByRole('button', { name: 'Save the note' });
    vi.spyOn(toast, 'getBoundingClientRect').mockImplementation(() => (toast.dataset.placement === 'top' ? box(16, 116) : box(624, 724)));
    expect(toast).toHaveAttribute('data-placement', 'bottom');

    vi.spyOn(field, 'getBoundingClientRect').mockReturnValue(box(650, 694));
    act(() => field.focus());
    expect(toast).toHaveAttribute('data-placement', 'top');

    // A tall element under both places: the toast steps aside rather than hide it.
    vi.spyOn(field, 'getBoundingClientRect').mockReturnValue(box(0, 740));
    act(() => field.blur());
    act(() => field.focus());
    expect(toast).toHaveAttribute('data-placement', 'aside');

    vi.spyOn(field, 'getBoundingClientRect').mockReturnValue(box(300, 344));
    act(() => field.blur());
    act(() => field.focus());
    expect(toast).toHaveAttribute('data-placement', 'bottom');
    vi.unstubAllGlobals();
  });
});
