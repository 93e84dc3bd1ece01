/* The language list changes nothing until "Apply": arrowing through it must not switch the app on each key. */
import { screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import i18next from 'i18next';
import { renderRoute, resetLearner } from './render';

beforeEach(async () => {
  await resetLearner();
  window.scrollTo = vi.fn() as unknown as typeof window.scrollTo;
});

afterEach(async () => {
  await i18next.changeLanguage('en');
});

describe('choosing the app’s language', () => {
  it('applies the language on the button, not on a change in the list', async () => {
    const user = userEvent.setup();
    await renderRoute('/settings');
    const select = await screen.findByRole('combobox', { name: 'Language of the app' });
    await user.selectOptions(select, 'lv');
    expect(select).toHaveValue('lv');
    expect(document.documentElement.lang).toBe('en');
    expect(screen.getByRole('heading', { level: 1, name: 'Settings' })).toBeInTheDocument();

    await user.click(screen.getByRole('button', { name: 'Apply' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Iestatījumi' })).toBeInTheDocument();
    expect(document.documentElement.lang).toBe('lv');
    expect(screen.getByRole('combobox', { name: 'Lietotnes valoda' })).toHaveValue('lv');
    expect(screen.getByRole('button', { name: 'Lietot' })).toHaveFocus();
  });
});

describe('choosing the colour theme', () => {
  it('offers light, dark and the device’s own, described by its hint, and applies a choice at once', async () => {
    const user = userEvent.setup();
    await renderRoute('/settings');
    const group = await screen.findByRole('group', { name: 'Colour theme' });
    expect(group).toHaveAccessibleDescription(/follows the light or dark setting of your phone or computer/);
    expect(screen.getByRole('radio', { name: 'Same as this device' })).toBeChecked();

    await user.click(screen.getByRole('radio', { name: 'Dark' }));
    expect(screen.getByRole('radio', { name: 'Dark' })).toBeChecked();
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('biblio-study:theme')).toBe('dark');

    await user.click(screen.getByRole('radio', { name: 'Same as this device' }));
    expect(document.documentElement.dataset.theme).toBeUndefined();
  });
});
