-- Invariants the database holds whatever the code does (issue #11, docs/SECURITY.md):
--
-- 1. Exactly one owner per tenant.
--    At most one: a partial unique index on users (tenant_id) where role = 'OWNER'
--    (declared in schema.prisma with the partialIndexes preview feature, so drift
--    stays clean). At least one: tenant_organisations.owner_id is NOT NULL, and a
--    deferred constraint trigger checks at commit that it names an active OWNER of
--    the tenant. Deferred, because a transfer moves the role and owner_id in
--    several statements; the index is immediate, because a transfer can demote the
--    old owner before it promotes the heir, and a second owner must fail at once.
-- 2. Seats cover the active members.
--    Activating a user (insert, or is_active false → true) locks the organization
--    row and counts; lowering seats counts under the row lock its own UPDATE holds.
--    Both run in READ COMMITTED with a fresh snapshot per statement after the lock,
--    so parallel writers serialize on the organization row and none can overshoot.
--    Only increases are checked: a tenant already over its limit can still shrink.

-- Repair before the index: a tenant with several OWNERs (the race issue #11 found)
-- keeps the one its organization names; the others become ADMIN. The down migration
-- does not restore the extra owners: they were the bug.
UPDATE "users" u SET "role" = 'ADMIN'
  FROM "tenant_organisations" o
 WHERE o."tenant_id" = u."tenant_id" AND u."role" = 'OWNER' AND u."id" <> o."owner_id";
UPDATE "users" u SET "role" = 'OWNER'
  FROM "tenant_organisations" o
 WHERE o."tenant_id" = u."tenant_id" AND u."id" = o."owner_id" AND u."role" <> 'OWNER';

-- CreateIndex
CREATE UNIQUE INDEX "users_one_owner_per_tenant" ON "users"("tenant_id") WHERE (role = 'OWNER');

-- Each check's message opens with its name, which the API maps to an error of its
-- catalog (packages/api/src/errors/translate.ts); SQLSTATE is check_violation.

-- The organization names an active OWNER of its tenant. Runs as the caller, under
-- RLS: the writer of a tenant's row has that tenant set, and so sees its rows.
CREATE FUNCTION tenantry_check_owner() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  tenant uuid := CASE WHEN TG_OP = 'DELETE' THEN OLD.tenant_id ELSE NEW.tenant_id END;
BEGIN
  IF EXISTS (
    SELECT 1 FROM "tenant_organisations" o
     WHERE o."tenant_id" = tenant
       AND NOT EXISTS (
         SELECT 1 FROM "users" u
          WHERE u."tenant_id" = o."tenant_id" AND u."id" = o."owner_id"
            AND u."role" = 'OWNER' AND u."is_active"))
  THEN
    RAISE EXCEPTION 'tenant_organisations_owner_is_owner: the organization of tenant % must name one active owner', tenant
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tenant_organisations_owner_is_owner';
  END IF;
  RETURN NULL;
END
$$;

CREATE CONSTRAINT TRIGGER "tenant_organisations_owner_is_owner"
  AFTER INSERT OR UPDATE OF "owner_id" ON "tenant_organisations"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION tenantry_check_owner();

CREATE CONSTRAINT TRIGGER "users_owner_is_owner"
  AFTER UPDATE OF "role", "is_active", "tenant_id" OR DELETE ON "users"
  DEFERRABLE INITIALLY DEFERRED
  FOR EACH ROW EXECUTE FUNCTION tenantry_check_owner();

-- A user became active: lock the organization row, then count.
CREATE FUNCTION tenantry_check_seats_on_activation() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  limit_ int;
  active int;
BEGIN
  SELECT o."seats" INTO limit_ FROM "tenant_organisations" o
   WHERE o."tenant_id" = NEW."tenant_id" FOR UPDATE;
  -- Registration creates the owner before the organization: nothing to count yet.
  IF NOT FOUND THEN RETURN NULL; END IF;
  SELECT count(*) INTO active FROM "users" u WHERE u."tenant_id" = NEW."tenant_id" AND u."is_active";
  IF active > limit_ THEN
    RAISE EXCEPTION 'tenant_organisations_seats_cover_members: tenant % has % seats and would have % active members',
      NEW."tenant_id", limit_, active
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tenant_organisations_seats_cover_members';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "users_seats_on_insert"
  AFTER INSERT ON "users"
  FOR EACH ROW WHEN (NEW."is_active")
  EXECUTE FUNCTION tenantry_check_seats_on_activation();

CREATE TRIGGER "users_seats_on_reactivation"
  AFTER UPDATE OF "is_active" ON "users"
  FOR EACH ROW WHEN (NEW."is_active" AND NOT OLD."is_active")
  EXECUTE FUNCTION tenantry_check_seats_on_activation();

-- Seats went down: the UPDATE holds the row lock, so count.
CREATE FUNCTION tenantry_check_seats_on_reduction() RETURNS trigger
LANGUAGE plpgsql
AS $$
DECLARE
  active int;
BEGIN
  SELECT count(*) INTO active FROM "users" u WHERE u."tenant_id" = NEW."tenant_id" AND u."is_active";
  IF active > NEW."seats" THEN
    RAISE EXCEPTION 'tenant_organisations_seats_cover_members: tenant % has % active members; seats cannot go down to %',
      NEW."tenant_id", active, NEW."seats"
      USING ERRCODE = 'check_violation', CONSTRAINT = 'tenant_organisations_seats_cover_members';
  END IF;
  RETURN NULL;
END
$$;

CREATE TRIGGER "tenant_organisations_seats_on_reduction"
  AFTER UPDATE OF "seats" ON "tenant_organisations"
  FOR EACH ROW WHEN (NEW."seats" < OLD."seats")
  EXECUTE FUNCTION tenantry_check_seats_on_reduction();

-- Trigger functions only; nobody calls them directly.
REVOKE EXECUTE ON FUNCTION tenantry_check_owner() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION tenantry_check_seats_on_activation() FROM PUBLIC;
REVOKE EXECUTE ON FUNCTION tenantry_check_seats_on_reduction() FROM PUBLIC;
