-- Portable SQL: runs on PostgreSQL and on H2 (MODE=PostgreSQL) alike.

-- Ratings imported from a MovieLens-format ratings.csv. Their raters are not accounts: rater ids
-- are the file's own and never meet member ids (the recommender keeps them apart).
create table community_ratings (
    rater_id bigint       not null,
    movie_id bigint       not null,
    score    numeric(2,1) not null,
    rated_at timestamp with time zone not null,
    primary key (rater_id, movie_id)
);

-- The last file imported, so an unchanged file is not imported again.
create table community_imports (
    id          integer       not null primary key,
    file_size   bigint        not null,
    modified_at bigint        not null,
    row_count   bigint        not null,
    imported_at timestamp with time zone not null
);
