-- Reverses the site and building search functions.
DROP FUNCTION tenantry_search_buildings(text);
DROP FUNCTION tenantry_search_sites(text);
