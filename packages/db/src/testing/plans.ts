// The plans PostgreSQL actually ran for a statement, nested ones included
// (the statements inside a function it calls), as the app role bound to a
// tenant: auto_explain, loaded into one superuser session, sends each plan
// back as a notice. PostgreSQL only (PGlite has no auto_explain).
import pg from 'pg';

import { APP_ROLE } from '../client.ts';

export async function plansAsApp(
  databaseUrl: string,
  sql: string,
  params: unknown[],
  tenantId: string,
): Promise<string[]> {
  const client = new pg.Client({ connectionString: databaseUrl });
  const plans: string[] = [];
  client.on('notice', (notice) => {
    if (notice.message?.includes('Query Text:')) plans.push(notice.message);
  });
  await client.connect();
  try {
    await client.query(`load 'auto_explain'`);
    await client.query(`set auto_explain.log_min_duration = 0`);
    await client.query(`set auto_explain.log_nested_statements = on`);
    await client.query(`set auto_explain.log_level = notice`);
    await client.query('begin');
    await client.query(`set local role ${APP_ROLE}`);
    await client.query(`select set_config('app.tenant_id', $1, true)`, [tenantId]);
    plans.length = 0;
    await client.query(sql, params);
    await client.query('commit');
    return plans;
  } finally {
    await client.end();
  }
}
