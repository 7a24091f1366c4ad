// `pnpm bench [--quick]`: starts what it needs (the production build, a
// migrated PostgreSQL database, seeded tenants, the comparison servers), runs
// every case, prints the figures and writes docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { runImport } from './cases/import.ts';
import { runLadder } from './cases/ladder.ts';
import { runPeer } from './cases/peer.ts';
import { countRoundTrips } from './cases/round-trips.ts';
import { explainAtScale, runScale } from './cases/scale.ts';
import { FULL_SIZES, QUICK_SIZES } from './cases/setup.ts';
import type { Setup } from './cases/setup.ts';
import { baseChildEnv, readBenchEnv } from './env.ts';
import { BENCH_ORIGIN, signIn } from './http.ts';
import { describeMachine } from './machine.ts';
import { BENCHMARKS_DOC, BUILD_OUTPUTS, REPO_ROOT } from './paths.ts';
import { PGLITE_ASSETS, seedPglite } from './pglite.ts';
import {
  BENCH_DATABASE,
  ensureDatabase,
  LOCAL_SERVER,
  migrateDatabase,
  ownerPool,
  PEER_DATABASE,
  serverVersion,
  throughPort,
  withDatabase,
} from './postgres.ts';
import { renderReport, targetsOf } from './report.ts';
import type { Results } from './report.ts';
import { BENCH_PASSWORD, ensureTenant, existingAssets, MEMBERS } from './seed.ts';
import type { Running } from './spawn.ts';
import { AUTH_SECRET, startBenchServer, startFull } from './stack.ts';
import { startWireProxy } from './wire.ts';

const BIG = 1_000_000;
/** --quick's big tenant when the million is not seeded yet (seeding it takes most of a minute). */
const QUICK_BIG = 100_000;

const log = (line: string) => {
  console.log(line);
};

function ensureBuild(): void {
  if (BUILD_OUTPUTS.every((path) => existsSync(path))) {
    log('using the production build in dist/ (run `pnpm build` first to measure newer code)');
    return;
  }
  log('no production build: running pnpm build');
  const built = spawnSync('pnpm', ['build'], { cwd: REPO_ROOT, stdio: 'inherit' });
  if (built.status !== 0) throw new Error('pnpm build failed');
}

async function main(): Promise<void> {
  const { values } = parseArgs({ options: { quick: { type: 'boolean', default: false } } });
  const quick = values.quick;
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const started = performance.now();
  const env = readBenchEnv();
  const notes: string[] = [];

  ensureBuild();
  const databaseUrl = env.DATABASE_URL ?? withDatabase(LOCAL_SERVER, BENCH_DATABASE);
  const peerUrl = withDatabase(databaseUrl, PEER_DATABASE);
  await ensureDatabase(databaseUrl);
  await ensureDatabase(peerUrl);
  const applied = await migrateDatabase(databaseUrl);
  log(
    `database ${new URL(databaseUrl).pathname.slice(1)}: ${applied.length ? `applied ${applied.join(', ')}` : 'up to date'}`,
  );
  const owner = ownerPool(databaseUrl);
  const machine = describeMachine(await serverVersion(owner));

  const logDir = mkdtempSync(join(tmpdir(), 'tenantry-bench-'));
  const ctx = { childEnv: baseChildEnv(env), logDir };
  const running: Running[] = [];
  const start = async (server: Promise<Running>) => {
    const started = await server;
    running.push(started);
    log(`  ${started.name} on ${started.url}`);
    return started;
  };

  let finished = false;
  try {
    log('starting servers');
    const full = await start(startFull(ctx, { name: 'full', databaseUrl }));

    let bigSize = BIG;
    if (quick && (await existingAssets(owner, 'big')) !== BIG) {
      bigSize = QUICK_BIG;
      notes.push(
        `The big tenant has ${QUICK_BIG.toLocaleString('en-US')} assets, not 1,000,000: --quick does not seed the million (a full run does, once).`,
      );
    }
    log(`seeding: 1k and ${bigSize.toLocaleString('en-US')} assets`);
    const seedStarted = performance.now();
    const smallTenant = await ensureTenant(owner, full.url, 'small', 1_000);
    const bigTenant = await ensureTenant(owner, full.url, bigSize === BIG ? 'big' : 'big-quick', bigSize);
    const seedSeconds = (performance.now() - seedStarted) / 1000;
    log(`  ${bigTenant.seededNow ? 'seeded' : 'reused'} in ${seedSeconds.toFixed(1)} s`);
    if (bigTenant.seededNow)
      notes.push(
        `This run seeded the ${bigSize.toLocaleString('en-US')}-asset tenant, in ${seedSeconds.toFixed(1)} s.`,
      );

    const fullWarn = await start(startFull(ctx, { name: 'full-warn', databaseUrl, logLevel: 'warn' }));
    const pglite = await start(startFull(ctx, { name: 'full-pglite', pgliteDir: join(logDir, 'pglite') }));
    const target = new URL(databaseUrl);
    const proxy = await startWireProxy({ host: target.hostname, port: Number(target.port || 5432) });
    const counted = await start(
      startFull(ctx, {
        name: 'full-counted',
        databaseUrl: throughPort(databaseUrl, proxy.port),
        logLevel: 'warn',
      }),
    );
    const plain = await start(startBenchServer(ctx, 'plain', { databaseUrl }));
    const bare = await start(startBenchServer(ctx, 'bare', { databaseUrl }));
    const peer = await start(
      startBenchServer(ctx, 'peer', {
        databaseUrl: peerUrl,
        secret: AUTH_SECRET,
        origin: BENCH_ORIGIN,
        password: BENCH_PASSWORD,
        members: MEMBERS,
      }),
    );

    const peerCookie = await signIn(peer.url, 'peer-owner@bench.test', BENCH_PASSWORD);
    const active = await fetch(`${peer.url}/api/auth/organization/set-active`, {
      method: 'POST',
      headers: { cookie: peerCookie, origin: BENCH_ORIGIN, 'content-type': 'application/json' },
      body: JSON.stringify({ organizationSlug: 'peer-org' }),
    });
    if (!active.ok)
      throw new Error(`the peer refused set-active: HTTP ${active.status} ${await active.text()}`);

    const setup: Setup = {
      sizes,
      databaseUrl,
      servers: { full, fullWarn, pglite, counted, plain, bare, peer },
      proxy,
      small: { tenant: smallTenant, cookie: await signIn(full.url, smallTenant.email, BENCH_PASSWORD) },
      big: { tenant: bigTenant, cookie: await signIn(full.url, bigTenant.email, BENCH_PASSWORD) },
      pgliteSession: await seedPglite(pglite.url),
      peerCookie,
      logDir,
      childEnv: ctx.childEnv,
    };

    log('round trips per call (counted at the wire)');
    const roundTrips = await countRoundTrips(setup);
    for (const r of roundTrips) log(`  ${r.call.padEnd(28)} ${r.roundTrips}`);

    const ladder = await runLadder(setup, log);
    const peerFigures = await runPeer(setup, log);
    log(`reads at 1k against ${bigSize.toLocaleString('en-US')} assets`);
    const scale = await runScale(setup, log);
    const explained = await explainAtScale(setup, owner);
    log('CSV import through the CLI');
    const importResult = await runImport(setup, owner, log);
    log(`  ${importResult.rowsPerSecond.toFixed(0)} rows/s (${importResult.summary})`);

    const results: Results = {
      command: quick ? 'pnpm bench --quick' : 'pnpm bench',
      quick,
      date: new Date(),
      seconds: (performance.now() - started) / 1000,
      machine,
      notes,
      tenants: { small: smallTenant.assets, big: bigSize, pglite: PGLITE_ASSETS },
      ladder,
      peer: peerFigures,
      scale,
      explained,
      roundTrips,
      importResult,
    };
    writeFileSync(BENCHMARKS_DOC, renderReport(results));
    log('\ntargets (issue #10 part 5):');
    for (const t of targetsOf(results)) {
      log(`  ${t.met ? 'met ' : 'MISS'}  ${t.name.padEnd(72)} ${t.value.toFixed(2)} (${t.goal})`);
    }
    log(`\nwrote docs/BENCHMARKS.md in ${Math.round(results.seconds)} s`);
    await proxy.close();
    finished = true;
  } finally {
    for (const server of running.reverse()) await server.stop();
    await owner.end();
    // The servers' logs stay for a failed run, to find out why.
    if (finished) rmSync(logDir, { recursive: true, force: true });
    else console.error(`server logs: ${logDir}`);
  }
}

main().then(
  // The WASM schema engine may keep a timer alive after migrating; the run is over.
  () => process.exit(0),
  (error: unknown) => {
    console.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
