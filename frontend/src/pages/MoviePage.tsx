import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { Movie, RatingSummary, Viewing } from '../api/types';
import { useApi } from '../api/useApi';
import { DegradedNotice } from '../components/DegradedNotice';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { TextAreaField } from '../components/Field';
import { useTitle } from '../components/Layout';
import { genreList, MovieCard, MovieGrid, MovieGridItem } from '../components/MovieCard';
import { Poster } from '../components/Poster';
import { RatingInput } from '../components/RatingInput';
import { RecommendToFriend } from '../components/RecommendToFriend';
import { AddToList } from '../components/AddToList';
import { ViewingForm } from '../components/ViewingForm';
import { Stars } from '../components/Stars';
import { formatDay, formatScore, movieTitle, personName, plural, starsText } from '../format';

const REVIEW_LIMIT = 5000;

function imdbUrl(movie: Movie): string | null {
  const id = movie.imdbTitleId ?? (movie.imdbId ? `tt${String(movie.imdbId).padStart(7, '0')}` : null);
  return id ? `https://www.imdb.com/title/${id}/` : null;
}

interface RatingFormProps {
  movieId: number;
  summary: RatingSummary;
  /** My new score and review (null score: removed), to show at once while the summary reloads. */
  onSaved: (score: number | null, review: string | null) => void;
}

/** Keyboard changes (arrow keys) are saved once they stop; a click is saved at once. */
export const KEYBOARD_SAVE_DELAY_MS = 700;

/**
 * My rating: one click on a star saves the score (the review I saved stays as it is); the review
 * has its own button, which saves it with the score shown.
 */
function RatingForm({ movieId, summary, onSaved }: RatingFormProps) {
  const [score, setScore] = useState<number | null>(summary.myScore ?? null);
  const [savedReview, setSavedReview] = useState<string | null>(summary.myReview ?? null);
  const [review, setReview] = useState(summary.myReview ?? '');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const pointer = useRef(false);
  const pending = useRef<ReturnType<typeof setTimeout> | null>(null);
  // Saves one after the other, so the last score chosen is the one that stays.
  const saves = useRef<Promise<void>>(Promise.resolve());
  const rated = score !== null;

  useEffect(
    () => () => {
      if (pending.current) clearTimeout(pending.current);
    },
    [],
  );

  async function saveScore(value: number) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.rate(movieId, value, savedReview ?? undefined);
      setNotice(`Saved your rating: ${starsText(value)}.`);
      onSaved(value, savedReview);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  function choose(value: number) {
    setScore(value);
    if (pending.current) clearTimeout(pending.current);
    const save = () => {
      saves.current = saves.current.then(() => saveScore(value));
    };
    if (pointer.current) {
      pointer.current = false;
      save();
    } else {
      pending.current = setTimeout(save, KEYBOARD_SAVE_DELAY_MS);
    }
  }

  async function saveReview(event: FormEvent) {
    event.preventDefault();
    if (score === null) {
      setError(new ApiError(400, 'Choose a score from half a star to five stars first.'));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.rate(movieId, score, review);
      const kept = review.trim() ? review : null;
      setSavedReview(kept);
      setNotice(kept ? 'Saved your review.' : 'Your review is removed; your rating stays.');
      onSaved(score, kept);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    if (pending.current) clearTimeout(pending.current);
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.unrate(movieId);
      setScore(null);
      setReview('');
      setSavedReview(null);
      setNotice('Your rating is removed.');
      onSaved(null, null);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const reviewError = error instanceof ApiError ? error.fieldError('review') : undefined;
  const scoreError = error instanceof ApiError ? error.fieldError('score') : undefined;
  return (
    <form className="rating-form" onSubmit={saveReview} aria-labelledby="rate-title">
      <h2 id="rate-title">{rated ? 'Your rating' : 'Rate this movie'}</h2>
      <div
        onPointerDown={() => {
          pointer.current = true;
        }}
        onKeyDown={() => {
          pointer.current = false;
        }}
      >
        <RatingInput value={score} onChange={choose} legend="Score, in half stars (saved when you choose)" />
      </div>
      {scoreError && <p className="field-error">{scoreError}</p>}
      <TextAreaField
        label="Review (optional)"
        value={review}
        onChange={(e) => setReview(e.target.value)}
        maxLength={REVIEW_LIMIT}
        rows={4}
        hint={`${review.length.toLocaleString('en')} of ${REVIEW_LIMIT.toLocaleString('en')} characters`}
        error={reviewError}
      />
      <ErrorMessage error={error} />
      {busy ? <p className="muted">Saving…</p> : notice && <Notice>{notice}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {savedReview ? 'Update review' : 'Save review'}
        </button>
        {rated && (
          <button type="button" className="button button-secondary" onClick={remove} disabled={busy}>
            Remove my rating
          </button>
        )}
      </div>
    </form>
  );
}

function WatchlistButton({ movieId }: { movieId: number }) {
  const load = useCallback((signal: AbortSignal) => api.isInWatchlist(movieId, signal), [movieId]);
  const watchlist = useApi(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);

  if (watchlist.loading && !watchlist.data) return <Loading label="Checking your watchlist…" />;
  if (watchlist.error && !watchlist.data) return <ErrorMessage error={watchlist.error} onRetry={watchlist.reload} />;
  const saved = Boolean(watchlist.data);

  async function toggle() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      if (saved) await api.removeFromWatchlist(movieId);
      else await api.addToWatchlist(movieId);
      setNotice(saved ? 'Removed from your watchlist.' : 'Added to your watchlist.');
      watchlist.setData(!saved);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <div className="watchlist-toggle">
      <button type="button" className={`button ${saved ? 'button-secondary' : 'button-accent'}`} onClick={toggle} disabled={busy || watchlist.loading}>
        {saved ? 'Remove from watchlist' : 'Add to watchlist'}
      </button>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
    </div>
  );
}

/** "Log a viewing": a disclosure with the viewing form; a logged score may change my rating. */
function LogViewing({ movie, onLogged }: { movie: Movie; onLogged: () => Promise<void> }) {
  const [open, setOpen] = useState(false);
  const [notice, setNotice] = useState<string | null>(null);

  async function log(viewing: Viewing) {
    await api.logViewing(movie.id, viewing);
    await onLogged();
    setOpen(false);
    setNotice(
      `Logged your viewing of ${movieTitle(movie)} on ${formatDay(viewing.watchedOn)}${
        viewing.score !== null ? `, ${starsText(viewing.score)}` : ''
      }.`,
    );
  }

  return (
    <section className="panel log-viewing" aria-labelledby="log-title">
      <h2 id="log-title">Your diary</h2>
      {notice && (
        <Notice>
          {notice} <Link to="/diary">See your diary</Link>
        </Notice>
      )}
      {open ? (
        <ViewingForm title="Log a viewing" level={3} submitLabel="Log this viewing" onSubmit={log} onCancel={() => setOpen(false)} />
      ) : (
        <button
          type="button"
          className="button button-accent"
          onClick={() => {
            setNotice(null);
            setOpen(true);
          }}
        >
          Log a viewing
        </button>
      )}
    </section>
  );
}

function FriendsScores({ summary }: { summary: RatingSummary }) {
  return (
    <section aria-labelledby="friends-scores-title" className="panel">
      <h2 id="friends-scores-title">Friends’ scores</h2>
      {summary.friends.length === 0 ? (
        <p className="muted">None of your friends has rated this movie yet.</p>
      ) : (
        <ul className="friend-scores">
          {summary.friends.map((f) => (
            <li key={f.user.id}>
              <Link to={`/members/${f.user.id}`}>{personName(f.user)}</Link>
              <Stars score={f.score} />
              <span className="score-number" aria-hidden="true">
                {formatScore(f.score)}
              </span>
            </li>
          ))}
        </ul>
      )}
    </section>
  );
}

function SimilarMovies({ movieId }: { movieId: number }) {
  const load = useCallback((signal: AbortSignal) => api.similar(movieId, 12, signal), [movieId]);
  const { data, error, loading, reload } = useApi(load);
  return (
    <section aria-labelledby="similar-title" className="similar">
      <h2 id="similar-title">Similar movies</h2>
      {loading && !data && <Loading label="Finding similar movies…" />}
      <ErrorMessage error={error} onRetry={reload} />
      {data && <DegradedNotice services={data.degraded} />}
      {data &&
        (data.items.length === 0 ? (
          <EmptyState title="No similar movies yet">
            <p>As more people rate movies, we learn which ones go together.</p>
          </EmptyState>
        ) : (
          <MovieGrid label="Similar movies">
            {data.items.map((item) => (
              <MovieGridItem key={item.movie.id}>
                <MovieCard movie={item.movie} />
              </MovieGridItem>
            ))}
          </MovieGrid>
        ))}
    </section>
  );
}

/** Whose ratings the averages are: the members' own, and the community data's beside them. */
function ScoreSources({ summary }: { summary: RatingSummary }) {
  const members = summary.count > 0 && summary.average !== null && summary.average !== undefined;
  const community = summary.community && summary.community.count > 0 ? summary.community : null;
  return (
    <dl className="score-sources">
      <div>
        <dt>Cinemates members</dt>
        <dd>
          {members ? (
            <>
              <Stars score={Number(summary.average)} /> <strong>{Number(summary.average).toFixed(1)}</strong> average from{' '}
              {plural(summary.count, 'member rating')}
            </>
          ) : (
            'No member has rated it yet. Be the first.'
          )}
        </dd>
      </div>
      {community && (
        <div>
          <dt>MovieLens community</dt>
          <dd>
            <Stars score={community.average} /> <strong>{community.average.toFixed(1)}</strong> average from{' '}
            {plural(community.count, 'rating')}
          </dd>
        </div>
      )}
    </dl>
  );
}

function MovieDetails({ movie }: { movie: Movie }) {
  useTitle(movieTitle(movie));
  const loadSummary = useCallback(
    async (signal: AbortSignal) => {
      const summary = await api.summary(movie.id, signal);
      // The summary has my score but not my review: find it, so that changing the score keeps it.
      if (summary.myScore !== null && summary.myScore !== undefined && summary.myReview === undefined) {
        try {
          summary.myReview = (await api.myRating(movie.id, signal))?.review ?? null;
        } catch {
          summary.myReview = null;
        }
      }
      return summary;
    },
    [movie.id],
  );
  const summary = useApi(loadSummary);
  // A logged viewing can change my rating: the rating form starts again from the reloaded summary.
  const [logged, setLogged] = useState(0);
  const imdb = imdbUrl(movie);
  const genres = genreList(movie);

  return (
    <div className="page movie-page">
      <div className="movie-hero">
        <Poster movie={movie} className="poster-large" />
        <div className="movie-hero-text">
          <h1>{movieTitle(movie)}</h1>
          <p className="movie-meta">
            {movie.year ?? 'Year unknown'}
            {genres && <> · {genres}</>}
          </p>
          {summary.data && <ScoreSources summary={summary.data} />}
          <WatchlistButton movieId={movie.id} />
          <div className="movie-actions">
            <RecommendToFriend movieId={movie.id} title={movieTitle(movie)} />
            <AddToList movieId={movie.id} title={movieTitle(movie)} />
          </div>
          {imdb && (
            <p className="external-link">
              <a href={imdb} rel="noopener noreferrer" target="_blank">
                View on IMDb{' '}<span className="sr-only">(opens in a new tab)</span>
              </a>
            </p>
          )}
        </div>
      </div>

      {summary.loading && !summary.data && <Loading label="Loading ratings…" />}
      <ErrorMessage error={summary.error} onRetry={summary.reload} />
      {summary.data && (
        <>
          <DegradedNotice services={summary.data.degraded} />
          <div className="movie-columns">
            <div className="panel">
              <RatingForm
                key={`${movie.id}-${logged}`}
                movieId={movie.id}
                summary={summary.data}
                onSaved={(myScore, myReview) => {
                  if (summary.data) summary.setData({ ...summary.data, myScore, myReview });
                  summary.reload();
                }}
              />
            </div>
            <FriendsScores summary={summary.data} />
          </div>
        </>
      )}
      <LogViewing
        movie={movie}
        onLogged={async () => {
          // The rating form starts again once the summary holds the rating the viewing may have changed.
          try {
            summary.setData(await loadSummary(new AbortController().signal));
            setLogged((n) => n + 1);
          } catch {
            summary.reload();
          }
        }}
      />
      <SimilarMovies movieId={movie.id} />
    </div>
  );
}

export function MoviePage() {
  const { id } = useParams();
  const movieId = Number(id);
  const load = useCallback((signal: AbortSignal) => api.movie(movieId, signal), [movieId]);
  const { data, error, loading, reload } = useApi(load);

  if (!Number.isInteger(movieId) || movieId <= 0 || (error instanceof ApiError && error.status === 404)) {
    return (
      <div className="page">
        <h1>Movie not found</h1>
        <p>
          We could not find that movie. <Link to="/movies">Browse the catalogue</Link>
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="page">
        <h1>Movie</h1>
        <ErrorMessage error={error} onRetry={reload} />
      </div>
    );
  }
  if (loading || !data) {
    return (
      <div className="page">
        <Loading label="Loading the movie…" />
      </div>
    );
  }
  return <MovieDetails movie={data} />;
}
