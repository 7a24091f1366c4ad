// docs/BENCHMARKS.md, generated: the command, the machine, the date, every
// figure, the ratios, and the targets of issue #10 with whether each is met.
import type { ImportResult } from './cases/import.ts';
import type { ProfileSummary } from './cases/profile.ts';
import type { LadderResult } from './cases/ladder.ts';
import { RUNG } from './cases/ladder.ts';
import { oursName, PEER_PAIRS, peerName } from './cases/peer.ts';
import type { RoundTrips } from './cases/round-trips.ts';
import type { Explained, ScaleRow } from './cases/scale.ts';
import type { Figure } from './load.ts';
import type { Machine } from './machine.ts';

export interface Results {
  command: string;
  quick: boolean;
  date: Date;
  seconds: number;
  machine: Machine;
  /** The commit measured (its production build). */
  code: string;
  /** 1-minute load average at the start and the end of the run. */
  load: [number, number];
  notes: string[];
  tenants: { small: number; big: number; pglite: number };
  ladder: LadderResult;
  peer: Map<string, Figure>;
  profile: ProfileSummary;
  scale: ScaleRow[];
  explained: Explained[];
  roundTrips: RoundTrips[];
  importResult: ImportResult | null;
}

export interface Target {
  name: string;
  goal: string;
  value: number;
  met: boolean;
}

const n0 = (value: number) => Math.round(value).toLocaleString('en-US');
const ms = (value: number) => (value < 10 ? value.toFixed(2) : value.toFixed(1));
const x = (value: number) => value.toFixed(2);

function figure(map: Map<string, Figure>, name: string): Figure {
  const found = map.get(name);
  if (!found) throw new Error(`no figure for ${name}`);
  return found;
}

export function targetsOf(results: Results): Target[] {
  const at16 = results.ladder.at16;
  const full = figure(at16, RUNG.full);
  const ratio = (name: string) => full.rps / figure(at16, name).rps;
  const targets: Target[] = [
    {
      name: 'full / plain Fastify + Prisma (req/s)',
      goal: '≥ 0.7',
      value: ratio(RUNG.plain),
      met: ratio(RUNG.plain) >= 0.7,
    },
    {
      name: 'full / bare node:http + pg (req/s)',
      goal: '≥ 0.4',
      value: ratio(RUNG.bare),
      met: ratio(RUNG.bare) >= 0.4,
    },
  ];
  const rls = figure(at16, RUNG.rlsOn).rps / figure(at16, RUNG.rlsOff).rps;
  targets.push({ name: 'RLS on / off (req/s)', goal: '≥ 0.9', value: rls, met: rls >= 0.9 });
  const tail = full.p99 / full.p50;
  targets.push({ name: 'full stack p99 / p50 at 16 connections', goal: '≤ 3', value: tail, met: tail <= 3 });
  const pglite = figure(at16, RUNG.pglite).p99 / full.p99;
  targets.push({
    name: 'PGlite p99 / PostgreSQL p99 at 16 connections',
    goal: '≤ 2',
    value: pglite,
    met: pglite <= 2,
  });
  for (const pair of PEER_PAIRS) {
    const value = figure(results.peer, oursName(pair)).rps / figure(results.peer, peerName(pair)).rps;
    targets.push({ name: `ours / peer: ${pair.question} (req/s)`, goal: '≥ 1.5', value, met: value >= 1.5 });
  }
  for (const row of results.scale) {
    const limit = row.query.startsWith('asset.list (first page)') ? 1.3 : 3;
    const value = row.big.p50 / row.small.p50;
    targets.push({
      name: `${row.query}: p50 at ${n0(results.tenants.big)} / at ${n0(results.tenants.small)} assets`,
      goal: `≤ ${limit}`,
      value,
      met: value <= limit,
    });
  }
  return targets;
}

function figureTable(map: Map<string, Figure>, names: string[]): string[] {
  const lines = [
    '| case | req/s | rounds min–max req/s | p50 ms | p99 ms | requests | failures |',
    '|---|---:|---:|---:|---:|---:|---:|',
  ];
  for (const name of names) {
    const f = figure(map, name);
    const rps = f.rounds.map((r) => r.rps);
    const spread = `${n0(Math.min(...rps))}–${n0(Math.max(...rps))}`;
    lines.push(
      `| ${name} | ${n0(f.rps)} | ${spread} | ${ms(f.p50)} | ${ms(f.p99)} | ${n0(f.requests)} | ${f.failures} |`,
    );
  }
  return lines;
}

/** A package's share of the profiled CPU, as a percentage. */
function shareOf(results: Results, owner: string): string {
  const found = results.profile.byPackage.find((p) => p.owner === owner);
  return `${((found?.share ?? 0) * 100).toFixed(0)} %`;
}

/**
 * Full/plain and full/bare taken apart with the ladder's own rungs: the tenant transaction
 * without tRPC (plain + tenant transaction), and tRPC without any database work (the floor).
 */
function decomposition(results: Results): string[] {
  const at16 = results.ladder.at16;
  const rps = (name: string) => figure(at16, name).rps;
  const [full, plainTx, plain, floor, bare, rlsOn] = [
    RUNG.full,
    RUNG.plainTx,
    RUNG.plain,
    RUNG.floor,
    RUNG.bare,
    RUNG.rlsOn,
  ].map(rps) as [number, number, number, number, number, number];
  const perCall = (value: number) => `${(1000 / value).toFixed(2)} ms`;
  // Two rungs in series: a call that pays both costs, one after the other.
  const floorPlusPg = 1 / (1 / floor + 1 / rlsOn);
  return [
    'Where full/plain and full/bare go, from the rungs above (the time per call at 16 connections is',
    `the inverse of req/s, the machine being saturated; in the profile, Prisma's client is ${shareOf(results, '@prisma/client')} of the CPU`,
    `and tRPC ${shareOf(results, '@trpc/server')}):`,
    '',
    `- the tenant transaction: plain + tenant transaction / plain = ${x(plainTx / plain)} (${perCall(plainTx)} a call against ${perCall(plain)}).`,
    "  It is the same Prisma query in @tenantry/db's tenant transaction: BEGIN and the statement that sets",
    '  app.tenant_id in one write (sent by the driver, not through Prisma), the query under RLS and the',
    "  tenant-bound client, COMMIT, through Prisma's interactive transaction and its client-side engine;",
    `- tRPC, the session and the rest: full / plain + tenant transaction = ${x(full / plainTx)}: the cookie check,`,
    "  the actor's statement (in BEGIN's write, like the tenant transaction's), tRPC's fetch adapter (a",
    '  Request and an AbortController per call) and middleware chain, superjson, the output check, helmet',
    '  and the log;',
    `- the floor: the same call refused by tRPC before any database work answers ${n0(floor)} req/s, ${x(floor / bare)} of bare`,
    `  and ${x(floor / plain)} of plain. A tenant call through tRPC on this machine cannot be faster than its floor, so`,
    `  full/bare ≥ 0.4 ${floor / bare < 0.4 ? 'is out of reach while the API is served by tRPC' : 'needs the tenant call close to its floor'}, whatever the database work costs;`,
    "- without Prisma on the read path: the floor followed by the bare pg tenant transaction (the rung 'pg",
    `  transaction, RLS on') would be ${perCall(floorPlusPg)} a call, ${x(floorPlusPg / plain)} of plain: an estimate from two`,
    '  rungs, the nearest this stack comes to full/plain ≥ 0.7. Tenant reads in raw SQL through the driver',
    "  instead of Prisma's client is a change of design (DESIGN §2: `ctx.db` is a tenant-bound Prisma client), for the team to weigh, not a trim.",
  ];
}

/** What the profile says, and what would close the targets still missed. */
function whereTheTimeGoes(results: Results): string[] {
  return [
    'Reading it: `writev` is the native socket write that both the pg client (each round trip) and the',
    "HTTP response go through, not the log: pino's asynchronous destination writes from libuv's thread",
    'pool, which the profile of the main thread does not sample. On 127.0.0.1 that call also runs the',
    "kernel's loopback delivery, so it costs per write, not per byte: a tenant call's four round trips go",
    "out in three such writes (BEGIN shares the next statement's) where the plain server sends one.",
    "`_objectSpread2` sits in tRPC's `getErrorShape` chunk",
    "but is the bundler's object-spread helper, which tRPC's middleware chain calls on every call: no error",
    "shape is built on success. `createAbortSignal` is the AbortController tRPC's adapter makes per request",
    "to cancel work when the client goes away; `Hmac` (node:crypto) is the check of better-auth's signed cookie.",
    '',
    ...decomposition(results),
    '',
    "The session check is the server's own for a live session (packages/api's session-check.ts): the",
    "cookie's HMAC and one statement as the auth role, without better-auth's handler (which turned our",
    'Fastify request into a fetch Request and read its Response back) and its two queries; the handler',
    'still answers a session it would write for (refresh, expiry, its other cookies).',
  ];
}

/**
 * The other targets this run missed, each with where its time goes and what would close it.
 * Full/plain and full/bare are the profile's paragraphs above.
 */
const MISSED_NOTES: [prefixes: string[], note: string][] = [
  [
    ['RLS on / off'],
    "RLS on/off: the two transactions differ only in the role, so the gap is the policy: each of the three joined tables (assets, buildings, sites) adds its `tenant_id = current_setting('app.tenant_id')::uuid` condition, which the planner checks in each index scan. Compare the rounds columns above: where the two ranges overlap, the gap is within this run's noise. Closing it for good would take the tenant check on the asset alone (its building and site reached through the composite foreign keys, which already carry the tenant), which RLS cannot express per query.",
  ],
  [
    ['ours / peer: who am I', 'ours / peer: list members'],
    "Who am I and list members: both are tenant reads, so each pays what asset.byId's ladder takes apart above (the tenant transaction through Prisma's interactive transaction, and tRPC), where the peer sends its statements through Kysely on pg without a transaction or a tRPC layer; they sit where full/plain leaves them, and whatever lifts full/plain lifts both.",
  ],
  [
    ['full stack p99 / p50'],
    "The tail: p99 over p50 grows with the garbage collector's pauses (its share is in the profile above) and with PostgreSQL's own work on the same two cores; fewer round trips per call (fewer allocations and wake-ups) is what would shrink it.",
  ],
  [
    ['PGlite p99'],
    "PGlite runs in the server's own process and thread and holds one transaction at a time, so the server is busy without a pause under load, and Node accepts one new connection per turn of its event loop: each round's new connections reach the server one transaction apart (packages/db's adapters.ts yields a turn as each transaction starts, which took the tail from about 8× p50 to under 2×). What remains is the queue of transactions ahead of a call, sharing the CPU with the server itself; a shorter tail under load needs PostgreSQL, the production setting (docs/OPERATIONS.md).",
  ],
];

function missedNotes(targets: Target[]): string[] {
  const notes = MISSED_NOTES.filter(([prefixes]) =>
    targets.some((t) => !t.met && prefixes.some((prefix) => t.name.startsWith(prefix))),
  ).map(([, note]) => note);
  return notes.length
    ? ['', '### The other targets missed in this run', '', ...notes.flatMap((n) => [n, ''])]
    : [];
}

export function renderReport(results: Results): string {
  const { machine, ladder } = results;
  const targets = targetsOf(results);
  const full16 = figure(ladder.at16, RUNG.full);
  const lines: string[] = [
    '# Benchmarks',
    '',
    '<!-- Generated by `pnpm bench` (bench/src/main.ts). Do not edit by hand: run it again. -->',
    '',
    `Command: \`${results.command}\`${results.quick ? ' (quick mode: short rounds, figures are rough)' : ''}  `,
    `Date: ${results.date.toISOString()} (the run took ${Math.round(results.seconds)} s)  `,
    `Code: ${results.code}  `,
    `Machine: ${machine.cpus} × ${machine.model}, ${machine.memoryGiB} GiB memory; Node ${machine.node}; ${machine.postgres}  `,
    `Load average (1 min) at the start and the end: ${results.load[0]} and ${results.load[1]}${Math.max(...results.load) > machine.cpus ? ' — other work shared the CPUs, so single figures are noisy; the spread column shows how much' : ''}`,
    '',
    'Every figure comes from this one run: load from autocannon on 127.0.0.1 in alternating rounds (each',
    'contestant of a group runs one short round in turn, the order rotating), a figure being the median',
    'round. The servers run as their own processes, the full stack as `pnpm start` runs it (production',
    'build, `NODE_ENV=production`, log level info unless said otherwise), with its rate limit raised out of',
    'reach but still counting every call. The load generator shares the machine with the servers and',
    'PostgreSQL, so absolute numbers are low on 2 cores; the ratios are what the targets compare.',
    '',
    ...results.notes.map((note) => `> ${note}`),
    ...(results.notes.length ? [''] : []),
    '## Targets (issue #10, part 5)',
    '',
    '| target | goal | this run | met |',
    '|---|---|---:|---|',
    ...targets.map((t) => `| ${t.name} | ${t.goal} | ${x(t.value)} | ${t.met ? 'yes' : '**no**'} |`),
    '',
    '## asset.byId at 16 connections: the ladder',
    '',
    `Tenant of ${n0(results.tenants.small)} assets (PGlite: ${n0(results.tenants.pglite)}). Full stack: HTTP → tRPC →`,
    'tenantProcedure → Prisma → PostgreSQL with RLS, with a real session cookie. Plain: Fastify and the same',
    'Prisma query as the owner (no tRPC, auth or tenancy). Bare: node:http and one prepared, joined',
    'statement through pg. RLS on/off: the same transaction (BEGIN, set app.tenant_id, the statement,',
    'COMMIT) through pg as tenantry_app and as the owner, to which RLS does not apply.',
    '',
    ...figureTable(ladder.at16, Object.values(RUNG)),
    '',
    `Ratios (req/s): full/plain ${x(full16.rps / figure(ladder.at16, RUNG.plain).rps)}, full/bare ${x(full16.rps / figure(ladder.at16, RUNG.bare).rps)},`,
    `Prisma/pg in the same Fastify ${x(figure(ladder.at16, RUNG.plain).rps / figure(ladder.at16, RUNG.plainPg).rps)},`,
    `RLS on/off ${x(figure(ladder.at16, RUNG.rlsOn).rps / figure(ladder.at16, RUNG.rlsOff).rps)},`,
    `log level info/warn ${x(full16.rps / figure(ladder.at16, RUNG.fullWarn).rps)},`,
    `PGlite/PostgreSQL ${x(figure(ladder.at16, RUNG.pglite).rps / full16.rps)} (p99 ${x(figure(ladder.at16, RUNG.pglite).p99 / full16.p99)}×).`,
    '',
    "## Where the full stack's CPU time goes",
    '',
    'One more production server ran with `node --cpu-prof` under asset.byId at 16 connections; its samples',
    'while the load ran (idle excluded) summed by the package of the function they fell in (self time).',
    '',
    '| package | share of busy CPU |',
    '|---|---:|',
    ...results.profile.byPackage.slice(0, 15).map((p) => `| ${p.owner} | ${(p.share * 100).toFixed(1)} % |`),
    '',
    '| function (self time) | share of busy CPU |',
    '|---|---:|',
    ...results.profile.byFunction.map(
      (p) => `| \`${p.owner.replaceAll('|', '/')}\` | ${(p.share * 100).toFixed(1)} % |`,
    ),
    '',
    ...whereTheTimeGoes(results),
    ...missedNotes(targets),
    '',
    '## asset.byId at 1 connection',
    '',
    ...figureTable(ladder.at1, [RUNG.full, RUNG.plain, RUNG.bare]),
    '',
    "One keep-alive connection, one call after another, each timed (autocannon's whole milliseconds are",
    `too coarse here). p50 full/plain ${x(figure(ladder.at1, RUNG.full).p50 / figure(ladder.at1, RUNG.plain).p50)}×, full/bare ${x(figure(ladder.at1, RUNG.full).p50 / figure(ladder.at1, RUNG.bare).p50)}×.`,
    '',
    '## Ours against the peer (better-auth 1.7.25 organization plugin, Fastify, pg)',
    '',
    'Both sides: one organization of 6 members, a signed-in owner, 16 connections. The peer runs in',
    'bench/src/servers/peer.ts with its rate limit off; ours is the production server above.',
    '',
    '| question | ours | peer | ours req/s | peer req/s | ours/peer | p99 ours / peer ms |',
    '|---|---|---|---:|---:|---:|---:|',
    ...PEER_PAIRS.map((pair) => {
      const ours = figure(results.peer, oursName(pair));
      const peer = figure(results.peer, peerName(pair));
      return `| ${pair.question} | \`${pair.ours}\` | \`${pair.peer}\` | ${n0(ours.rps)} | ${n0(peer.rps)} | ${x(ours.rps / peer.rps)} | ${ms(ours.p99)} / ${ms(peer.p99)} |`;
    }),
    '',
    '## Round trips to PostgreSQL per call (counted at the wire)',
    '',
    'A proxy between a production server and PostgreSQL counts the Sync and Query messages one call sends',
    '(after a first call has opened the pool). Target of issue #10 part 2: ≤ 4 for a tenant read, ≤ 2 for',
    'get-session. packages/api pins these counts in its own tests.',
    '',
    '| call | round trips |',
    '|---|---:|',
    ...results.roundTrips.map((r) => `| ${r.call} | ${r.roundTrips} |`),
    '',
    '<details><summary>Statements sent, in order</summary>',
    '',
    ...results.roundTrips.flatMap((r) => [`**${r.call}**`, '', ...r.statements.map((s) => `- \`${s}\``), '']),
    '</details>',
    '',
    `## Reads at ${n0(results.tenants.small)} against ${n0(results.tenants.big)} assets`,
    '',
    "Full stack, one connection, calls timed one by one (p50). Search goes through asset.list's `search`.",
    '',
    `| query | p50 at ${n0(results.tenants.small)} ms | p50 at ${n0(results.tenants.big)} ms | ratio | calls (big) |`,
    '|---|---:|---:|---:|---:|',
    ...results.scale.map(
      (r) =>
        `| ${r.query} | ${ms(r.small.p50)} | ${ms(r.big.p50)} | ${x(r.big.p50 / r.small.p50)} | ${r.big.calls} |`,
    ),
    '',
    `### Plans at ${n0(results.tenants.big)} assets`,
    '',
    'Each statement the production server sent for the call, captured at the wire and run again under',
    '`EXPLAIN (ANALYZE, BUFFERS)` as tenantry_app with the tenant set, as the server runs it.',
    '',
    ...results.explained.flatMap((e) => [
      `#### ${e.query}`,
      '',
      ...e.statements.flatMap((s) => [
        '```sql',
        s.sql.trim(),
        `-- parameters: ${JSON.stringify(s.params)}`,
        '```',
        '```',
        s.plan,
        '```',
        '',
      ]),
    ]),
    '## CSV import through the CLI',
    '',
    ...(results.importResult
      ? [
          `\`tenantry assets import\` of a generated CSV of new assets (batches of 100 through asset.import), timed`,
          'from the start of the process to its exit; a run that reaches the time cap is stopped and its rows',
          'are counted in the database.',
          '',
          `${n0(results.importResult.rows)} rows in ${results.importResult.seconds.toFixed(1)} s: **${n0(results.importResult.rowsPerSecond)} rows/s** (${results.importResult.summary}).`,
        ]
      : ['Skipped in this run.']),
    '',
  ];
  return lines.join('\n');
}
