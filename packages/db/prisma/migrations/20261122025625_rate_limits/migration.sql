-- CreateTable
CREATE TABLE "rate_limits" (
    "key" VARCHAR(200) NOT NULL,
    "count" INTEGER NOT NULL,
    "reset_at" TIMESTAMPTZ(3) NOT NULL,

    CONSTRAINT "rate_limits_pkey" PRIMARY KEY ("key")
);

-- CreateIndex
CREATE INDEX "rate_limits_reset_at_idx" ON "rate_limits"("reset_at");

-- Shared by every server instance; holds client addresses, not tenant data, so
-- it has no row-level security. The app role increments and prunes counters.
GRANT SELECT, INSERT, UPDATE, DELETE ON "rate_limits" TO tenantry_app;
