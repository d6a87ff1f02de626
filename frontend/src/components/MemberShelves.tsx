import { useCallback } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { social } from '../api/social';
import { useApi } from '../api/useApi';
import { plural } from '../format';
import { EmptyState, ErrorMessage, Loading } from './Feedback';
import { MovieCard, MovieGrid, MovieGridItem } from './MovieCard';
import { Stars } from './Stars';
import { visibilityLabel } from './VisibilityChoice';

function refused(error: unknown): boolean {
  return error instanceof ApiError && (error.status === 403 || error.status === 401);
}

/** A member's latest ratings and their lists, as far as their privacy setting lets me see them. */
export function MemberShelves({ userId, name }: { userId: number; name: string }) {
  const loadRatings = useCallback((signal: AbortSignal) => social.memberRatings(userId, signal), [userId]);
  const loadLists = useCallback((signal: AbortSignal) => social.memberLists(userId, signal), [userId]);
  const ratings = useApi(loadRatings);
  const lists = useApi(loadLists);
  const hidden = `${name} shares this only with friends, or keeps it private.`;

  return (
    <>
      <section aria-labelledby="member-ratings-title" className="panel">
        <h2 id="member-ratings-title">{name}’s ratings</h2>
        {ratings.loading && !ratings.data && <Loading label="Loading their ratings…" />}
        {refused(ratings.error) ? <p className="info-message">{hidden}</p> : <ErrorMessage error={ratings.error} onRetry={ratings.reload} />}
        {ratings.data &&
          (ratings.data.items.length === 0 ? (
            <EmptyState title={`${name} has not rated anything yet`} />
          ) : (
            <MovieGrid label={`${name}’s latest ratings`}>
              {ratings.data.items.map((r) => (
                <MovieGridItem key={r.movie.id}>
                  <MovieCard movie={r.movie}>
                    <Stars score={r.score} />
                  </MovieCard>
                </MovieGridItem>
              ))}
            </MovieGrid>
          ))}
      </section>
      <section aria-labelledby="member-lists-title" className="panel">
        <h2 id="member-lists-title">{name}’s lists</h2>
        {lists.loading && !lists.data && <Loading label="Loading their lists…" />}
        {refused(lists.error) ? <p className="info-message">{hidden}</p> : <ErrorMessage error={lists.error} onRetry={lists.reload} />}
        {lists.data &&
          (lists.data.items.length === 0 ? (
            <p className="muted">No lists you can see.</p>
          ) : (
            <ul className="list-summaries" aria-label={`${name}’s lists`}>
              {lists.data.items.map((l) => (
                <li key={l.id} className="list-summary">
                  <h3>
                    <Link to={`/lists/${l.id}`}>{l.name}</Link>
                  </h3>
                  <p className="muted">
                    {visibilityLabel(l.visibility)}
                    {l.movieCount !== undefined ? ` · ${plural(l.movieCount, 'movie')}` : ''}
                  </p>
                </li>
              ))}
            </ul>
          ))}
      </section>
    </>
  );
}
