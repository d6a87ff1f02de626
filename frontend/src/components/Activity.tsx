import { useCallback, useState, type ReactNode } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import type { Activity, Feed, Movie } from '../api/types';
import { useApi } from '../api/useApi';
import { api } from '../api/endpoints';
import { formatDate, movieTitle, personName, relativeTime } from '../format';
import { useSession } from '../session/session';
import { DegradedNotice } from './DegradedNotice';
import { EmptyState, ErrorMessage, Loading } from './Feedback';
import { Reactions, reactable } from './Reactions';
import { Stars } from './Stars';

export function Avatar({ name, large }: { name: string; large?: boolean }) {
  const letters = name
    .split(/\s+/)
    .filter(Boolean)
    .slice(0, 2)
    .map((w) => w[0]?.toUpperCase())
    .join('');
  return (
    <span className={large ? 'avatar avatar-large' : 'avatar'} aria-hidden="true">
      {letters || '?'}
    </span>
  );
}

function PersonLink({ user, meId }: { user: { id: number; username: string; displayName?: string | null }; meId?: number }) {
  const name = personName(user);
  if (meId !== undefined && user.id === meId) return <Link to="/profile">You</Link>;
  return <Link to={`/members/${user.id}`}>{name}</Link>;
}

function MovieLink({ activity, movies }: { activity: Activity; movies?: Map<number, Movie> }) {
  const id = activity.movieId ?? activity.movie?.id;
  if (!id) return <>a movie</>;
  const movie = activity.movie ?? movies?.get(id);
  return <Link to={`/movies/${id}`}>{movieTitle(movie, id)}</Link>;
}

export function ActivityItem({ activity, movies, meId }: { activity: Activity; movies?: Map<number, Movie>; meId?: number }) {
  const actor = <PersonLink user={activity.actor} meId={meId} />;
  let what;
  switch (activity.type) {
    case 'RATED':
      what = (
        <>
          {actor} rated <MovieLink activity={activity} movies={movies} />
        </>
      );
      break;
    case 'REVIEWED':
      what = (
        <>
          {actor} reviewed <MovieLink activity={activity} movies={movies} />
        </>
      );
      break;
    case 'LOGGED':
      what = (
        <>
          {actor} watched <MovieLink activity={activity} movies={movies} />
        </>
      );
      break;
    case 'WATCHLISTED':
      what = (
        <>
          {actor} saved <MovieLink activity={activity} movies={movies} /> to watch later
        </>
      );
      break;
    case 'BEFRIENDED':
      what = activity.friend ? (
        <>
          {actor} became friends with <PersonLink user={activity.friend} meId={meId} />
        </>
      ) : (
        <>{actor} made a new friend</>
      );
      break;
    case 'JOINED':
      what = <>{actor} joined Cinemates</>;
      break;
    default:
      what = <>{actor} was active</>;
  }
  const score = activity.score;
  return (
    <li className="activity">
      <Avatar name={personName(activity.actor)} />
      <div className="activity-body">
        <p className="activity-what">
          {what}
          {score !== undefined && score !== null && (
            <>
              {' '}
              <Stars score={score} />
            </>
          )}
        </p>
        {activity.review && <blockquote className="activity-review">{activity.review}</blockquote>}
        <time className="activity-time" dateTime={activity.createdAt} title={formatDate(activity.createdAt)}>
          {relativeTime(activity.createdAt)}
        </time>
        {reactable(activity) && <Reactions activity={activity} meId={meId} />}
      </div>
    </li>
  );
}

export function ActivityList({ items, movies, label }: { items: Activity[]; movies?: Map<number, Movie>; label?: string }) {
  const { user } = useSession();
  return (
    <ul className="activity-list" aria-label={label}>
      {items.map((a) => (
        <ActivityItem key={a.id} activity={a} movies={movies} meId={user?.id} />
      ))}
    </ul>
  );
}

interface Older {
  first: Feed;
  items: Activity[];
  cursor?: string | null;
  movies: Map<number, Movie>;
}

async function withMovies(feed: Feed, signal?: AbortSignal): Promise<{ feed: Feed; movies: Map<number, Movie> }> {
  const ids = [...new Set(feed.items.map((a) => a.movieId).filter((id): id is number => typeof id === 'number'))];
  const movies = new Map<number, Movie>();
  if (ids.length > 0) {
    try {
      const found = await api.moviesByIds(ids, signal);
      for (const m of found.items) movies.set(m.id, m);
    } catch (error) {
      // Titles are a nicety here: the activity still reads "rated Movie #42".
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
    }
  }
  return { feed, movies };
}

interface ActivityFeedProps {
  load: (before: string | null, signal?: AbortSignal) => Promise<Feed>;
  label: string;
  emptyTitle: string;
  empty?: ReactNode;
  forbidden?: string;
}

/** A cursor-paged activity list with titles looked up in one batch per page. */
export function ActivityFeed({ load, label, emptyTitle, empty, forbidden }: ActivityFeedProps) {
  const firstPage = useCallback(async (signal: AbortSignal) => withMovies(await load(null, signal), signal), [load]);
  const { data, error, loading, reload } = useApi(firstPage);
  const [older, setOlder] = useState<Older | null>(null);
  const [moreError, setMoreError] = useState<unknown>(null);
  const [loadingMore, setLoadingMore] = useState(false);

  if (loading && !data) return <Loading label="Loading activity…" />;
  if (error) {
    if (error instanceof ApiError && error.status === 403 && forbidden) {
      return <p className="info-message">{forbidden}</p>;
    }
    return <ErrorMessage error={error} onRetry={reload} />;
  }
  if (!data) return null;

  const extra = older && older.first === data.feed ? older : null;
  const items = [...data.feed.items, ...(extra?.items ?? [])];
  const movies = new Map([...data.movies, ...(extra?.movies ?? [])]);
  const cursor = extra ? extra.cursor : data.feed.nextCursor;

  async function showOlder() {
    if (!cursor || !data) return;
    setLoadingMore(true);
    setMoreError(null);
    try {
      const next = await withMovies(await load(cursor));
      setOlder({
        first: data.feed,
        items: [...(extra?.items ?? []), ...next.feed.items],
        cursor: next.feed.nextCursor,
        movies: new Map([...(extra?.movies ?? []), ...next.movies]),
      });
    } catch (e) {
      setMoreError(e);
    } finally {
      setLoadingMore(false);
    }
  }

  return (
    <div className="activity-feed">
      <DegradedNotice services={data.feed.degraded} />
      {items.length === 0 ? (
        <EmptyState title={emptyTitle}>{empty}</EmptyState>
      ) : (
        <ActivityList items={items} movies={movies} label={label} />
      )}
      <ErrorMessage error={moreError} />
      {cursor && items.length > 0 && (
        <button type="button" className="button button-secondary" onClick={showOlder} disabled={loadingMore}>
          {loadingMore ? 'Loading…' : 'Show older activity'}
        </button>
      )}
    </div>
  );
}
