// `pnpm bench [--quick]`: starts what it needs (the production build, a
// migrated PostgreSQL database, seeded tenants, the comparison servers), runs
// every case, prints the figures and writes docs/BENCHMARKS.md.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';

import { runImport } from './cases/import.ts';
import { runLadder } from './cases/ladder.ts';
import { runPeer } from './cases/peer.ts';
import { profileFullStack } from './cases/profile.ts';
import { countRoundTrips } from './cases/round-trips.ts';
import { explainAtScale, runScale } from './cases/scale.ts';
import { FULL_SIZES, QUICK_SIZES } from './cases/setup.ts';
import type { Setup } from './cases/setup.ts';
import { baseChildEnv, readBenchEnv } from './env.ts';
import { BENCH_ORIGIN, signIn } from './http.ts';
import { describeMachine, loadAverage } from './machine.ts';
import { BENCHMARKS_DOC, BUILD_OUTPUTS, REPO_ROOT, SERVER_MAIN } from './paths.ts';
import { PGLITE_ASSETS, seedPglite } from './pglite.ts';
import {
  BENCH_DATABASE,
  ensureDatabase,
  LOCAL_SERVER,
  migrateDatabase,
  ownerPool,
  PEER_DATABASE,
  recreateDatabase,
  serverVersion,
  throughPort,
  withDatabase,
} from './postgres.ts';
import { renderReport, targetsOf } from './report.ts';
import type { Results } from './report.ts';
import { BENCH_PASSWORD, ensureTenant, MEMBERS } from './seed.ts';
import type { Running } from './spawn.ts';
import { AUTH_SECRET, startBenchServer, startFull } from './stack.ts';
import { startWireProxy } from './wire.ts';

const BIG = 1_000_000;
/**
 * --quick's big tenant: a search at a million rows takes seconds a call (until it has an
 * index), which a one-minute run cannot afford, and seeding 100k takes a few seconds.
 */
const QUICK_BIG = 100_000;

const began = performance.now();
/** Progress on stdout; phase headings carry the time since the start. */
const log = (line: string) => {
  const heading = !line.startsWith(' ');
  console.log(heading ? `[${((performance.now() - began) / 1000).toFixed(0).padStart(3)} s] ${line}` : line);
};

/** The commit checked out, and whether the work tree differs from it (the build may include that). */
function codeMeasured(): string {
  const git = (...args: string[]) =>
    spawnSync('git', args, { cwd: REPO_ROOT, encoding: 'utf8' }).stdout.trim();
  const commit = git('log', '-1', '--format=%h %s').slice(0, 100);
  const dirty = git('status', '--porcelain', '--untracked-files=no')
    .split('\n')
    .some((line) => line && !line.endsWith('docs/BENCHMARKS.md'));
  return `${commit || 'unknown commit'}${dirty ? ' (with uncommitted changes in the work tree)' : ''}`;
}

/** Builds when asked or when a build output is missing; returns a note when dist/ predates the last commit. */
function ensureBuild(force: boolean): string | null {
  if (force || !BUILD_OUTPUTS.every((path) => existsSync(path))) {
    log(force ? 'running pnpm build (--build)' : 'no production build: running pnpm build');
    const built = spawnSync('pnpm', ['build'], { cwd: REPO_ROOT, stdio: 'inherit' });
    if (built.status !== 0) throw new Error('pnpm build failed');
    return null;
  }
  const builtAt = statSync(SERVER_MAIN).mtime;
  const commit = spawnSync('git', ['log', '-1', '--format=%ct'], { cwd: REPO_ROOT, encoding: 'utf8' });
  const committedAt = new Date(Number(commit.stdout.trim()) * 1000);
  log(`using the production build in dist/ of ${builtAt.toISOString()} (--build rebuilds it first)`);
  return commit.status === 0 && builtAt < committedAt
    ? `The build measured (dist/, ${builtAt.toISOString()}) is older than the last commit (${committedAt.toISOString()}): run \`pnpm bench --build\` to measure the latest code.`
    : null;
}

async function main(): Promise<void> {
  const { values } = parseArgs({
    options: { quick: { type: 'boolean', default: false }, build: { type: 'boolean', default: false } },
  });
  const quick = values.quick;
  const sizes = quick ? QUICK_SIZES : FULL_SIZES;
  const started = performance.now();
  const loadAtStart = loadAverage();
  const env = readBenchEnv();
  const notes: string[] = [];

  const stale = ensureBuild(values.build);
  if (stale) {
    log(`warning: ${stale}`);
    notes.push(stale);
  }
  const databaseUrl = env.DATABASE_URL ?? withDatabase(LOCAL_SERVER, BENCH_DATABASE);
  const peerUrl = withDatabase(databaseUrl, PEER_DATABASE);
  await ensureDatabase(databaseUrl);
  await ensureDatabase(peerUrl);
  const applied = await migrateDatabase(databaseUrl).catch(async (error: unknown) => {
    // Its own database may hold a migration that was since renamed or rewritten (a branch
    // in progress); it holds nothing but bench data, so it starts again. A DATABASE_URL
    // given by the user is never dropped.
    if (env.DATABASE_URL) throw error;
    log(`the bench database does not migrate (${String(error).split('\n')[0] ?? ''}): recreating it`);
    await recreateDatabase(databaseUrl);
    return migrateDatabase(databaseUrl);
  });
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

    const bigSize = quick ? QUICK_BIG : BIG;
    if (quick) {
      notes.push(
        `The big tenant has ${QUICK_BIG.toLocaleString('en-US')} assets, not 1,000,000: --quick keeps to about a minute (a full run measures the million).`,
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

    const target = new URL(databaseUrl);
    const proxy = await startWireProxy({ host: target.hostname, port: Number(target.port || 5432) });
    // Started together: start-up is mostly waiting (module loading, connections), and no load runs yet.
    const [fullWarn, pglite, counted, plain, bare, peer] = await Promise.all([
      start(startFull(ctx, { name: 'full-warn', databaseUrl, logLevel: 'warn' })),
      start(startFull(ctx, { name: 'full-pglite', pgliteDir: join(logDir, 'pglite') })),
      start(
        startFull(ctx, {
          name: 'full-counted',
          databaseUrl: throughPort(databaseUrl, proxy.port),
          logLevel: 'warn',
        }),
      ),
      start(startBenchServer(ctx, 'plain', { databaseUrl })),
      start(startBenchServer(ctx, 'bare', { databaseUrl })),
      start(
        startBenchServer(ctx, 'peer', {
          databaseUrl: peerUrl,
          secret: AUTH_SECRET,
          origin: BENCH_ORIGIN,
          password: BENCH_PASSWORD,
          members: MEMBERS,
        }),
      ),
    ]);

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
    log('CPU profile of the full stack under asset.byId at 16 connections');
    const profile = await profileFullStack(setup, log);
    for (const p of profile.byPackage.slice(0, 8))
      log(`  ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.owner}`);
    for (const p of profile.byFunction.slice(0, 8))
      log(`  ${(p.share * 100).toFixed(1).padStart(5)} %  ${p.owner}`);
    const peerFigures = await runPeer(setup, log);
    log(`reads at 1k against ${bigSize.toLocaleString('en-US')} assets`);
    const scale = await runScale(setup, log);
    const explained = await explainAtScale(setup, owner);
    log('CSV import through the CLI');
    const importResult = await runImport(setup, owner, log);
    log(`  ${importResult.rowsPerSecond.toFixed(0)} rows/s (${importResult.summary})`);

    const results: Results = {
      command: `pnpm bench${values.build ? ' --build' : ''}${quick ? ' --quick' : ''}`,
      quick,
      date: new Date(),
      seconds: (performance.now() - started) / 1000,
      machine,
      code: codeMeasured(),
      load: [loadAtStart, loadAverage()],
      notes,
      tenants: { small: smallTenant.assets, big: bigSize, pglite: PGLITE_ASSETS },
      ladder,
      peer: peerFigures,
      profile,
      scale,
      explained,
      roundTrips,
      importResult,
    };
    writeFileSync(BENCHMARKS_DOC, renderReport(results));
    // The repository's formatter owns the doc's layout (tables padded), so format:check stays clean.
    spawnSync('pnpm', ['exec', 'prettier', '--write', BENCHMARKS_DOC], { cwd: REPO_ROOT, stdio: 'ignore' });
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
