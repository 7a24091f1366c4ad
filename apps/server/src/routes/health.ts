import { checkReadiness } from '@tenantry/db';
import type { Db } from '@tenantry/db';
import type { FastifyInstance } from 'fastify';

export function healthRoutes(app: FastifyInstance, db: Db): void {
  /** The process is up. */
  app.get('/healthz', () => ({ ok: true }));
  /** The database answers and its migrations are current. */
  app.get('/readyz', async (req, reply) => {
    const readiness = await checkReadiness(db);
    if (!readiness.ready) req.log.warn({ reason: readiness.reason }, 'not ready');
    return reply.code(readiness.ready ? 200 : 503).send({ ready: readiness.ready });
  });
}
