export { appRouter, createCaller } from './root.ts';
export type { AppRouter } from './root.ts';
export { createAuth } from './auth.ts';
export type { Auth, AuthOptions } from './auth.ts';
export { createContext, createContextInner, resolvePrincipal } from './context.ts';
export type { Context, ContextOptions, Principal } from './context.ts';
export { isProduction } from './env.ts';
export type { inferRouterInputs, inferRouterOutputs } from '@trpc/server';
