import { zById } from '../../lib/schemas.ts';
import { adminProcedure, router, tenantProcedure } from '../../trpc.ts';
import { requireAsset } from './queries.ts';
import {
  ZAssetOutput,
  ZCountAssetsInput,
  ZCountOutput,
  ZCreateAssetInput,
  ZImportAssetsInput,
  ZImportAssetsOutput,
  ZListAssetsInput,
  ZListAssetsOutput,
  ZUpdateAssetInput,
} from './schemas.ts';
import {
  assetStats,
  countAssets,
  createAsset,
  deleteAsset,
  importAssets,
  listAssets,
  updateAsset,
} from './service.ts';

export const assetRouter = router({
  list: tenantProcedure
    .input(ZListAssetsInput)
    .output(ZListAssetsOutput)
    .query(({ ctx, input }) => listAssets(ctx, input)),
  count: tenantProcedure
    .input(ZCountAssetsInput)
    .output(ZCountOutput)
    .query(({ ctx, input }) => countAssets(ctx, input)),
  byId: tenantProcedure
    .input(zById)
    .output(ZAssetOutput)
    .query(({ ctx, input }) => requireAsset(ctx, input.id)),
  stats: tenantProcedure.query(({ ctx }) => assetStats(ctx)),
  create: tenantProcedure
    .meta({ audit: 'asset.create' })
    .input(ZCreateAssetInput)
    .output(ZAssetOutput)
    .mutation(({ ctx, input }) => createAsset(ctx, input)),
  update: tenantProcedure
    .meta({ audit: 'asset.update' })
    .input(ZUpdateAssetInput)
    .output(ZAssetOutput)
    .mutation(({ ctx, input }) => updateAsset(ctx, input)),
  import: tenantProcedure
    .meta({ audit: 'asset.import' })
    .input(ZImportAssetsInput)
    .output(ZImportAssetsOutput)
    .mutation(({ ctx, input }) => importAssets(ctx, input)),
  delete: adminProcedure
    .meta({ audit: 'asset.delete' })
    .input(zById)
    .mutation(({ ctx, input }) => deleteAsset(ctx, input)),
});
