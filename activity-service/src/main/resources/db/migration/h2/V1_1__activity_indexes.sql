-- H2 has no partial indexes.
create index activities_actor_movie on activities (actor_id, movie_id);
create index activities_friend on activities (friend_id);
