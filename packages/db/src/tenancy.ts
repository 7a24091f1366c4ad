// Which models hold a tenant's data, derived from the schema through the
// generated client: DESIGN §1 says every tenant-owned table carries tenantId,
// so a model is tenant-owned exactly when it has a tenantId field. Adding one
// to a new model makes it tenant-owned everywhere at once: the tenant-bound
// client scopes it, and tenancy.test.ts demands its RLS policy, its Citus
// placement and its fixture rows (and the typed maps keyed by
// TenantOwnedModel fail to compile until they name it).
//
// Read from the client's public metadata (ModelName and each model's
// ScalarFieldEnum), which exists at runtime without reading schema.prisma.
import { Prisma } from './generated/client.ts';

/** The tenant itself: its rows are scoped by `id`. */
export const TENANT_MODEL = 'Tenant' as const satisfies Prisma.ModelName;
/** The field that names a tenant-owned row's tenant. */
export const TENANT_KEY = 'tenantId';

type ScalarFields<M extends Prisma.ModelName> = (typeof Prisma)[`${M}ScalarFieldEnum`];

/** A model with a tenantId field. */
export type TenantOwnedModel = {
  [M in Prisma.ModelName]: typeof TENANT_KEY extends keyof ScalarFields<M> ? M : never;
}[Prisma.ModelName];
/** A model the tenant-bound client reaches: the tenant, or a tenant-owned model. */
export type TenantScopedModel = TenantOwnedModel | typeof TENANT_MODEL;

function scalarFields(model: Prisma.ModelName): object {
  const fields: unknown = Prisma[`${model}ScalarFieldEnum`];
  // Fail closed if a Prisma upgrade renames the metadata this relies on.
  if (typeof fields !== 'object' || fields === null) {
    throw new Error(`the generated client has no ${model}ScalarFieldEnum`);
  }
  return fields;
}

/** Every tenant-owned model, in schema order. */
export const TENANT_OWNED_MODELS: readonly TenantOwnedModel[] = Object.values(Prisma.ModelName).filter(
  (model): model is TenantOwnedModel => TENANT_KEY in scalarFields(model),
);

const OWNED = new Set<string>(TENANT_OWNED_MODELS);

/** The field that names a row's tenant: `id` on Tenant, tenantId on a tenant-owned model, else null. */
export function tenantKeyOf(model: string): 'id' | typeof TENANT_KEY | null {
  if (model === TENANT_MODEL) return 'id';
  return OWNED.has(model) ? TENANT_KEY : null;
}
