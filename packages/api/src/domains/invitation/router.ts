import { zById } from '../../lib/schemas.ts';
import { startSession } from '../../lib/session.ts';
import { adminProcedure, publicProcedure, router } from '../../trpc.ts';
import {
  ZAcceptInvitationInput,
  ZCreateInvitationInput,
  ZInvitationPreviewOutput,
  ZListInvitationsInput,
  ZPreviewInvitationInput,
} from './schemas.ts';
import {
  acceptInvitation,
  createInvitation,
  listInvitations,
  previewInvitation,
  revokeInvitation,
} from './service.ts';

export const invitationRouter = router({
  create: adminProcedure
    .meta({ audit: 'invitation.create' })
    .input(ZCreateInvitationInput)
    .mutation(({ ctx, input }) => createInvitation(ctx, input)),
  list: adminProcedure.input(ZListInvitationsInput).query(({ ctx, input }) => listInvitations(ctx, input)),
  revoke: adminProcedure
    .meta({ audit: 'invitation.revoke' })
    .input(zById)
    .mutation(({ ctx, input }) => revokeInvitation(ctx, input)),
  /** Public, by token: the accept page names the organization and the inviter before the form. */
  preview: publicProcedure
    .input(ZPreviewInvitationInput)
    .output(ZInvitationPreviewOutput)
    .query(({ ctx, input }) => previewInvitation(ctx.db, input)),
  /** Public: accepting signs the new member in once their account is committed. */
  accept: publicProcedure
    .meta({ audit: 'invitation.accept' })
    .input(ZAcceptInvitationInput)
    .mutation(async ({ ctx, input }) => {
      const user = await acceptInvitation(ctx.db, input);
      await startSession(ctx, input.email, input.password);
      return { user };
    }),
});
