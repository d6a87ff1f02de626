import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { useApi } from '../api/useApi';
import { ActivityList } from '../components/Activity';
import { DegradedNotice } from '../components/DegradedNotice';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { FromFriends } from '../components/FromFriends';
import { MovieCard, MovieGrid, MovieGridItem } from '../components/MovieCard';
import { personName } from '../format';
import { useSession } from '../session/session';

export function ReasonList({ reasons }: { reasons?: string[] }) {
  if (!reasons || reasons.length === 0) return null;
  return (
    <ul className="reasons" aria-label="Why we recommend it">
      {reasons.map((reason) => (
        <li key={reason}>{reason}</li>
      ))}
    </ul>
  );
}

/** Two rows on a desktop; the rest on request, so friends' activity stays in reach on a phone. */
const FIRST_RECOMMENDATIONS = 8;

export function HomePage() {
  useTitle('Home');
  const [showAll, setShowAll] = useState(false);
  const { user } = useSession();
  const load = useCallback((signal: AbortSignal) => api.home(signal), []);
  const { data, error, loading, reload } = useApi(load);

  return (
    <div className="page">
      <header className="page-header">
        <h1>Hello, {personName(user)}</h1>
        <p className="page-lede">Picked for you, and what your friends have been watching.</p>
      </header>
      {loading && !data && <Loading label="Loading your recommendations…" />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && (
        <>
          <DegradedNotice services={data.degraded} />
          <FromFriends />
          <div className="home-columns">
            <section aria-labelledby="recommended-title" className="home-recommendations">
              <div className="section-header">
                <h2 id="recommended-title">Recommended for you</h2>
                <button type="button" className="button button-small button-secondary" onClick={reload} disabled={loading}>
                  {loading ? 'Refreshing…' : 'Refresh'}
                </button>
              </div>
              {data.recommendations.length === 0 ? (
                <EmptyState title="No recommendations yet">
                  <p>
                    Rate a few movies you have seen and we will suggest what to watch next.{' '}
                    <Link to="/movies">Browse movies</Link>
                  </p>
                </EmptyState>
              ) : (
                <>
                  <MovieGrid label="Recommended movies">
                    {(showAll ? data.recommendations : data.recommendations.slice(0, FIRST_RECOMMENDATIONS)).map((r) => (
                      <MovieGridItem key={r.movie.id}>
                        <MovieCard movie={r.movie}>
                          <ReasonList reasons={r.reasons} />
                        </MovieCard>
                      </MovieGridItem>
                    ))}
                  </MovieGrid>
                  {!showAll && data.recommendations.length > FIRST_RECOMMENDATIONS && (
                    <button type="button" className="button button-secondary show-more" onClick={() => setShowAll(true)}>
                      Show all {data.recommendations.length} recommendations
                    </button>
                  )}
                </>
              )}
            </section>
            <section aria-labelledby="friends-activity-title" className="home-activity">
              <h2 id="friends-activity-title">Friends’ activity</h2>
              {data.friendActivity.length === 0 && data.degraded?.includes('activity-service') ? (
                <p className="muted">Your friends’ activity cannot be shown right now. It will be back shortly.</p>
              ) : data.friendActivity.length === 0 ? (
                <EmptyState title="Nothing from your friends yet">
                  <p>
                    When your friends rate or review movies, it shows up here. <Link to="/friends">Find friends</Link>
                  </p>
                </EmptyState>
              ) : (
                <ActivityList items={data.friendActivity} label="Friends’ recent activity" />
              )}
            </section>
          </div>
        </>
      )}
    </div>
  );
}
