// What every case gets: the running servers, the seeded tenants and a signed-in
// session for each, and the run's size (full or --quick).
import type { BenchTenant } from '../seed.ts';
import type { Running } from '../spawn.ts';
import type { WireProxy } from '../wire.ts';

export interface Sizes {
  /** Rounds and seconds per round of the 16-connection groups. */
  rounds: number;
  seconds: number;
  /** The same for the 1-connection group. */
  singleRounds: number;
  singleSeconds: number;
  warmupSeconds: number;
  /** Time allowed per query and tenant in the 1k-vs-big comparison. */
  scaleBudgetMs: number;
  importRows: number;
  /** The import stops here if it has not finished; rows/s then counts the rows it wrote. */
  importCapSeconds: number;
}

export const FULL_SIZES: Sizes = {
  rounds: 3,
  seconds: 4,
  singleRounds: 3,
  singleSeconds: 3,
  warmupSeconds: 2,
  scaleBudgetMs: 6_000,
  importRows: 100_000,
  importCapSeconds: 150,
};

export const QUICK_SIZES: Sizes = {
  rounds: 2,
  seconds: 1,
  singleRounds: 1,
  singleSeconds: 1,
  warmupSeconds: 0.5,
  scaleBudgetMs: 800,
  importRows: 2_000,
  importCapSeconds: 20,
};

export interface SignedIn {
  tenant: BenchTenant;
  cookie: string;
}

export interface Setup {
  sizes: Sizes;
  databaseUrl: string;
  servers: {
    full: Running;
    fullWarn: Running;
    pglite: Running;
    /** The full server again, talking to PostgreSQL through the counting proxy. */
    counted: Running;
    plain: Running;
    bare: Running;
    peer: Running;
  };
  proxy: WireProxy;
  small: SignedIn;
  big: SignedIn;
  /** The same 1k-asset tenant's owner on the PGlite server. */
  pgliteSession: { assetId: string; cookie: string };
  peerCookie: string;
  logDir: string;
  childEnv: Record<string, string>;
}
