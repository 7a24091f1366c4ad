// Accessibility checks in the journey: axe-core on the page as it stands, reporting the
// violations that block people (serious and critical) with the elements they concern.
import { AxeBuilder } from '@axe-core/playwright';
import type { Page } from 'playwright-core';

/** "rule: selector, selector" for each serious or critical violation; [] when there are none. */
export async function seriousViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'best-practice'])
    .analyze();
  return results.violations
    .filter((v) => v.impact === 'serious' || v.impact === 'critical')
    .map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
}
