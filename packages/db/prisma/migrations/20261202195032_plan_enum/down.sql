-- plan goes back to text, keeping every row's value.
ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" DROP DEFAULT;
ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" TYPE VARCHAR(40) USING ("plan"::text);
ALTER TABLE "tenant_organisations" ALTER COLUMN "plan" SET DEFAULT 'free';

DROP TYPE "Plan";
