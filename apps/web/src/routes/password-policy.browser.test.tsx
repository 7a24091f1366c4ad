// The password policy in the browser: the API's schema refuses a common
// password before anything is sent (its list loads on first use, as a chunk of
// its own). The invitation form takes the same zPassword.
import { describe, expect, it } from 'vitest';
import { page as screen } from 'vitest/browser';

import { createFakeApi } from '../test/fake-api.ts';
import { renderApp } from '../test/render.tsx';
import { SignUpPage } from './sign-up.tsx';

const field = (label: string) => screen.getByLabelText(label, { exact: true });

describe('sign-up password', () => {
  it('refuses a common password and one of spaces only, then sends a good one', async () => {
    const api = createFakeApi({ organization: { register: () => new Promise<never>(() => undefined) } });
    await renderApp(<SignUpPage />, { at: '/sign-up', api });
    await field('Organization name').fill('Acme Facilities');
    await field('Your name').fill('Olivia Owner');
    await field('Work email').fill('owner@acme.test');
    const submit = screen.getByRole('button', { name: 'Create organization' });

    for (const [password, message] of [
      ['Password123', 'is one of the most common passwords; choose another'],
      ['          ', 'must not be only spaces'],
    ] as const) {
      await field('Password').fill(password);
      await submit.click();
      await expect.element(field('Password')).toHaveAccessibleDescription(message);
    }
    expect(api.calls).toEqual([]);

    await field('Password').fill('correct-horse-battery');
    await submit.click();
    await expect.poll(() => api.calls.map((call) => call.path)).toEqual(['organization.register']);
  });
});
