// The typed tRPC hooks, and the types the dashboard knows the API by. Only the
// router's type crosses from the server.
import type { AppRouter, inferRouterInputs, inferRouterOutputs } from '@tenantry/api';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();

/** `RouterInputs['asset']['create']` is what asset.create takes. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** `RouterOutputs['asset']['byId']` is what asset.byId returns. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
