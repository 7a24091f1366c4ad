-- Reverses owner_seat_invariants: the triggers, their functions and the index go;
-- every row stays (the owners the up migration demoted stay ADMIN).
DROP TRIGGER "tenant_organisations_seats_on_reduction" ON "tenant_organisations";
DROP TRIGGER "users_seats_on_reactivation" ON "users";
DROP TRIGGER "users_seats_on_insert" ON "users";
DROP TRIGGER "users_owner_is_owner" ON "users";
DROP TRIGGER "tenant_organisations_owner_is_owner" ON "tenant_organisations";
DROP FUNCTION tenantry_check_seats_on_reduction();
DROP FUNCTION tenantry_check_seats_on_activation();
DROP FUNCTION tenantry_check_owner();
DROP INDEX "users_one_owner_per_tenant";
