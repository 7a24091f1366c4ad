-- Searches that stay flat (issue 10, part 4). A GIN index with fastupdate
-- keeps new entries in a pending list, unsorted, until it outgrows
-- gin_pending_list_limit (4 MB by default) or a vacuum merges it; every search
-- through the index reads the whole list first. Measured at 1M assets after a
-- bulk load: 327 pending pages made a search that matches nothing take 25 ms
-- in the trigram scans instead of 0.3 ms. A limit of 64 kB (the least allowed)
-- bounds that read to 8 pages per index, while inserts still merge in batches
-- (turning fastupdate off cost 0.48 ms per asset inserted, 64 kB 0.25 ms, the
-- default 0.09 ms). Bulk loads may lift the limit for the load and merge the
-- list after it (the bench's seed does).
ALTER INDEX "assets_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "assets_tag_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "assets_serial_number_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "buildings_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "sites_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "sites_address_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "users_name_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "users_email_trgm_idx" SET (gin_pending_list_limit = 64);
ALTER INDEX "invitations_email_trgm_idx" SET (gin_pending_list_limit = 64);

-- What is pending now is merged once.
SELECT gin_clean_pending_list('"assets_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"assets_tag_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"assets_serial_number_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"buildings_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"sites_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"sites_address_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"users_name_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"users_email_trgm_idx"'::regclass);
SELECT gin_clean_pending_list('"invitations_email_trgm_idx"'::regclass);
