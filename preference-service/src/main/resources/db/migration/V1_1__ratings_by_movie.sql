-- A movie's ratings (summary, friends' scores): the scores and raters are in the index itself,
-- so counting and averaging never visit the table.
create index ratings_by_movie on ratings (movie_id) include (score, user_id);
