-- A movie's community ratings: scores in the index, so popularity never visits the table.
create index community_ratings_by_movie on community_ratings (movie_id) include (score);
