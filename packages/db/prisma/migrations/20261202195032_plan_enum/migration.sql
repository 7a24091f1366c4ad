-- plan becomes an enum. Its values are the strings it held, so every row keeps
-- its plan; a value outside the enum would fail the migration rather than be lost.
CREATE TYPE "Plan" AS ENUM ('free', 'team', 'business');

ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" DROP DEFAULT;
ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" TYPE "Plan" USING ("plan"::text::"Plan");
ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" SET DEFAULT 'free';
