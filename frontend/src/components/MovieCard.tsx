import type { ReactNode } from 'react';
import { Link } from 'react-router';
import type { Movie } from '../api/types';
import { movieTitle } from '../format';
import { Poster } from './Poster';

interface MovieCardProps {
  movie: Movie;
  headingLevel?: 2 | 3;
  /** Extra content (reasons, a score, a button) below the title. */
  children?: ReactNode;
}

export function genreList(movie: Movie): string {
  return (movie.genres ?? []).filter((g) => g !== '(no genres listed)').join(', ');
}

/** A poster with the title as the one link; the whole card is clickable through that link. */
export function MovieCard({ movie, headingLevel = 3, children }: MovieCardProps) {
  const Heading = headingLevel === 2 ? 'h2' : 'h3';
  const genres = genreList(movie);
  return (
    <article className="movie-card">
      <Poster movie={movie} />
      <div className="movie-card-body">
        <Heading className="movie-card-title">
          <Link to={`/movies/${movie.id}`} className="stretched-link">
            {movieTitle(movie)}
          </Link>
        </Heading>
        <p className="movie-card-meta">
          {movie.year ?? 'Year unknown'}
          {genres && <span className="movie-card-genres"> · {genres}</span>}
        </p>
        {children && <div className="movie-card-extra">{children}</div>}
      </div>
    </article>
  );
}

export function MovieGrid({ children, label }: { children: ReactNode; label?: string }) {
  return (
    <div className="movie-grid" role="list" aria-label={label}>
      {children}
    </div>
  );
}

export function MovieGridItem({ children }: { children: ReactNode }) {
  return (
    <div role="listitem" className="movie-grid-item">
      {children}
    </div>
  );
}
