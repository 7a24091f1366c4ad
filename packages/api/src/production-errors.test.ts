// In production an unexpected error reaches the client as a generic message
// with no stack. NODE_ENV is read when the API modules load, so it is set
// before they are imported (each test file has its own module registry).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

process.env.NODE_ENV = 'production';

const { fetchRequestHandler } = await import('@trpc/server/adapters/fetch');
const { appRouter } = await import('./root.ts');
const { createContextInner } = await import('./context.ts');
const { createHarness, PASSWORD } = await import('./testing/harness.ts');

let h: Awaited<ReturnType<typeof createHarness>>;
beforeAll(async () => {
  h = await createHarness();
  await h.db.owner.exec(`
    create function explode() returns trigger language plpgsql as $$
    begin raise exception 'secret internals: relation xyz'; end $$;
    create trigger explode before insert on tenants for each row execute function explode();`);
});
afterAll(() => h.close());

async function post(path: string, json: unknown) {
  const response = await fetchRequestHandler({
    endpoint: '/trpc',
    router: appRouter,
    req: new Request(`http://localhost/trpc/${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ json }),
    }),
    createContext: () => createContextInner({ db: h.prisma, auth: h.auth }),
  });
  return { status: response.status, text: await response.text() };
}

describe('errors in production', () => {
  it('an unexpected failure is a generic 500 with no stack and no cause', async () => {
    const { status, text } = await post('organization.register', {
      organizationName: 'Boom',
      name: 'Boom',
      email: 'boom@example.test',
      password: PASSWORD,
    });
    expect(status).toBe(500);
    expect(text).toContain('Internal server error');
    expect(text).not.toMatch(/secret internals|stack|at .*\.ts/);
  });

  it('an expected error keeps its message', async () => {
    const { status, text } = await post('site.create', { name: 'x' });
    expect(status).toBe(401);
    expect(text).toContain('Please sign in.');
  });
});
