-- H2 has no covering indexes.
create index community_ratings_by_movie on community_ratings (movie_id);
