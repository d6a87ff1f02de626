import { useCallback, useState, type FormEvent } from 'react';
import { useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import type { Genre } from '../api/types';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { MovieCard, MovieGrid, MovieGridItem } from '../components/MovieCard';
import { Pager } from '../components/Pager';
import { plural } from '../format';

const PAGE_SIZE = 24;

const SORTS = [
  { value: '', label: 'Best match' },
  { value: 'popularity', label: 'Most rated' },
  { value: 'title', label: 'Title (A–Z)' },
  { value: '-year', label: 'Newest first' },
  { value: 'year', label: 'Oldest first' },
];

interface Filters {
  q: string;
  genre: string;
  yearFrom: string;
  yearTo: string;
  sort: string;
}

function readFilters(params: URLSearchParams): Filters {
  return {
    q: params.get('q') ?? '',
    genre: params.get('genre') ?? '',
    yearFrom: params.get('yearFrom') ?? '',
    yearTo: params.get('yearTo') ?? '',
    sort: params.get('sort') ?? '',
  };
}

interface FilterFormProps {
  initial: Filters;
  genres?: Genre[];
  onSearch: (filters: Filters) => void;
}

function FilterForm({ initial, genres, onSearch }: FilterFormProps) {
  const [filters, setFilters] = useState(initial);
  const set = (name: keyof Filters) => (e: { target: { value: string } }) =>
    setFilters((f) => ({ ...f, [name]: e.target.value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    onSearch(filters);
  }

  const thisYear = new Date().getFullYear();
  return (
    <form className="filters" role="search" aria-label="Filter the catalogue" onSubmit={submit}>
      <div className="field filters-q">
        <label htmlFor="filter-q">Title</label>
        <input id="filter-q" name="q" type="search" value={filters.q} onChange={set('q')} placeholder="e.g. Toy Story" />
      </div>
      <div className="field filters-genre">
        <label htmlFor="filter-genre">Genre</label>
        <select id="filter-genre" name="genre" value={filters.genre} onChange={set('genre')}>
          <option value="">Any genre</option>
          {(genres ?? []).map((g) => (
            <option key={g.name} value={g.name}>
              {g.name}
            </option>
          ))}
          {filters.genre && !genres?.some((g) => g.name === filters.genre) && (
            <option value={filters.genre}>{filters.genre}</option>
          )}
        </select>
      </div>
      <div className="field filters-from">
        <label htmlFor="filter-from">From year</label>
        <input id="filter-from" name="yearFrom" type="number" inputMode="numeric" min={1800} max={thisYear + 5} value={filters.yearFrom} onChange={set('yearFrom')} />
      </div>
      <div className="field filters-to">
        <label htmlFor="filter-to">To year</label>
        <input id="filter-to" name="yearTo" type="number" inputMode="numeric" min={1800} max={thisYear + 5} value={filters.yearTo} onChange={set('yearTo')} />
      </div>
      <div className="field filters-sort">
        <label htmlFor="filter-sort">Sort by</label>
        <select id="filter-sort" name="sort" value={filters.sort} onChange={set('sort')}>
          {SORTS.map((s) => (
            <option key={s.value} value={s.value}>
              {s.label}
            </option>
          ))}
        </select>
      </div>
      <div className="filters-actions">
        <button type="submit" className="button button-primary">
          Search
        </button>
      </div>
    </form>
  );
}

export function BrowsePage() {
  useTitle('Browse movies');
  const [params, setParams] = useSearchParams();
  const filters = readFilters(params);
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const key = params.toString();

  const load = useCallback(
    (signal: AbortSignal) => {
      const p = new URLSearchParams(key);
      return api.movies(
        {
          q: p.get('q') ?? undefined,
          genre: p.get('genre') ?? undefined,
          yearFrom: p.get('yearFrom') ?? undefined,
          yearTo: p.get('yearTo') ?? undefined,
          sort: p.get('sort') ?? undefined,
          page: Number(p.get('page') ?? '0') || 0,
          size: PAGE_SIZE,
        },
        signal,
      );
    },
    [key],
  );
  const { data, error, loading, reload } = useApi(load);
  const loadGenres = useCallback((signal: AbortSignal) => api.genres(signal), []);
  const genres = useApi(loadGenres);

  function search(next: Filters) {
    const p = new URLSearchParams();
    for (const [name, value] of Object.entries(next)) if (value.trim()) p.set(name, value.trim());
    setParams(p);
  }

  function goTo(nextPage: number) {
    const p = new URLSearchParams(params);
    if (nextPage > 0) p.set('page', String(nextPage));
    else p.delete('page');
    setParams(p);
  }

  const filtered = Boolean(filters.q || filters.genre || filters.yearFrom || filters.yearTo);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Browse movies</h1>
        <p className="page-lede">Search the catalogue by title, genre and year.</p>
      </header>
      <FilterForm
        key={JSON.stringify(filters)}
        initial={filters}
        genres={genres.data?.items}
        onSearch={search}
      />
      <section aria-labelledby="results-title" aria-busy={loading}>
        <h2 id="results-title" className="results-title">
          {data ? `${plural(data.total, 'movie')}${filtered ? ' found' : ''}` : 'Results'}
        </h2>
        {loading && !data && <Loading label="Searching…" />}
        <ErrorMessage error={error} onRetry={reload} />
        {data &&
          (data.items.length === 0 ? (
            <EmptyState title="No movies match">
              <p>Try fewer words, another genre or a wider range of years.</p>
            </EmptyState>
          ) : (
            <>
              <MovieGrid label="Search results">
                {data.items.map((movie) => (
                  <MovieGridItem key={movie.id}>
                    <MovieCard movie={movie} />
                  </MovieGridItem>
                ))}
              </MovieGrid>
              <Pager page={page} totalPages={totalPages} onPage={goTo} label="Search results pages" />
            </>
          ))}
      </section>
    </div>
  );
}
