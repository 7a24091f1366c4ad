// The colour-scheme override: kept in localStorage, put on <html data-theme>, and "System" clears both.
import { afterEach, describe, expect, it } from 'vitest';
import { render } from 'vitest-browser-react';

import { applyTheme } from '../lib/theme.ts';
import { ThemePicker } from './theme-picker.tsx';

afterEach(() => {
  localStorage.clear();
  applyTheme('system');
});

describe('ThemePicker', () => {
  it('overrides the system scheme, remembers the choice, and hands back to the system', async () => {
    const screen = await render(<ThemePicker />);
    const select = screen.getByLabelText('Theme');
    await expect.element(select).toHaveValue('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();

    await select.selectOptions('dark');
    expect(document.documentElement.dataset.theme).toBe('dark');
    expect(localStorage.getItem('tenantry.theme')).toBe('dark');
    expect(getComputedStyle(document.documentElement).colorScheme).toBe('dark');

    await select.selectOptions('system');
    expect(document.documentElement.dataset.theme).toBeUndefined();
    expect(localStorage.getItem('tenantry.theme')).toBeNull();
  });

  it('applies a stored choice at start-up', () => {
    localStorage.setItem('tenantry.theme', 'light');
    applyTheme();
    expect(document.documentElement.dataset.theme).toBe('light');
    expect(getComputedStyle(document.documentElement).colorScheme).toBe('light');
  });
});
