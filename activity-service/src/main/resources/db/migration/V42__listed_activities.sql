-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL) alike.

-- A list made public or shown to friends (preference-service) is an activity: the newest LISTED
-- of a list, until a LIST_WITHDRAWN takes it back.
alter table activities add column list_id bigint;
alter table activities add column list_name varchar(100);
alter table activities drop constraint activities_known_type;
alter table activities add constraint activities_known_type
    check (type in ('JOINED', 'BEFRIENDED', 'RATED', 'REVIEWED', 'WATCHLISTED', 'LOGGED', 'LISTED'));
