import { zById } from '../../lib/schemas.ts';
import { adminProcedure, router, tenantProcedure } from '../../trpc.ts';
import { requireSite } from './queries.ts';
import {
  ZCreateSiteInput,
  ZListSitesInput,
  ZListSitesOutput,
  ZSiteOutput,
  ZUpdateSiteInput,
} from './schemas.ts';
import { createSite, deleteSite, listSites, updateSite } from './service.ts';

export const siteRouter = router({
  list: tenantProcedure
    .input(ZListSitesInput)
    .output(ZListSitesOutput)
    .query(({ ctx, input }) => listSites(ctx, input)),
  byId: tenantProcedure
    .input(zById)
    .output(ZSiteOutput)
    .query(({ ctx, input }) => requireSite(ctx, input.id)),
  create: tenantProcedure
    .meta({ audit: 'site.create' })
    .input(ZCreateSiteInput)
    .output(ZSiteOutput)
    .mutation(({ ctx, input }) => createSite(ctx, input)),
  update: tenantProcedure
    .meta({ audit: 'site.update' })
    .input(ZUpdateSiteInput)
    .output(ZSiteOutput)
    .mutation(({ ctx, input }) => updateSite(ctx, input)),
  delete: adminProcedure
    .meta({ audit: 'site.delete' })
    .input(zById)
    .mutation(({ ctx, input }) => deleteSite(ctx, input)),
});
