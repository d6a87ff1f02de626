-- search_title holds normalised text (lower case, no accents, no punctuation), so byte order is
-- the right order, and with the C collation one b-tree serves both ORDER BY and LIKE 'prefix%'.
alter table movies alter column search_title type varchar(1000) collate "C";
create index movies_search_title on movies (search_title, id);
create index movies_popularity on movies (popularity desc, id);

-- Every query word is matched with LIKE '%word%'; pg_trgm's GIN index answers that without a scan,
-- and its word similarity finds titles despite typos.
create extension if not exists pg_trgm;
create index movies_search_trgm on movies using gin (search_title gin_trgm_ops);

-- Staging tables need no crash safety: they are filled and emptied inside one transaction.
alter table movie_import_rows set unlogged;
alter table link_import_rows set unlogged;
alter table tag_import_rows set unlogged;
alter table tag_count_rows set unlogged;
alter table popularity_import_rows set unlogged;

-- Loading a large catalogue into an empty table is several times faster with the secondary
-- indexes built afterwards. The import drops them for that and keeps their definitions here until
-- it has built them again, so a crash in between cannot lose them (the next import restores them).
create table deferred_indexes (
    name       varchar(100)  primary key,
    definition varchar(2000) not null
);

-- H2 has BITAND built in; PostgreSQL gets a function of the same name (inlined by the planner), so
-- genre filters read the same on both.
create function bitand(a bigint, b bigint) returns bigint
    language sql immutable strict parallel safe
    as 'select a & b';
