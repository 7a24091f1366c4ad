// The API's HTTP endpoint, faked for component tests. Why a fake: the browser
// cannot run the database, so each test answers the procedures it needs. All
// else is real: the app's httpBatchLink and superjson on one side, tRPC's own
// fetch handler and the API's error shape (flattened zod errors in `data`) on
// the other. @trpc/server is a test-only dependency; the app never imports it.
import { initTRPC, TRPCError } from '@trpc/server';
import type { AnyProcedure, TRPC_ERROR_CODE_KEY } from '@trpc/server';
import { fetchRequestHandler } from '@trpc/server/adapters/fetch';
import superjson from 'superjson';
import { z, ZodError } from 'zod';

import type { RouterInputs as Inputs, RouterOutputs as Outputs } from '../trpc.ts';

/** Answers for some procedures, typed by the real router: `{ asset: { list: (input) => page } }`. */
export type Handlers = {
  [R in keyof Outputs]?: {
    [P in keyof Outputs[R] & keyof Inputs[R]]?: (
      input: Inputs[R][P],
    ) => Outputs[R][P] | Promise<Outputs[R][P]>;
  };
};

export interface Call {
  path: string;
  input: unknown;
}

export interface FakeApi {
  fetch: typeof fetch;
  /** Adds or replaces answers; a test can change what the server says midway. */
  handle(handlers: Handlers): void;
  /** Every call answered, in order. */
  calls: Call[];
  /** The inputs of every call to one procedure, e.g. `inputsOf('asset.list')`. */
  inputsOf(path: string): unknown[];
  /** Paths the components called that no handler answers (each test expects none). */
  unhandled: string[];
  /** From now on every call fails as fetch does with no network ("Failed to fetch"). */
  cut(): void;
  /** Calls are answered again. */
  restore(): void;
}

// The same formatter as packages/api/src/trpc.ts, so errors reach the client in the same shape.
const t = initTRPC.create({
  // The endpoint runs in the page on purpose: that is where the test lives.
  allowOutsideOfServer: true,
  transformer: superjson,
  errorFormatter: ({ shape, error }) => {
    const app = error.cause instanceof CatalogError ? error.cause : null;
    return {
      ...shape,
      data: {
        ...shape.data,
        zodError: error.cause instanceof ZodError ? z.flattenError(error.cause) : null,
        appCode: app?.appCode ?? null,
        field: app?.field ?? null,
      },
    };
  },
});

/** An error as a procedure of the API throws it. */
export function apiError(code: TRPC_ERROR_CODE_KEY, message: string): TRPCError {
  return new TRPCError({ code, message });
}

/** Stands in for the API's AppError: its catalog code and the field it names reach `data`. */
class CatalogError extends Error {
  constructor(
    readonly appCode: string,
    message: string,
    readonly field: string | null,
  ) {
    super(message);
  }
}

/** An error from the API's catalog, e.g. CONFLICT / ASSET_TAG_TAKEN on the tag field. */
export function catalogError(
  code: TRPC_ERROR_CODE_KEY,
  appCode: string,
  message: string,
  field: string | null = null,
): TRPCError {
  return new TRPCError({ code, message, cause: new CatalogError(appCode, message, field) });
}

/**
 * A BAD_REQUEST whose zod issues name fields, as the API answers an input its
 * schema rejects: the client reads them from `data.zodError.fieldErrors`.
 */
export function fieldError(fields: Record<string, string>): TRPCError {
  // The issues come from a real parse, so the cause is the same kind of ZodError a procedure's input raises.
  const rejected = z
    .unknown()
    .superRefine((_value, ctx) => {
      for (const [field, message] of Object.entries(fields))
        ctx.addIssue({ code: 'custom', path: [field], message });
    })
    .safeParse(undefined);
  return new TRPCError({ code: 'BAD_REQUEST', cause: rejected.error });
}

export function createFakeApi(initial: Handlers = {}): FakeApi {
  const answers = new Map<string, (input: unknown) => unknown>();
  const calls: Call[] = [];
  const unhandled: string[] = [];

  const handle = (handlers: Handlers) => {
    for (const [namespace, procedures] of Object.entries(handlers)) {
      for (const [name, answer] of Object.entries(
        procedures as Record<string, (input: unknown) => unknown>,
      )) {
        answers.set(`${namespace}.${name}`, answer);
      }
    }
  };
  handle(initial);

  // GET carries queries and POST mutations; a router of the matching kind is
  // built per request, so a test never has to say which kind a procedure is.
  const routerFor = (kind: 'query' | 'mutation') => {
    const tree: Record<string, Record<string, AnyProcedure>> = {};
    for (const [path, answer] of answers) {
      const [namespace = '', name = ''] = path.split('.');
      const procedure = t.procedure
        .input((raw: unknown) => raw)
        .use(({ input, next }) => {
          calls.push({ path, input });
          return next();
        });
      (tree[namespace] ??= {})[name] =
        kind === 'query'
          ? procedure.query(({ input }) => answer(input))
          : procedure.mutation(({ input }) => answer(input));
    }
    return t.router(tree);
  };

  let down = false;
  const fetchImpl = async (input: RequestInfo | URL, init?: RequestInit): Promise<Response> => {
    if (down) throw new TypeError('Failed to fetch');
    const url = input instanceof Request ? input.url : input instanceof URL ? input.href : input;
    const request = new Request(new URL(url, window.location.origin), init);
    const paths = new URL(request.url).pathname.replace(/^\/trpc\//, '').split(',');
    for (const path of paths) if (!answers.has(path)) unhandled.push(path);
    return fetchRequestHandler({
      endpoint: '/trpc',
      req: request,
      router: routerFor(request.method === 'GET' ? 'query' : 'mutation'),
      createContext: () => ({}),
    });
  };

  return {
    fetch: fetchImpl,
    handle,
    calls,
    inputsOf: (path) => calls.filter((c) => c.path === path).map((c) => c.input),
    unhandled,
    cut: () => {
      down = true;
    },
    restore: () => {
      down = false;
    },
  };
}

/** A promise the test settles when it chooses: holds a response to show a loading state. */
export function deferred() {
  let release: () => void = () => undefined;
  const promise = new Promise<void>((resolve) => {
    release = resolve;
  });
  return { promise, release };
}
