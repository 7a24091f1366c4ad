// A chart for every reader: a named image with the numbers in words, the same numbers as a
// table on request, and nothing inside the picture that the keyboard can land on.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';
import { render } from 'vitest-browser-react';

import { CountChart } from './count-chart.tsx';
import { PageHeader } from './page-header.tsx';

describe('CountChart', () => {
  it('is a named image with its numbers, takes no focus, and opens them as a table', async () => {
    await render(
      <CountChart
        title="Assets by status"
        dimension="Status"
        counts={{ Retired: 2, Operational: 7 }}
        color="#4f46e5"
      />,
    );
    const section = screen.getByRole('region', { name: 'Assets by status' });
    const chart = section.getByRole('img', { name: /Bar chart of assets by status/ });
    await expect
      .element(chart)
      .toHaveAccessibleName('Bar chart of assets by status. Operational: 7, Retired: 2.');
    // A bar per count, the largest the longest, and nothing on the Tab path (axe: aria-hidden-focus).
    const [longest, shorter, ...more] = [...section.element().querySelectorAll('[data-bar]')].map(
      (bar) => bar.getBoundingClientRect().width,
    );
    expect(more).toEqual([]);
    expect(shorter).toBeGreaterThan(0);
    expect(longest).toBeGreaterThan(shorter ?? Infinity);
    const tabbable = section.element().querySelectorAll('[tabindex]:not([tabindex^="-"]), a[href], button');
    expect(tabbable.length).toBe(0);

    await section.getByText('Show the numbers').click();
    const table = section.getByRole('table', { name: 'Assets by status' });
    await expect.element(table).toBeVisible();
    await expect.element(table.getByRole('row', { name: 'Operational 7' })).toBeVisible();
    await expect.element(table.getByRole('columnheader', { name: 'Status' })).toBeVisible();
  });
});

describe('page titles', () => {
  it('names the tab after the page, and hands it back when the page goes', async () => {
    const screen = await render(<PageHeader title="Assets" />);
    expect(document.title).toBe('Assets · Tenantry');
    await screen.rerender(<PageHeader title="Rooftop chiller" />);
    expect(document.title).toBe('Rooftop chiller · Tenantry');
    await screen.unmount();
    expect(document.title).not.toContain('Rooftop chiller');
  });
});
