DROP FUNCTION tenantry_email_holder(text);
