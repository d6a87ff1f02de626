import { useCallback, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import { useApi } from '../api/useApi';
import { DegradedNotice } from '../components/DegradedNotice';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { genreList } from '../components/MovieCard';
import { Pager } from '../components/Pager';
import { Poster } from '../components/Poster';
import { formatDate, movieTitle, plural } from '../format';

const PAGE_SIZE = 20;

export function WatchlistPage() {
  useTitle('Watchlist');
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const load = useCallback((signal: AbortSignal) => api.watchlist(page, PAGE_SIZE, signal), [page]);
  const { data, error, loading, reload } = useApi(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  async function remove(movieId: number, title: string) {
    setBusyId(movieId);
    setActionError(null);
    setNotice(null);
    try {
      await api.removeFromWatchlist(movieId);
      setNotice(`Removed ${title} from your watchlist.`);
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusyId(null);
    }
  }

  const total = data ? (data.total ?? data.items.length) : 0;
  const totalPages = Math.max(1, Math.ceil(total / (data?.size || PAGE_SIZE)));
  return (
    <div className="page">
      <header className="page-header">
        <h1>Watchlist</h1>
        <p className="page-lede">
          {total > 0 ? `${plural(total, 'movie')} saved to watch later.` : 'Movies you saved to watch later.'}
        </p>
      </header>
      {loading && !data && <Loading label="Loading your watchlist…" />}
      <ErrorMessage error={error} onRetry={reload} />
      <ErrorMessage error={actionError} />
      {notice && <Notice>{notice}</Notice>}
      {data && <DegradedNotice services={data.degraded} />}
      {data &&
        (data.items.length === 0 ? (
          <EmptyState title="Your watchlist is empty">
            <p>
              Add movies from their page to remember them. <Link to="/movies">Browse movies</Link>
            </p>
          </EmptyState>
        ) : (
          <>
            <ul className="row-list" aria-label="Saved movies">
              {data.items.map((item) => {
                const title = movieTitle(item.movie);
                return (
                  <li key={item.movie.id} className="row-item">
                    <Poster movie={item.movie} className="poster-thumb" />
                    <div className="row-item-body">
                      <h2 className="row-item-title">
                        <Link to={`/movies/${item.movie.id}`}>{title}</Link>
                      </h2>
                      <p className="row-item-meta">
                        {item.movie.year ?? ''} {genreList(item.movie) && `· ${genreList(item.movie)}`}
                      </p>
                      <p className="muted">Added {formatDate(item.addedAt)}</p>
                    </div>
                    <div className="row-item-actions">
                      <button
                        type="button"
                        className="button button-small button-ghost-dark"
                        onClick={() => remove(item.movie.id, title)}
                        disabled={busyId === item.movie.id}
                      >
                        Remove{' '}<span className="sr-only">{title} from your watchlist</span>
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            <Pager
              page={page}
              totalPages={totalPages}
              label="Watchlist pages"
              onPage={(p) => setParams(p > 0 ? { page: String(p) } : {})}
            />
          </>
        ))}
    </div>
  );
}
