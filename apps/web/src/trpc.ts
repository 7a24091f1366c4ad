// The typed tRPC hooks. Only the router's type crosses from the server.
import type { AppRouter } from '@tenantry/api';
import { createTRPCContext } from '@trpc/tanstack-react-query';

export const { TRPCProvider, useTRPC, useTRPCClient } = createTRPCContext<AppRouter>();
