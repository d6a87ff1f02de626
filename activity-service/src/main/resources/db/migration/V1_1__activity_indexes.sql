-- Only ratings and watchlist entries have a movie, only friendships a friend: partial indexes
-- keep the other rows out of them.
create index activities_actor_movie on activities (actor_id, movie_id) where movie_id is not null;
create index activities_friend on activities (friend_id) where friend_id is not null;
