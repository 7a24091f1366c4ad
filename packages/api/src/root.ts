import { apiKeyRouter } from './router/api-key.ts';
import { assetRouter } from './router/asset.ts';
import { auditRouter } from './router/audit.ts';
import { buildingRouter } from './router/building.ts';
import { invitationRouter } from './router/invitation.ts';
import { memberRouter } from './router/member.ts';
import { organizationRouter } from './router/organization.ts';
import { siteRouter } from './router/site.ts';
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
