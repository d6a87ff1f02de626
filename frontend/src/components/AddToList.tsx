import { useCallback, useId, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { social } from '../api/social';
import { useApi } from '../api/useApi';
import { Disclosure } from './Disclosure';
import { ErrorMessage, Notice } from './Feedback';

/** "Add to a list": a disclosure with my lists; the movie goes to the end of the one chosen. */
export function AddToList({ movieId, title }: { movieId: number; title: string }) {
  return (
    <Disclosure label="Add to a list" className="add-to-list">
      <AddToListForm movieId={movieId} title={title} />
    </Disclosure>
  );
}

function AddToListForm({ movieId, title }: { movieId: number; title: string }) {
  const load = useCallback((signal: AbortSignal) => social.myLists(signal), []);
  const lists = useApi(load);
  const [listId, setListId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const noteId = useId();

  if (lists.loading && !lists.data) return <p className="muted">Loading your lists…</p>;
  if (lists.error) return <ErrorMessage error={lists.error} onRetry={lists.reload} />;
  const mine = lists.data?.items ?? [];
  if (mine.length === 0) {
    return (
      <p className="muted">
        You have no lists yet. <Link to="/lists">Make one</Link>
      </p>
    );
  }

  async function add(event: FormEvent) {
    event.preventDefault();
    const chosen = mine.find((l) => String(l.id) === listId);
    if (!chosen) {
      setError(new ApiError(400, 'Choose a list first.'));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const current = await social.list(chosen.id);
      const items = (current.items ?? []).map((i) => ({ movieId: i.movie.id, note: i.note }));
      if (items.some((i) => i.movieId === movieId)) {
        setNotice(`${title} is already in ${chosen.name}.`);
      } else {
        await social.setListItems(chosen.id, [...items, { movieId, note: note.trim() || null }]);
        setNotice(`Added ${title} to ${chosen.name}.`);
        setNote('');
      }
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="add-to-list-form" onSubmit={add}>
      <div className="field">
        <label htmlFor={selectId}>List</label>
        <select id={selectId} value={listId} onChange={(e) => setListId(e.target.value)}>
          <option value="">Choose a list</option>
          {mine.map((l) => (
            <option key={l.id} value={l.id}>
              {l.name}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>Note (optional)</label>
        <input id={noteId} value={note} maxLength={1000} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Adding…' : 'Add to list'}
      </button>
    </form>
  );
}
