// The e2e harness: the real Fastify server (tRPC, better-auth, the built
// dashboard) on a throwaway in-memory PGlite, and Debian's Chromium.
import { mkdirSync } from 'node:fs';
import { createServer } from 'node:net';
import { fileURLToPath } from 'node:url';

import type { AppRouter } from '@tenantry/api';
import { startTcpProxy, startTestServer } from '@tenantry/server/testing';
import type { TcpProxy } from '@tenantry/server/testing';
import { createTRPCClient, httpLink } from '@trpc/client';
import { chromium } from 'playwright-core';
import type { Browser, BrowserContext, BrowserContextOptions, Page } from 'playwright-core';
import superjson from 'superjson';

import { CHROMIUM } from '../chromium.ts';

export const SCREENSHOTS = fileURLToPath(new URL('../artifacts/screenshots/', import.meta.url));
const WEB_DIST = fileURLToPath(new URL('../dist', import.meta.url));

async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once('error', reject);
    probe.listen(0, '127.0.0.1', () => {
      const address = probe.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      probe.close(() => {
        resolve(port);
      });
    });
  });
}

export interface Harness {
  baseURL: string;
  browser: Browser;
  /** A page in a fresh context: 1280×860 unless `options` say otherwise (a phone's width, a colour scheme). */
  newPage(options?: BrowserContextOptions): Promise<{ context: BrowserContext; page: Page }>;
  pages(): Page[];
  /** Console messages that report a Content-Security-Policy violation, from every page. */
  cspViolations: string[];
  /** With `{ cuttable: true }`: the browser's way to the server, which a test can cut and restore. */
  link: Pick<TcpProxy, 'cut' | 'restore'> | undefined;
  close(): Promise<void>;
}

export async function startHarness({ cuttable = false } = {}): Promise<Harness> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  // The browser first: if it is missing, nothing else is left running.
  // Chromium starts in a second or two; the budget stays well inside the hook's 120 s.
  const browser = await chromium.launch({
    ...CHROMIUM,
    timeout: 30_000,
  });
  // The browser must use the same origin as PUBLIC_URL, or cookies and the
  // trusted-origin check disagree; so the port is chosen before listening.
  const port = await freePort();
  // A cuttable harness puts a TCP proxy between the browser and the server: cutting it is,
  // for the browser, the server gone (connections reset, then refused), while the server runs on.
  const proxy = cuttable ? await startTcpProxy(`http://127.0.0.1:${port}`) : undefined;
  const baseURL = proxy ? `http://localhost:${new URL(proxy.url).port}` : `http://localhost:${port}`;
  const server = await startTestServer(
    {
      LOG_LEVEL: 'warn',
      PORT: String(port),
      PUBLIC_URL: baseURL,
      WEB_DIST,
      RATE_LIMIT_PER_MINUTE: '100000',
      AUTH_RATE_LIMIT_PER_MINUTE: '1000',
    },
    { serveWeb: true },
  );
  const contexts: BrowserContext[] = [];
  const cspViolations: string[] = [];
  return {
    baseURL,
    browser,
    async newPage(options = {}) {
      const context = await browser.newContext({
        baseURL,
        viewport: { width: 1280, height: 860 },
        ...options,
      });
      contexts.push(context);
      const page = await context.newPage();
      // The server sends the production CSP (script-src 'self' …); the build must live with it.
      page.on('console', (message) => {
        if (/Content.Security.Policy/i.test(message.text())) cspViolations.push(message.text());
      });
      return { context, page };
    },
    cspViolations,
    link: proxy,
    pages: () => contexts.flatMap((c) => c.pages()),
    async close() {
      for (const context of contexts) await context.close().catch(() => undefined);
      await browser.close();
      await proxy?.close();
      await server.close();
    },
  };
}

/** A tRPC client acting as whoever is signed in to `context` (same cookie, same origin). */
export async function apiAs(context: BrowserContext, baseURL: string) {
  const cookies = await context.cookies(baseURL);
  const cookie = cookies.map((c) => `${c.name}=${c.value}`).join('; ');
  return createTRPCClient<AppRouter>({
    links: [
      httpLink({
        url: `${baseURL}/trpc`,
        transformer: superjson,
        headers: { cookie, origin: baseURL },
      }),
    ],
  });
}
