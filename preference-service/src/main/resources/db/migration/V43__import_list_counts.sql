-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL) alike.

-- How many lists applying an import would make, beside its other counts. rows_done now also
-- counts the rows written while an import is applied.
alter table history_imports add column lists integer not null default 0;
