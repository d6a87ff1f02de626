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
import { Stars } from '../components/Stars';
import { formatDate, formatScore, movieTitle, plural } from '../format';

const PAGE_SIZE = 20;

export function MyRatingsPage() {
  useTitle('My ratings');
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const load = useCallback((signal: AbortSignal) => api.ratings(page, PAGE_SIZE, signal), [page]);
  const { data, error, loading, reload } = useApi(load);
  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busyId, setBusyId] = useState<number | null>(null);

  async function remove(movieId: number, title: string) {
    setBusyId(movieId);
    setActionError(null);
    setNotice(null);
    try {
      await api.unrate(movieId);
      setNotice(`Removed your rating of ${title}.`);
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusyId(null);
    }
  }

  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;
  return (
    <div className="page">
      <header className="page-header">
        <h1>My ratings</h1>
        <p className="page-lede">{data && data.total > 0
            ? `You have rated ${plural(data.total, 'movie')}, newest first.`
            : 'Everything you have rated, newest first.'}</p>
      </header>
      {loading && !data && <Loading label="Loading your ratings…" />}
      <ErrorMessage error={error} onRetry={reload} />
      <ErrorMessage error={actionError} />
      {notice && <Notice>{notice}</Notice>}
      {data && <DegradedNotice services={data.degraded} />}
      {data &&
        (data.items.length === 0 ? (
          <EmptyState title="You have not rated anything yet">
            <p>
              Find a movie you have seen and give it a score. <Link to="/movies">Browse movies</Link>
            </p>
          </EmptyState>
        ) : (
          <>
            <ul className="row-list" aria-label="Your ratings">
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
                      <p className="row-item-score">
                        <Stars score={item.score} /> <span aria-hidden="true">{formatScore(item.score)}</span>
                        <span className="muted"> · rated {formatDate(item.ratedAt)}</span>
                      </p>
                      {item.review && <blockquote className="activity-review">{item.review}</blockquote>}
                    </div>
                    <div className="row-item-actions">
                      <Link className="button button-small button-secondary" to={`/movies/${item.movie.id}`}>
                        Edit{' '}<span className="sr-only">your rating of {title}</span>
                      </Link>
                      <button
                        type="button"
                        className="button button-small button-ghost-dark"
                        onClick={() => remove(item.movie.id, title)}
                        disabled={busyId === item.movie.id}
                      >
                        Remove{' '}<span className="sr-only">your rating of {title}</span>
                      </button>
                    </div>
                  </li>
                );
              })}
            </ul>
            <Pager
              page={page}
              totalPages={totalPages}
              label="Rating pages"
              onPage={(p) => setParams(p > 0 ? { page: String(p) } : {})}
            />
          </>
        ))}
    </div>
  );
}
