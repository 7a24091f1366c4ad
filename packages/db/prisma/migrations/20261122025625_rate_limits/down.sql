-- Reverses the rate-limit table (its grants go with it).
-- DropTable
DROP TABLE "public"."rate_limits";
