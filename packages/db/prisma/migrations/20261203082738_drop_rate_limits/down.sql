-- Recreates the rate-limit table as 20261122025625_rate_limits made it (empty:
-- counters last a minute), with its index and the app role's grant.
CREATE TABLE "rate_limits" (
    "key" VARCHAR(200) NOT NULL,
    "count" INTEGER NOT NULL,
    "reset_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

CREATE INDEX "rate_limits_reset_at_idx" ON "rate_limits"("reset_at");

GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits" TO tenantry_app;
