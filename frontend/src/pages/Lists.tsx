import { useCallback, useState, type FormEvent } from 'react';
import { Link, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { social } from '../api/social';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { ListFields, type ListDetails } from '../components/ListFields';
import { visibilityLabel } from '../components/VisibilityChoice';
import { formatDate } from '../format';

function NewList() {
  const navigate = useNavigate();
  const [details, setDetails] = useState<ListDetails>({ name: '', description: '', ranked: false, visibility: 'FRIENDS' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function create(event: FormEvent) {
    event.preventDefault();
    const name = details.name.trim();
    if (!name) {
      setError(new ApiError(400, 'Give the list a name.', { errors: [{ field: 'name', message: 'Give the list a name.' }] }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const list = await social.createList({
        name,
        description: details.description.trim() || undefined,
        ranked: details.ranked,
        visibility: details.visibility,
      });
      navigate(`/lists/${list.id}`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  return (
    <form className="panel" onSubmit={create} aria-labelledby="new-list-title">
      <h2 id="new-list-title">Make a list</h2>
      <ListFields value={details} onChange={setDetails} fieldError={fieldError} />
      <ErrorMessage error={error && !fieldError('name') ? error : null} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Creating…' : 'Create list'}
      </button>
    </form>
  );
}

export function ListsPage() {
  useTitle('Your lists');
  const load = useCallback((signal: AbortSignal) => social.myLists(signal), []);
  const { data, error, loading, reload } = useApi(load);
  return (
    <div className="page">
      <header className="page-header">
        <h1>Your lists</h1>
        <p className="page-lede">Rankings, marathons, favourites: share them with friends or with everyone.</p>
      </header>
      <div className="lists-columns">
        <section aria-labelledby="my-lists-title">
          <h2 id="my-lists-title">Lists</h2>
          {loading && !data && <Loading label="Loading your lists…" />}
          <ErrorMessage error={error} onRetry={reload} />
          {data &&
            (data.items.length === 0 ? (
              <EmptyState title="No lists yet">
                <p>Make your first list, then add movies from their pages.</p>
              </EmptyState>
            ) : (
              <ul className="list-summaries" aria-label="Your lists">
                {data.items.map((list) => (
                  <li key={list.id} className="list-summary">
                    <h3>
                      <Link to={`/lists/${list.id}`}>{list.name}</Link>
                    </h3>
                    <p className="muted">
                      {visibilityLabel(list.visibility)}
                      {list.ranked ? ' · ranked' : ''}
                      {list.movieCount !== undefined ? ` · ${list.movieCount} movies` : ''} · updated {formatDate(list.updatedAt)}
                    </p>
                    {list.description && <p>{list.description}</p>}
                  </li>
                ))}
              </ul>
            ))}
        </section>
        <NewList />
      </div>
    </div>
  );
}
