import type { OwnerConnection } from '../owner.ts';

/**
 * Everything the migrations define in the public schema, as comparable text:
 * columns, constraints, indexes, enums, RLS flags, policies, grants and functions.
 */
export async function schemaSnapshot(owner: OwnerConnection) {
  const q = async (sql: string) => (await owner.rows<{ line: string }>(sql)).map((r) => r.line).sort();
  return {
    columns: await q(`
      select table_name || '.' || column_name || ' ' || data_type || ' ' || is_nullable
             || ' ' || coalesce(column_default, '') as line
        from information_schema.columns where table_schema = 'public'`),
    constraints: await q(`
      select conrelid::regclass || ' ' || conname || ' ' || pg_get_constraintdef(oid) as line
        from pg_constraint where connamespace = 'public'::regnamespace`),
    indexes: await q(`select indexdef as line from pg_indexes where schemaname = 'public'`),
    enums: await q(`
      select t.typname || ' ' || string_agg(e.enumlabel, ',' order by e.enumsortorder) as line
        from pg_type t join pg_enum e on e.enumtypid = t.oid
       where t.typnamespace = 'public'::regnamespace group by t.typname`),
    rls: await q(`
      select relname || ' ' || relrowsecurity || ' ' || relforcerowsecurity as line
        from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'`),
    policies: await q(`
      select tablename || ' ' || policyname || ' ' || cmd || ' ' || coalesce(qual, '') || ' '
             || coalesce(with_check, '') as line
        from pg_policies where schemaname = 'public'`),
    grants: await q(`
      select table_name || ' ' || grantee || ' ' || privilege_type as line
        from information_schema.role_table_grants
       where table_schema = 'public' and grantee like 'tenantry_%'
      union all
      select table_name || '.' || column_name || ' ' || grantee || ' ' || privilege_type as line
        from information_schema.column_privileges
       where table_schema = 'public' and grantee like 'tenantry_%'`),
    functions: await q(`
      select p.proname || '(' || pg_get_function_identity_arguments(p.oid) || ') '
             || coalesce(array_to_string(p.proacl, ','), 'default-acl') || ' '
             || md5(pg_get_functiondef(p.oid)) as line
        from pg_proc p where p.pronamespace = 'public'::regnamespace`),
  };
}

/** Row counts of every table in the public schema but the migrations ledger. */
export async function rowCounts(owner: OwnerConnection): Promise<Record<string, number>> {
  const tables = await owner.rows<{ relname: string }>(
    `select relname from pg_class where relnamespace = 'public'::regnamespace and relkind = 'r'
        and relname <> '_prisma_migrations' order by relname`,
  );
  const counts: Record<string, number> = {};
  for (const { relname } of tables) {
    const [row] = await owner.rows<{ n: number }>(`select count(*)::int as n from "${relname}"`);
    counts[relname] = row?.n ?? 0;
  }
  return counts;
}
