import { useCallback, useState, type DragEvent, type FormEvent } from 'react';
import { Link, useNavigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { social, type ListItem, type MovieList } from '../api/social';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { Poster } from '../components/Poster';
import { ListFields, type ListDetails } from '../components/ListFields';
import { visibilityLabel } from '../components/VisibilityChoice';
import { movieTitle, personName, plural } from '../format';
import { useSession } from '../session/session';

export const LIST_LIMIT = 1000;

function ShareLink({ list }: { list: MovieList }) {
  const [copied, setCopied] = useState(false);
  const url = `${window.location.origin}/lists/${list.id}`;
  async function copy() {
    try {
      await navigator.clipboard.writeText(url);
      setCopied(true);
    } catch {
      setCopied(false);
    }
  }
  return (
    <div className="share-link">
      <label htmlFor="share-url">Share link (opens without an account)</label>
      <div className="share-link-row">
        <input id="share-url" readOnly value={url} onFocus={(e) => e.target.select()} />
        <button type="button" className="button button-secondary" onClick={() => void copy()}>
          Copy link
        </button>
      </div>
      {copied && <Notice>The link is copied.</Notice>}
    </div>
  );
}

function ListSettings({ list, onSaved, onDeleted }: { list: MovieList; onSaved: (list: MovieList) => void; onDeleted: () => void }) {
  const [details, setDetails] = useState<ListDetails>({
    name: list.name,
    description: list.description ?? '',
    ranked: list.ranked,
    visibility: list.visibility,
  });
  const [confirming, setConfirming] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await social.updateList(list.id, {
        name: details.name.trim(),
        description: details.description.trim(),
        ranked: details.ranked,
        visibility: details.visibility,
      });
      onSaved({ ...saved, items: saved.items ?? list.items });
      setNotice('The list’s details are saved.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await social.deleteList(list.id);
      onDeleted();
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  return (
    <form className="panel" onSubmit={save} aria-labelledby="list-settings-title">
      <h2 id="list-settings-title">Details</h2>
      <ListFields value={details} onChange={setDetails} fieldError={fieldError} />
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          Save details
        </button>
        {confirming ? (
          <button type="button" className="button button-danger" onClick={() => void remove()} disabled={busy}>
            Yes, delete this list
          </button>
        ) : (
          <button type="button" className="button button-secondary" onClick={() => setConfirming(true)}>
            Delete list
          </button>
        )}
      </div>
    </form>
  );
}

/**
 * The owner's editor of the movies: each row moves up or down by button (keyboard and screen
 * readers) or by dragging; notes are edited in place; nothing is saved until "Save order and notes".
 */
function ItemsEditor({ list, onSaved }: { list: MovieList; onSaved: (list: MovieList) => void }) {
  const [items, setItems] = useState<ListItem[]>(list.items ?? []);
  const [dragged, setDragged] = useState<number | null>(null);
  const [announcement, setAnnouncement] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  function move(from: number, to: number) {
    if (to < 0 || to >= items.length || from === to) return;
    const next = [...items];
    const [item] = next.splice(from, 1);
    next.splice(to, 0, item);
    setItems(next);
    setNotice(null);
    setAnnouncement(`${movieTitle(item.movie)} moved to position ${to + 1} of ${next.length}.`);
  }

  function remove(index: number) {
    const item = items[index];
    setItems(items.filter((_, i) => i !== index));
    setNotice(null);
    setAnnouncement(`${movieTitle(item.movie)} removed from the list.`);
  }

  function setNote(index: number, note: string) {
    setItems(items.map((item, i) => (i === index ? { ...item, note } : item)));
  }

  async function save() {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const saved = await social.setListItems(
        list.id,
        items.map((i) => ({ movieId: i.movie.id, note: i.note?.trim() || null })),
      );
      onSaved(saved);
      setItems(saved.items ?? items);
      setNotice('The list is saved.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const onDrop = (index: number) => (event: DragEvent) => {
    event.preventDefault();
    if (dragged !== null) move(dragged, index);
    setDragged(null);
  };

  if (items.length === 0) {
    return (
      <EmptyState title="No movies yet">
        <p>
          Add movies from their pages (“Add to a list”). <Link to="/movies">Browse movies</Link>
        </p>
      </EmptyState>
    );
  }
  return (
    <section aria-labelledby="items-title">
      <h2 id="items-title">Movies ({plural(items.length, 'movie')})</h2>
      <p className="muted">Drag a row, or use its Move up and Move down buttons, then save.</p>
      <ol className="list-editor" aria-label="Movies in this list, in order">
        {items.map((item, index) => {
          const title = movieTitle(item.movie);
          return (
            <li
              key={item.movie.id}
              className={`list-editor-row ${dragged === index ? 'is-dragged' : ''}`}
              draggable
              onDragStart={() => setDragged(index)}
              onDragOver={(event) => event.preventDefault()}
              onDrop={onDrop(index)}
              onDragEnd={() => setDragged(null)}
            >
              <span className="list-position" aria-hidden="true">
                {index + 1}
              </span>
              <Poster movie={item.movie} className="poster-thumb" />
              <div className="list-editor-body">
                <Link to={`/movies/${item.movie.id}`}>{title}</Link>
                <label className="sr-only" htmlFor={`note-${item.movie.id}`}>
                  Note on {title}
                </label>
                <input
                  id={`note-${item.movie.id}`}
                  className="list-note-input"
                  placeholder="Note (optional)"
                  maxLength={1000}
                  value={item.note ?? ''}
                  onChange={(e) => setNote(index, e.target.value)}
                />
              </div>
              <div className="list-editor-buttons">
                <button type="button" className="button button-small button-secondary" aria-label={`Move up: ${title}`} onClick={() => move(index, index - 1)} disabled={index === 0}>
                  Move up
                </button>
                <button
                  type="button"
                  className="button button-small button-secondary"
                  aria-label={`Move down: ${title}`}
                  onClick={() => move(index, index + 1)}
                  disabled={index === items.length - 1}
                >
                  Move down
                </button>
                <button type="button" className="button-link" aria-label={`Remove ${title}`} onClick={() => remove(index)}>
                  Remove
                </button>
              </div>
            </li>
          );
        })}
      </ol>
      <p className="sr-only" role="status" aria-live="polite">
        {announcement}
      </p>
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      <button type="button" className="button button-primary" onClick={() => void save()} disabled={busy}>
        {busy ? 'Saving…' : 'Save order and notes'}
      </button>
    </section>
  );
}

function ListView({ list }: { list: MovieList }) {
  const items = list.items ?? [];
  if (items.length === 0) return <p className="muted">This list has no movies yet.</p>;
  const Tag = list.ranked ? 'ol' : 'ul';
  return (
    <Tag className="list-view" aria-label="Movies in this list">
      {items.map((item) => (
        <li key={item.movie.id} className="list-view-item">
          {list.ranked && (
            <span className="list-position" aria-hidden="true">
              {item.position}
            </span>
          )}
          <Poster movie={item.movie} className="poster-thumb" />
          <div>
            <Link to={`/movies/${item.movie.id}`}>{movieTitle(item.movie)}</Link>
            {item.movie.year ? <span className="muted"> {item.movie.year}</span> : null}
            {item.note && <p className="list-note">{item.note}</p>}
          </div>
        </li>
      ))}
    </Tag>
  );
}

export function ListPage() {
  const { id } = useParams();
  const listId = Number(id);
  const { user } = useSession();
  const navigate = useNavigate();
  const load = useCallback((signal: AbortSignal) => social.list(listId, signal), [listId]);
  const { data, error, loading, reload, setData } = useApi(load);
  useTitle(data?.name ?? 'List');

  if (!Number.isInteger(listId) || listId <= 0 || (error instanceof ApiError && [401, 403, 404].includes(error.status))) {
    return (
      <div className="page">
        <h1>List not found</h1>
        <p>
          This list does not exist, or its owner shares it only with some people.{' '}
          {user ? <Link to="/lists">Your lists</Link> : <Link to="/signin">Sign in</Link>}
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="page">
        <h1>List</h1>
        <ErrorMessage error={error} onRetry={reload} />
      </div>
    );
  }
  if (loading && !data) {
    return (
      <div className="page">
        <Loading label="Loading the list…" />
      </div>
    );
  }
  if (!data) return null;
  const mine = user?.id === data.owner.id;
  return (
    <div className="page">
      <header className="page-header">
        <h1>{data.name}</h1>
        <p className="page-lede">
          A {data.ranked ? 'ranked ' : ''}list by{' '}
          {mine ? 'you' : user ? <Link to={`/members/${data.owner.id}`}>{personName(data.owner)}</Link> : personName(data.owner)} ·{' '}
          {visibilityLabel(data.visibility)}
        </p>
        {data.description && <p className="list-description">{data.description}</p>}
      </header>
      {data.visibility === 'PUBLIC' && <ShareLink list={data} />}
      {mine ? (
        <div className="list-owner-columns">
          <ItemsEditor key={data.id} list={data} onSaved={(saved) => setData(saved)} />
          <ListSettings list={data} onSaved={(saved) => setData(saved)} onDeleted={() => navigate('/lists')} />
        </div>
      ) : (
        <ListView list={data} />
      )}
      {mine && items(data) >= LIST_LIMIT && <p className="muted">A list holds at most {LIST_LIMIT.toLocaleString('en')} movies.</p>}
    </div>
  );
}

function items(list: MovieList): number {
  return list.items?.length ?? 0;
}
