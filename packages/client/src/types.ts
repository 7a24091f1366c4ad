import type { AppRouter } from '@tenantry/api';
import type { inferRouterInputs, inferRouterOutputs } from '@tenantry/api';

/** `RouterInputs['asset']['create']` is what asset.create takes. */
export type RouterInputs = inferRouterInputs<AppRouter>;
/** `RouterOutputs['asset']['list']` is what asset.list returns. */
export type RouterOutputs = inferRouterOutputs<AppRouter>;
