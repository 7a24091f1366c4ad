// The built dashboard, with a single-page-app fallback: any GET that is not
// an API route and accepts HTML gets index.html, so deep links survive a reload.
//
// Compression is done once, at build time: apps/web's build writes a `.br` (brotli, quality 11)
// and a `.gz` (gzip, level 9) beside each JS, CSS and HTML file, and @fastify/static's
// `preCompressed` picks the one the browser accepts. Compressing per request (@fastify/compress)
// would spend CPU on every download of the same unchanging bytes, and at quality 11 brotli is
// far too slow to run per request; the files on disk are also the smaller ones.
//
// Caching: everything under /assets/ has a content hash in its name, so a new build gets new
// URLs and the old bytes may be kept for a year. index.html (and the fallback that serves it)
// names those hashes, so the browser must revalidate it on every load (`no-cache`, with its ETag).
import { existsSync } from 'node:fs';
import { resolve, sep } from 'node:path';

import fastifyStatic from '@fastify/static';
import type { FastifyInstance } from 'fastify';

const API = /^\/(trpc|api|healthz|readyz)(\/|$|\?)/;

export const IMMUTABLE = 'public, max-age=31536000, immutable';
export const REVALIDATE = 'no-cache';

export async function webRoutes(app: FastifyInstance, distDir: string): Promise<boolean> {
  const dist = resolve(distDir);
  if (!existsSync(`${dist}/index.html`)) return false;
  const hashed = `${dist}${sep}assets${sep}`;
  await app.register(fastifyStatic, {
    root: dist,
    wildcard: false,
    index: ['index.html'],
    preCompressed: true,
    cacheControl: false,
    setHeaders: (reply, path) => {
      void reply.header('cache-control', path.startsWith(hashed) ? IMMUTABLE : REVALIDATE);
    },
  });
  app.setNotFoundHandler((req, reply) => {
    if (req.method === 'GET' && !API.test(req.url) && req.headers.accept?.includes('text/html')) {
      return reply.type('text/html').sendFile('index.html');
    }
    return reply.code(404).send({ error: 'Not found' });
  });
  return true;
}
