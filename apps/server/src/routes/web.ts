// The built dashboard, with a single-page-app fallback: any GET that is not
// an API route and accepts HTML gets index.html, so deep links survive a reload.
import { existsSync } from 'node:fs';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const API = /^\/(trpc|api|healthz|readyz)(\/|$|\?)/;

export async function webRoutes(app: FastifyInstance, dist: string): Promise<boolean> {
  if (!existsSync(`${dist}/index.html`)) return false;
  await app.register(fastifyStatic, { root: dist, wildcard: false, index: ['index.html'] });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !API.test(req.url) && req.headers.accept?.includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
  return true;
}
