-- Substring search over usernames and display names stays fast with trigram indexes.
create extension if not exists pg_trgm;
create index accounts_username_trgm on accounts using gin (username gin_trgm_ops);
create index accounts_display_name_trgm on accounts using gin (lower(display_name) gin_trgm_ops);
