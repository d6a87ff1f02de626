-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL) alike.

-- A diary entry (a viewing logged in preference-service) is an activity of its own.
alter table activities drop constraint activities_known_type;
alter table activities add constraint activities_known_type
    check (type in ('JOINED', 'BEFRIENDED', 'RATED', 'REVIEWED', 'WATCHLISTED', 'LOGGED'));
