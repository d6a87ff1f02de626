import { useCallback } from 'react';
import { social } from '../api/social';
import { useApi } from '../api/useApi';
import { personName } from '../format';
import { MovieCard, MovieGrid, MovieGridItem } from './MovieCard';

/** The home page's row of movies friends recommended to me; nothing at all when there are none. */
export function FromFriends() {
  const load = useCallback((signal: AbortSignal) => social.receivedRecommendations(signal), []);
  const { data } = useApi(load);
  if (!data || data.items.length === 0) return null;
  return (
    <section aria-labelledby="from-friends-title" className="from-friends">
      <h2 id="from-friends-title">From your friends</h2>
      <MovieGrid label="Movies your friends recommend to you">
        {data.items.slice(0, 8).map((r) => (
          <MovieGridItem key={`${r.from.id}-${r.movie.id}-${r.sentAt}`}>
            <MovieCard movie={r.movie}>
              <p className="from-friend-note">
                <strong>{personName(r.from)}</strong> recommends it{r.note ? <>: “{r.note}”</> : null}
              </p>
            </MovieCard>
          </MovieGridItem>
        ))}
      </MovieGrid>
    </section>
  );
}
