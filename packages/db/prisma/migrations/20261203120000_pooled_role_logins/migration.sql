-- Behind a transaction pooler (PgBouncer in transaction mode) a connection
-- cannot switch its role at startup (`-c role=...`), and a session-level
-- SET ROLE would follow the server connection to whichever client gets it
-- next. So the app and auth roles may log in as themselves, each with its own
-- pool, once the operator gives them a password (docs/OPERATIONS.md). Neither
-- role gains any privilege: it is the same role the direct connection
-- switches to.
ALTER ROLE tenantry_app LOGIN;
ALTER ROLE tenantry_auth LOGIN;

-- A pooled connection cannot pass statement_timeout at startup either: the
-- roles carry a default, which the direct connection's startup option
-- (DATABASE_STATEMENT_TIMEOUT_MS) overrides.
ALTER ROLE tenantry_app SET statement_timeout = '15s';
ALTER ROLE tenantry_auth SET statement_timeout = '15s';
