import { adminProcedure, ownerProcedure, router } from '../../trpc.ts';
import { ZMemberInput, ZUpdateRoleInput } from './schemas.ts';
import { deactivate, reactivate, transferOwnership, updateRole } from './service.ts';

export const memberRouter = router({
  updateRole: adminProcedure
    .meta({ audit: 'member.updateRole' })
    .input(ZUpdateRoleInput)
    .mutation(({ ctx, input }) => updateRole(ctx, input)),
  deactivate: adminProcedure
    .meta({ audit: 'member.deactivate' })
    .input(ZMemberInput)
    .mutation(({ ctx, input }) => deactivate(ctx, input)),
  reactivate: adminProcedure
    .meta({ audit: 'member.reactivate' })
    .input(ZMemberInput)
    .mutation(({ ctx, input }) => reactivate(ctx, input)),
  transferOwnership: ownerProcedure
    .meta({ audit: 'member.transferOwnership' })
    .input(ZMemberInput)
    .mutation(({ ctx, input }) => transferOwnership(ctx, input)),
});
