// How the dashboard's files go out: the precompressed sibling the browser accepts, a year of
// caching for hashed assets, revalidation for index.html and the single-page-app fallback.
// A real Fastify instance (inject) over a fixture build laid out as Vite writes it.
import { mkdtempSync, mkdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { brotliCompressSync, brotliDecompressSync, gunzipSync, gzipSync } from 'node:zlib';

import Fastify from 'fastify';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';

import { IMMUTABLE, REVALIDATE, webRoutes } from './web.ts';

const JS = `export const app = "${'dashboard '.repeat(200)}";\n`;
const HTML = `<!doctype html><html><head><script type="module" src="/assets/index-Ab12Cd.js"></script></head><body>${'<div></div>'.repeat(50)}</body></html>\n`;

let dist: string;
let app: FastifyInstance;

/** A file and its .br and .gz siblings, as apps/web's build writes them. */
function writeCompressed(path: string, text: string) {
  writeFileSync(path, text);
  writeFileSync(`${path}.br`, brotliCompressSync(text));
  writeFileSync(`${path}.gz`, gzipSync(text));
}

beforeAll(async () => {
  dist = mkdtempSync(join(tmpdir(), 'web-dist-'));
  mkdirSync(join(dist, 'assets'));
  writeCompressed(join(dist, 'index.html'), HTML);
  writeCompressed(join(dist, 'assets', 'index-Ab12Cd.js'), JS);
  app = Fastify();
  expect(await webRoutes(app, dist)).toBe(true);
  await app.ready();
});

afterAll(async () => {
  await app.close();
  rmSync(dist, { recursive: true, force: true });
});

const get = (url: string, headers: Record<string, string>) => app.inject({ method: 'GET', url, headers });

describe('serving the dashboard', () => {
  it('sends brotli to a browser that takes it, and a hashed asset is immutable for a year', async () => {
    const response = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip, deflate, br, zstd' });
    expect(response.statusCode).toBe(200);
    expect(response.headers['content-encoding']).toBe('br');
    expect(response.headers['content-type']).toMatch(/^(text|application)\/javascript/);
    expect(response.headers['cache-control']).toBe(IMMUTABLE);
    expect(response.headers.vary).toMatch(/accept-encoding/i);
    expect(brotliDecompressSync(response.rawPayload).toString()).toBe(JS);
    expect(response.rawPayload.length).toBeLessThan(JS.length / 5);
  });

  it('sends gzip where brotli is not accepted, and the plain file where nothing is', async () => {
    const gzip = await get('/assets/index-Ab12Cd.js', { 'accept-encoding': 'gzip' });
    expect(gzip.headers['content-encoding']).toBe('gzip');
    expect(gunzipSync(gzip.rawPayload).toString()).toBe(JS);
    expect(gzip.headers['cache-control']).toBe(IMMUTABLE);

    const plain = await get('/assets/index-Ab12Cd.js', {});
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(JS);
    expect(plain.headers['cache-control']).toBe(IMMUTABLE);
  });

  it('index.html is compressed and revalidated on every load, at / and as the deep-link fallback', async () => {
    for (const url of ['/', '/index.html', '/assets/0192-deep-link', '/sites/42?tab=buildings']) {
      const response = await get(url, { accept: 'text/html', 'accept-encoding': 'br, gzip' });
      expect(response.statusCode, url).toBe(200);
      expect(response.headers['content-type'], url).toMatch(/^text\/html/);
      expect(response.headers['content-encoding'], url).toBe('br');
      expect(response.headers['cache-control'], url).toBe(REVALIDATE);
      expect(brotliDecompressSync(response.rawPayload).toString(), url).toBe(HTML);
    }
  });

  it('a missing script (fetched with accept */*) and an API path are plain 404s, never the page', async () => {
    const script = await get('/assets/index-Gone99.js', { accept: '*/*', 'accept-encoding': 'br' });
    expect(script.statusCode).toBe(404);
    for (const url of ['/trpc/nothing', '/api/auth/nothing']) {
      const response = await get(url, { accept: 'text/html', 'accept-encoding': 'br' });
      expect(response.statusCode, url).toBe(404);
      expect(response.json(), url).toEqual({ error: 'Not found' });
    }
  });
});
