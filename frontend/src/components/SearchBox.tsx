import { useEffect, useId, useRef, useState, type FormEvent, type KeyboardEvent } from 'react';
import { useNavigate } from 'react-router';
import { api } from '../api/endpoints';
import type { Movie } from '../api/types';
import { movieTitle } from '../format';

/** Time after the last keystroke before suggestions are asked for. */
export const SUGGEST_DELAY_MS = 250;
const MIN_LENGTH = 2;
const SUGGESTIONS = 8;

type Suggestions = { query: string; movies: Movie[] } | null;

/**
 * The header's movie search: a combobox (WAI-ARIA 1.2, list autocomplete) that suggests titles
 * as one types. Arrow keys move through the suggestions, Enter opens the one chosen or, with none
 * chosen, the catalogue filtered by the words typed; Escape closes the list, then clears the box.
 */
export function SearchBox() {
  const id = useId();
  const listId = `${id}-list`;
  const navigate = useNavigate();
  const [text, setText] = useState('');
  const [suggestions, setSuggestions] = useState<Suggestions>(null);
  const [open, setOpen] = useState(false);
  const [active, setActive] = useState(-1);
  const input = useRef<HTMLInputElement>(null);
  const query = text.trim();

  useEffect(() => {
    if (query.length < MIN_LENGTH) return;
    const controller = new AbortController();
    const timer = setTimeout(() => {
      api
        .movies({ q: query, size: SUGGESTIONS }, controller.signal)
        .then((page) => {
          setSuggestions({ query, movies: page.items });
          setActive(-1);
        })
        .catch(() => {
          // Suggestions are a convenience: Enter still searches the catalogue.
          if (!controller.signal.aborted) setSuggestions({ query, movies: [] });
        });
    }, SUGGEST_DELAY_MS);
    return () => {
      clearTimeout(timer);
      controller.abort();
    };
  }, [query]);

  // Only what belongs to the words in the box is shown: nothing stale while the next answer comes.
  const movies = suggestions && suggestions.query === query && query.length >= MIN_LENGTH ? suggestions.movies : [];
  const expanded = open && movies.length > 0;

  function close() {
    setOpen(false);
    setActive(-1);
  }

  function go(path: string) {
    close();
    setText('');
    input.current?.blur();
    navigate(path);
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    if (expanded && active >= 0) go(`/movies/${movies[active].id}`);
    else if (query) go(`/movies?q=${encodeURIComponent(query)}`);
  }

  function onKeyDown(event: KeyboardEvent<HTMLInputElement>) {
    if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      if (movies.length === 0) return;
      event.preventDefault();
      setOpen(true);
      const step = event.key === 'ArrowDown' ? 1 : -1;
      // Through the suggestions and back to the words typed (-1), round and round.
      const positions = movies.length + 1;
      setActive((current) => (expanded ? ((current + 1 + step + positions) % positions) - 1 : step > 0 ? 0 : movies.length - 1));
    } else if (event.key === 'Escape') {
      if (expanded) close();
      else setText('');
    }
  }

  return (
    <form role="search" className="header-search" onSubmit={submit} aria-label="Quick movie search">
      <label htmlFor={id} className="sr-only">
        Search movies
      </label>
      <input
        ref={input}
        id={id}
        type="search"
        role="combobox"
        aria-expanded={expanded}
        aria-controls={listId}
        aria-autocomplete="list"
        aria-activedescendant={expanded && active >= 0 ? `${listId}-${active}` : undefined}
        autoComplete="off"
        placeholder="Search movies"
        value={text}
        onChange={(event) => {
          setText(event.target.value);
          setOpen(true);
          setActive(-1);
        }}
        onFocus={() => setOpen(true)}
        onBlur={close}
        onKeyDown={onKeyDown}
      />
      <ul id={listId} role="listbox" aria-label="Suggested movies" className="header-search-list" hidden={!expanded}>
        {expanded &&
          movies.map((movie, index) => (
            <li
              key={movie.id}
              id={`${listId}-${index}`}
              role="option"
              aria-selected={index === active}
              className={index === active ? 'is-active' : undefined}
              // Before the input's blur closes the list.
              onMouseDown={(event) => event.preventDefault()}
              onClick={() => go(`/movies/${movie.id}`)}
            >
              <span className="header-search-title">{movieTitle(movie)}</span>
              {movie.year ? <span className="header-search-year"> {movie.year}</span> : null}
            </li>
          ))}
      </ul>
      <p className="sr-only" role="status" aria-live="polite">
        {expanded ? `${movies.length} suggestion${movies.length === 1 ? '' : 's'}; use the arrow keys to choose` : ''}
      </p>
    </form>
  );
}
