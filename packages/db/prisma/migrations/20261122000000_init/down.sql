-- DropForeignKey
ALTER TABLE "public"."tenant_organisations" DROP CONSTRAINT "tenant_organisations_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."tenant_organisations" DROP CONSTRAINT "tenant_organisations_tenant_id_owner_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."users" DROP CONSTRAINT "users_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."sessions" DROP CONSTRAINT "sessions_user_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."accounts" DROP CONSTRAINT "accounts_user_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."invitations" DROP CONSTRAINT "invitations_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."invitations" DROP CONSTRAINT "invitations_tenant_id_invited_by_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."sites" DROP CONSTRAINT "sites_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."buildings" DROP CONSTRAINT "buildings_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."buildings" DROP CONSTRAINT "buildings_tenant_id_site_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."assets" DROP CONSTRAINT "assets_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."assets" DROP CONSTRAINT "assets_tenant_id_building_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."audit_events" DROP CONSTRAINT "audit_events_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."audit_events" DROP CONSTRAINT "audit_events_tenant_id_actor_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."api_keys" DROP CONSTRAINT "api_keys_tenant_id_fkey";

-- DropForeignKey
ALTER TABLE "public"."api_keys" DROP CONSTRAINT "api_keys_tenant_id_created_by_id_fkey";

-- DropTable
DROP TABLE "public"."tenants";

-- DropTable
DROP TABLE "public"."tenant_organisations";

-- DropTable
DROP TABLE "public"."users";

-- DropTable
DROP TABLE "public"."sessions";

-- DropTable
DROP TABLE "public"."accounts";

-- DropTable
DROP TABLE "public"."verifications";

-- DropTable
DROP TABLE "public"."invitations";

-- DropTable
DROP TABLE "public"."sites";

-- DropTable
DROP TABLE "public"."buildings";

-- DropTable
DROP TABLE "public"."assets";

-- DropTable
DROP TABLE "public"."audit_events";

-- DropTable
DROP TABLE "public"."api_keys";

-- DropEnum
DROP TYPE "public"."TenantStatus";

-- DropEnum
DROP TYPE "public"."Role";

-- DropEnum
DROP TYPE "public"."AssetStatus";
