import { useCallback, useState } from 'react';
import { Link } from 'react-router';
import { api } from '../api/endpoints';
import { social, type Notification, type Notifications } from '../api/social';
import type { Movie } from '../api/types';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { NOTIFICATIONS_READ_EVENT } from '../components/NotificationsLink';
import { formatDate, movieTitle, personName, relativeTime } from '../format';

interface Loaded {
  page: Notifications;
  movies: Map<number, Movie>;
}

async function load(signal: AbortSignal): Promise<Loaded> {
  const page = await social.notifications(null, signal);
  const ids = [...new Set(page.items.map((n) => n.movieId).filter((id): id is number => typeof id === 'number'))];
  const movies = new Map<number, Movie>();
  if (ids.length > 0) {
    try {
      for (const movie of (await api.moviesByIds(ids, signal)).items) movies.set(movie.id, movie);
    } catch (error) {
      if (error instanceof DOMException && error.name === 'AbortError') throw error;
    }
  }
  return { page, movies };
}

function What({ notification, movies }: { notification: Notification; movies: Map<number, Movie> }) {
  const actor = <Link to={`/members/${notification.actor.id}`}>{personName(notification.actor)}</Link>;
  const movieId = notification.movieId;
  const movie = movieId ? <Link to={`/movies/${movieId}`}>{movieTitle(movies.get(movieId), movieId)}</Link> : null;
  switch (notification.type) {
    case 'FRIEND_REQUEST':
      return (
        <>
          {actor} wants to be friends. <Link to="/friends">Answer the request</Link>
        </>
      );
    case 'FRIEND_ACCEPTED':
      return <>{actor} accepted your friend request.</>;
    case 'LIKED':
      return <>{actor} liked your activity{movie && <> on {movie}</>}.</>;
    case 'COMMENTED':
      return (
        <>
          {actor} commented{movie && <> on your activity about {movie}</>}: <q>{notification.text}</q>
        </>
      );
    case 'RECOMMENDED':
      return (
        <>
          {actor} recommends {movie ?? 'a movie'} to you{notification.text ? <>: <q>{notification.text}</q></> : '.'}
        </>
      );
    default:
      return <>{actor} did something that concerns you.</>;
  }
}

export function NotificationsPage() {
  useTitle('Notifications');
  const loader = useCallback((signal: AbortSignal) => load(signal), []);
  const { data, error, loading, reload, setData } = useApi(loader);
  const [notice, setNotice] = useState<string | null>(null);
  const [markError, setMarkError] = useState<unknown>(null);

  async function markAllRead() {
    if (!data) return;
    setMarkError(null);
    try {
      const newest = data.page.items[0]?.id;
      await social.markNotificationsRead(newest);
      setData({ ...data, page: { ...data.page, unreadCount: 0, items: data.page.items.map((n) => ({ ...n, read: true })) } });
      window.dispatchEvent(new Event(NOTIFICATIONS_READ_EVENT));
      setNotice('Everything is marked as read.');
    } catch (e) {
      setMarkError(e);
    }
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>Notifications</h1>
        <p className="page-lede">Friend requests, likes, comments and movies your friends recommend to you.</p>
      </header>
      {loading && !data && <Loading label="Loading your notifications…" />}
      <ErrorMessage error={error} onRetry={reload} />
      {data &&
        (data.page.items.length === 0 ? (
          <EmptyState title="Nothing new">
            <p>When a friend likes, comments on or recommends something, you will find it here.</p>
          </EmptyState>
        ) : (
          <>
            <div className="button-row">
              <button type="button" className="button button-secondary" onClick={() => void markAllRead()} disabled={data.page.unreadCount === 0}>
                Mark all as read
              </button>
              <span className="muted">{data.page.unreadCount > 0 ? `${data.page.unreadCount} unread` : 'All read'}</span>
            </div>
            {notice && <Notice>{notice}</Notice>}
            <ErrorMessage error={markError} />
            <ul className="notification-list" aria-label="Your notifications">
              {data.page.items.map((n) => (
                <li key={n.id} className={n.read ? 'notification' : 'notification is-unread'}>
                  {!n.read && <span className="sr-only">Unread: </span>}
                  <p className="notification-what">
                    <What notification={n} movies={data.movies} />
                  </p>
                  <time dateTime={n.createdAt} title={formatDate(n.createdAt)}>
                    {relativeTime(n.createdAt)}
                  </time>
                </li>
              ))}
            </ul>
          </>
        ))}
    </div>
  );
}
