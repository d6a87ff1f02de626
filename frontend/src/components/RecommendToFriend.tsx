import { useCallback, useId, useState, type FormEvent } from 'react';
import { api } from '../api/endpoints';
import { social } from '../api/social';
import { useApi } from '../api/useApi';
import { personName } from '../format';
import { Disclosure } from './Disclosure';
import { ErrorMessage, Notice } from './Feedback';

/** "Recommend to…": a disclosure with my friends to choose from and an optional note. */
export function RecommendToFriend({ movieId, title }: { movieId: number; title: string }) {
  return (
    <Disclosure label="Recommend to…" className="recommend-to-friend">
      <RecommendForm movieId={movieId} title={title} />
    </Disclosure>
  );
}

function RecommendForm({ movieId, title }: { movieId: number; title: string }) {
  const load = useCallback((signal: AbortSignal) => api.friends(signal), []);
  const friends = useApi(load);
  const [friendId, setFriendId] = useState('');
  const [note, setNote] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);
  const selectId = useId();
  const noteId = useId();

  if (friends.loading && !friends.data) return <p className="muted">Loading your friends…</p>;
  if (friends.error) return <ErrorMessage error={friends.error} onRetry={friends.reload} />;
  const list = friends.data?.items ?? [];
  if (list.length === 0) return <p className="muted">Add friends first: then you can recommend movies to them.</p>;

  async function send(event: FormEvent) {
    event.preventDefault();
    const chosen = list.find((f) => String(f.id) === friendId);
    if (!chosen) {
      setError(new Error('Choose a friend first.'));
      return;
    }
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await social.recommendToFriend(chosen.id, movieId, note);
      setNotice(`Recommended ${title} to ${personName(chosen)}.`);
      setNote('');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="recommend-form" onSubmit={send}>
      <div className="field">
        <label htmlFor={selectId}>Friend</label>
        <select id={selectId} value={friendId} onChange={(e) => setFriendId(e.target.value)}>
          <option value="">Choose a friend</option>
          {list.map((f) => (
            <option key={f.id} value={f.id}>
              {personName(f)}
            </option>
          ))}
        </select>
      </div>
      <div className="field">
        <label htmlFor={noteId}>Note (optional)</label>
        <input id={noteId} value={note} maxLength={500} onChange={(e) => setNote(e.target.value)} />
      </div>
      <ErrorMessage error={error} />
      {notice && <Notice>{notice}</Notice>}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Sending…' : 'Send recommendation'}
      </button>
    </form>
  );
}
