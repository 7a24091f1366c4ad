// Where each table goes on a Citus cluster, with tenant_id as the distribution
// column, and the SQL that puts it there (shown in docs/ARCHITECTURE.md;
// citus.test.ts checks the rules and that the docs show this SQL).
import type { Prisma } from './generated/client.ts';
import { readPrismaSchema } from './prisma-schema.ts';
import type { PrismaSchema } from './prisma-schema.ts';
import { TENANT_KEY } from './tenancy.ts';

export type CitusPlacement = 'distributed' | 'reference' | 'local';

/**
 * Every model's placement. Typed over every model, so a new model does not
 * compile until someone decides where it goes.
 */
export const CITUS_PLACEMENT = {
  // What tenant_id points at: replicated to every node.
  Tenant: 'reference',
  // The identity table: its email is unique across tenants (sign-in needs it),
  // which a distributed table cannot enforce.
  User: 'reference',
  Organization: 'distributed',
  Invitation: 'distributed',
  Site: 'distributed',
  Building: 'distributed',
  Asset: 'distributed',
  AssetCount: 'distributed',
  AssetImport: 'distributed',
  AuditEvent: 'distributed',
  ApiKey: 'distributed',
  // better-auth's tables are looked up by token or name, never by tenant:
  // they stay on the coordinator.
  Session: 'local',
  Account: 'local',
  Verification: 'local',
} as const satisfies Record<Prisma.ModelName, CitusPlacement>;

/** Tables no model describes; they stay on the coordinator. */
export const CITUS_UNMODELLED_LOCAL = ['_prisma_migrations'] as const;

/** Table names by placement. */
export function citusTables(schema: PrismaSchema = readPrismaSchema()): Record<CitusPlacement, string[]> {
  const tables: Record<CitusPlacement, string[]> = { distributed: [], reference: [], local: [] };
  for (const model of schema.models) {
    const placement = (CITUS_PLACEMENT as Record<string, CitusPlacement | undefined>)[model.name];
    if (!placement) throw new Error(`${model.name} has no Citus placement`);
    tables[placement].push(model.table);
  }
  tables.local.push(...CITUS_UNMODELLED_LOCAL);
  return tables;
}

/**
 * Models ordered so that each comes after the models its foreign keys point at
 * (Citus distributes a table only once the tables it references are placed);
 * otherwise in schema order.
 */
function dependencyOrder(models: PrismaSchema['models']): PrismaSchema['models'] {
  const byName = new Map(models.map((m) => [m.name, m]));
  const done = new Set<string>();
  const ordered: PrismaSchema['models'] = [];
  const visit = (name: string, path: string[]): void => {
    const model = byName.get(name);
    if (!model || done.has(name)) return;
    if (path.includes(name)) throw new Error(`foreign keys form a cycle: ${[...path, name].join(' → ')}`);
    for (const field of model.fields) {
      if (field.relation && field.type !== name) visit(field.type, [...path, name]);
    }
    done.add(name);
    ordered.push(model);
  };
  for (const model of models) visit(model.name, []);
  return ordered;
}

/** The statements that distribute the schema on a Citus cluster. */
export function citusDistributionSql(schema: PrismaSchema = readPrismaSchema()): string {
  const lines: string[] = [];
  const ordered = dependencyOrder(schema.models);
  const placed = (p: CitusPlacement) =>
    ordered.filter((m) => CITUS_PLACEMENT[m.name as Prisma.ModelName] === p);
  for (const model of placed('reference')) lines.push(`SELECT create_reference_table('${model.table}');`);
  let anchor: string | undefined;
  for (const model of placed('distributed')) {
    const column = model.fields.find((f) => f.name === TENANT_KEY)?.column;
    if (!column) throw new Error(`${model.name} is distributed but has no ${TENANT_KEY}`);
    const colocate = anchor ? `, colocate_with => '${anchor}'` : '';
    lines.push(`SELECT create_distributed_table('${model.table}', '${column}'${colocate});`);
    anchor ??= model.table;
  }
  const local = [...placed('local').map((m) => m.table), ...CITUS_UNMODELLED_LOCAL];
  const listed = `${local.slice(0, -1).join(', ')} and ${local.slice(-1).join('')}`;
  lines.push(`-- ${listed} stay local to the coordinator.`);
  return lines.join('\n');
}
