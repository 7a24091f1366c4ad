import { startSession } from '../../lib/session.ts';
import { adminProcedure, publicProcedure, router, tenantProcedure } from '../../trpc.ts';
import {
  ZCurrentOrganizationOutput,
  ZListMembersInput,
  ZListMembersOutput,
  ZOrganizationOutput,
  ZRegisterInput,
  ZRegisterOutput,
  ZUpdateOrganizationInput,
} from './schemas.ts';
import { describeCurrent, listMembers, registerOrganization, updateOrganization } from './service.ts';

export const organizationRouter = router({
  /** Sign-up, then a session cookie for the new owner (once the sign-up is committed). */
  register: publicProcedure
    .meta({ audit: 'organization.register' })
    .input(ZRegisterInput)
    .output(ZRegisterOutput)
    .mutation(async ({ ctx, input }) => {
      const created = await registerOrganization(ctx.db, input);
      await startSession(ctx, input.email, input.password);
      return created;
    }),
  current: tenantProcedure.output(ZCurrentOrganizationOutput).query(({ ctx }) => describeCurrent(ctx)),
  update: adminProcedure
    .meta({ audit: 'organization.update' })
    .input(ZUpdateOrganizationInput)
    .output(ZOrganizationOutput)
    .mutation(({ ctx, input }) => updateOrganization(ctx, input)),
  members: tenantProcedure
    .input(ZListMembersInput)
    .output(ZListMembersOutput)
    .query(({ ctx, input }) => listMembers(ctx, input)),
});
