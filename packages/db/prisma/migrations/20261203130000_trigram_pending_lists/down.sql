-- Reverses the trigram indexes' pending list limit to the server's default.
ALTER INDEX "assets_name_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "assets_tag_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "assets_serial_number_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "buildings_name_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "sites_name_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "sites_address_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "users_name_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "users_email_trgm_idx" RESET (gin_pending_list_limit);
ALTER INDEX "invitations_email_trgm_idx" RESET (gin_pending_list_limit);
