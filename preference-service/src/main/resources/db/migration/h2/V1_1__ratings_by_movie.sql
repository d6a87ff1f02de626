-- H2 has no covering indexes; the embedded mode serves small communities.
create index ratings_by_movie on ratings (movie_id);
