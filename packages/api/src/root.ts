import { apiKeyRouter } from './domains/api-key/router.ts';
import { assetRouter } from './domains/asset/router.ts';
import { auditRouter } from './domains/audit/router.ts';
import { buildingRouter } from './domains/building/router.ts';
import { invitationRouter } from './domains/invitation/router.ts';
import { memberRouter } from './domains/member/router.ts';
import { organizationRouter } from './domains/organization/router.ts';
import { siteRouter } from './domains/site/router.ts';
import { createCallerFactory, router } from './trpc.ts';

export const appRouter = router({
  organization: organizationRouter,
  member: memberRouter,
  invitation: invitationRouter,
  site: siteRouter,
  building: buildingRouter,
  asset: assetRouter,
  audit: auditRouter,
  apiKey: apiKeyRouter,
});

export type AppRouter = typeof appRouter;

export const createCaller = createCallerFactory(appRouter);
