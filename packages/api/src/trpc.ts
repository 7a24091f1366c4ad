// initTRPC, once. Procedures narrow step by step (STYLE §1):
// publicProcedure → authedProcedure → tenantProcedure → adminProcedure → ownerProcedure.
import type { Role } from '@tenantry/db';
import { withTenantOf } from '@tenantry/db';
import { initTRPC, TRPCError } from '@trpc/server';
import superjson from 'superjson';
import { z, ZodError } from 'zod';

import { bindActor } from './actor.ts';
import type { AuditAction } from './audit/actions.ts';
import { auditTrail, recordAudit } from './audit/record.ts';
import type { Context } from './context.ts';
import { isProduction } from './env.ts';
import { AppError } from './errors/catalog.ts';
import { toTRPCError } from './errors/translate.ts';
import { atLeast } from './lib/roles.ts';

export interface Meta {
  /**
   * The action a mutation records. Every tenant mutation names one: the
   * middleware writes the event in the mutation's transaction, and refuses to
   * run a mutation that names none.
   */
  audit?: AuditAction;
}

const t = initTRPC
  .context<Context>()
  .meta<Meta>()
  .create({
    // Dates and other non-JSON values keep their types on the wire.
    transformer: superjson,
    isDev: !isProduction,
    errorFormatter({ shape, error }) {
      const zodError = error.cause instanceof ZodError ? z.flattenError(error.cause) : null;
      // In production an unexpected error says nothing about its cause.
      const hidden = isProduction && error.code === 'INTERNAL_SERVER_ERROR';
      // The catalog's code and field (errors/catalog.ts), for clients and forms.
      const app = error.cause instanceof AppError ? error.cause : null;
      return {
        ...shape,
        message: hidden ? 'Internal server error' : shape.message,
        data: { ...shape.data, zodError, appCode: app?.code ?? null, field: app?.field ?? null },
      };
    },
  });

export const router = t.router;
export const createCallerFactory = t.createCallerFactory;

/** Turns AppErrors and known database errors into their tRPC codes, for every procedure. */
const translateErrors = t.middleware(async ({ next }) => {
  const result = await next();
  if (!result.ok) {
    const translated = toTRPCError(result.error.cause);
    if (translated) throw translated;
  }
  return result;
});

export const publicProcedure = t.procedure.use(translateErrors);

export const authedProcedure = publicProcedure.use(({ ctx, next }) => {
  if (!ctx.principal) throw new TRPCError({ code: 'UNAUTHORIZED', message: 'Please sign in.' });
  return next({ ctx: { principal: ctx.principal } });
});

/** Transactions that take longer than this are rolled back. */
const TENANT_TRANSACTION = { maxWait: 5_000, timeout: 20_000 };

/**
 * The tenant comes from the principal (session or API key) only. The whole call
 * runs in one transaction, which its first statement binds to that tenant while
 * it checks the credential (bindActor); a failed call rolls back. A mutation's
 * audit event is written in that transaction once the mutation succeeds.
 */
export const tenantProcedure = authedProcedure.use(({ ctx, next, meta, type, path }) =>
  withTenantOf(
    ctx.db,
    bindActor(ctx.principal),
    async (db, actor) => {
      if (type === 'mutation' && !meta?.audit) {
        throw new Error(`${path} is a mutation without an audit action in its meta`);
      }
      const { trail, details, skipped } = auditTrail();
      const result = await next({ ctx: { ...actor, db, audit: trail } });
      if (!result.ok) throw result.error;
      if (meta?.audit && !skipped()) {
        const returned = result.data as { id?: unknown } | null;
        await recordAudit(db, {
          tenantId: actor.tenant.id,
          actorId: actor.user.id,
          action: meta.audit,
          targetId: details.targetId ?? (typeof returned?.id === 'string' ? returned.id : null),
          importId: details.importId,
          data: { ...details.data, ...(actor.apiKey ? { apiKeyId: actor.apiKey.id } : {}) },
        });
      }
      return result;
    },
    TENANT_TRANSACTION,
  ),
);

function roleProcedure(minimum: Role) {
  return tenantProcedure.use(({ ctx, next }) => {
    if (!atLeast(ctx.user.role, minimum)) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: `This needs the ${minimum.toLowerCase()} role or higher.`,
      });
    }
    return next();
  });
}

export const adminProcedure = roleProcedure('ADMIN');
export const ownerProcedure = roleProcedure('OWNER');
