// The peer: better-auth (the catalog's version) with its organization plugin on
// Fastify and pg, rate limit off, as a team would build the same product on the
// library alone. Bench only; never shipped. It creates its tables with
// better-auth's own migrations and, when empty, one organization of six members.
import { betterAuth } from 'better-auth';
import { getMigrations } from 'better-auth/db/migration';
import { organization } from 'better-auth/plugins/organization';
import Fastify from 'fastify';
import type { FastifyRequest } from 'fastify';
import pg from 'pg';

import { announce, configFromArgv } from './asset-sql.ts';

interface PeerConfig {
  databaseUrl: string;
  secret: string;
  origin: string;
  password: string;
  members: number;
}

const config = configFromArgv() as PeerConfig;
const pool = new pg.Pool({ connectionString: config.databaseUrl, max: 10 });

const options = {
  secret: config.secret,
  baseURL: config.origin,
  basePath: '/api/auth',
  trustedOrigins: [config.origin],
  database: pool,
  emailAndPassword: { enabled: true },
  rateLimit: { enabled: false },
  telemetry: { enabled: false },
  plugins: [organization()],
};
const auth = betterAuth(options);

const { runMigrations } = await getMigrations(options);
await runMigrations();

/** peer-owner@…, then peer-member1@… : the first creates the organization and adds the others. */
async function seedIfEmpty(): Promise<void> {
  const { rows } = await pool.query<{ n: string }>('select count(*) as n from "user"');
  if (Number(rows[0]?.n ?? 0) > 0) return;
  const ids: string[] = [];
  for (let k = 0; k < config.members; k += 1) {
    const email = k === 0 ? 'peer-owner@bench.test' : `peer-member${k}@bench.test`;
    const { user } = await auth.api.signUpEmail({
      body: { email, password: config.password, name: k === 0 ? 'Peer owner' : `Peer member ${k}` },
    });
    ids.push(user.id);
  }
  const [ownerId = '', ...others] = ids;
  const org = await auth.api.createOrganization({
    body: { name: 'Peer organization', slug: 'peer-org', userId: ownerId },
  });
  for (const userId of others) {
    await auth.api.addMember({ body: { userId, role: 'member', organizationId: org.id } });
  }
}
await seedIfEmpty();

function fetchHeaders(req: FastifyRequest): Headers {
  const headers = new Headers();
  for (const [name, value] of Object.entries(req.headers)) {
    if (value === undefined) continue;
    for (const v of Array.isArray(value) ? value : [value]) headers.append(name, v);
  }
  return headers;
}

const app = Fastify();
app.route({
  method: ['GET', 'POST'],
  url: '/api/auth/*',
  handler: async (req, reply) => {
    const request = new Request(new URL(req.url, config.origin), {
      method: req.method,
      headers: fetchHeaders(req),
      ...(req.body === undefined ? {} : { body: JSON.stringify(req.body) }),
    });
    const response = await auth.handler(request);
    reply.code(response.status);
    response.headers.forEach((value, name) => {
      if (name !== 'set-cookie') void reply.header(name, value);
    });
    const cookies = response.headers.getSetCookie();
    if (cookies.length) void reply.header('set-cookie', cookies);
    return reply.send(response.body ? await response.text() : null);
  },
});

process.on('SIGTERM', () => {
  void app
    .close()
    .then(() => pool.end())
    .then(() => process.exit(0));
});
announce('peer', await app.listen({ host: '127.0.0.1', port: 0 }));
