import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { FriendRequest, PublicProfile } from '../api/types';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { personName } from '../format';
import { useSession } from '../session/session';

function Person({ user }: { user: PublicProfile }) {
  return (
    <span className="person">
      <Link to={`/members/${user.id}`} className="person-name">
        {personName(user)}
      </Link>
      <span className="person-username">@{user.username}</span>
    </span>
  );
}

export function FriendsPage() {
  useTitle('Friends');
  const { user: me } = useSession();
  const loadFriends = useCallback((signal: AbortSignal) => api.friends(signal), []);
  const loadIncoming = useCallback((signal: AbortSignal) => api.friendRequests('incoming', signal), []);
  const loadOutgoing = useCallback((signal: AbortSignal) => api.friendRequests('outgoing', signal), []);
  const friends = useApi(loadFriends);
  const incoming = useApi(loadIncoming);
  const outgoing = useApi(loadOutgoing);

  const [query, setQuery] = useState('');
  const [searched, setSearched] = useState<string | null>(null);
  const [results, setResults] = useState<PublicProfile[] | null>(null);
  const [searchError, setSearchError] = useState<unknown>(null);
  const [searching, setSearching] = useState(false);

  const [notice, setNotice] = useState<string | null>(null);
  const [actionError, setActionError] = useState<unknown>(null);
  const [busy, setBusy] = useState<string | null>(null);
  const [confirming, setConfirming] = useState<number | null>(null);

  async function search(event: FormEvent) {
    event.preventDefault();
    const q = query.trim();
    if (!q) {
      setSearchError(new ApiError(400, 'Type a name or username to search for.'));
      return;
    }
    setSearching(true);
    setSearchError(null);
    try {
      const answer = await api.searchUsers(q);
      setResults(answer.items);
      setSearched(q);
    } catch (e) {
      setSearchError(e);
    } finally {
      setSearching(false);
    }
  }

  async function act<T>(key: string, action: () => Promise<T>, done: string | ((result: T) => string)) {
    setBusy(key);
    setActionError(null);
    setNotice(null);
    try {
      const result = await action();
      setNotice(typeof done === 'string' ? done : done(result));
      friends.reload();
      incoming.reload();
      outgoing.reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(null);
      setConfirming(null);
    }
  }

  const friendIds = new Set((friends.data?.items ?? []).map((f) => f.id));
  const outgoingTo = new Map((outgoing.data?.items ?? []).map((r) => [r.toUser.id, r] as const));
  const incomingFrom = new Map((incoming.data?.items ?? []).map((r) => [r.fromUser.id, r] as const));

  function resultAction(person: PublicProfile) {
    const name = personName(person);
    if (me && person.id === me.id) return <span className="tag">That’s you</span>;
    if (friendIds.has(person.id)) return <span className="tag tag-good">Friends</span>;
    const sent = outgoingTo.get(person.id);
    if (sent) return <span className="tag">Request sent</span>;
    const received = incomingFrom.get(person.id);
    if (received) {
      return (
        <button
          type="button"
          className="button button-small button-primary"
          disabled={busy !== null}
          onClick={() => act(`accept-${received.id}`, () => api.acceptFriendRequest(received.id), `You and ${name} are now friends.`)}
        >
          Accept{' '}<span className="sr-only">{name}’s request</span>
        </button>
      );
    }
    return (
      <button
        type="button"
        className="button button-small button-primary"
        disabled={busy !== null}
        onClick={() =>
          act(
            `add-${person.id}`,
            () => api.sendFriendRequest(person.id),
            (request) =>
              request?.status === 'ACCEPTED' ? `You and ${name} are now friends.` : `Friend request sent to ${name}.`,
          )
        }
      >
        Add friend{' '}<span className="sr-only">{name}</span>
      </button>
    );
  }

  function requestList(
    state: { data?: { items: FriendRequest[] }; error: unknown; loading: boolean; reload: () => void },
    direction: 'incoming' | 'outgoing',
  ) {
    if (state.loading && !state.data) return <Loading label="Loading requests…" />;
    if (state.error) return <ErrorMessage error={state.error} onRetry={state.reload} />;
    const items = state.data?.items ?? [];
    if (items.length === 0) {
      return (
        <p className="muted">
          {direction === 'incoming' ? 'No one is waiting for your answer.' : 'You have no requests waiting for an answer.'}
        </p>
      );
    }
    return (
      <ul className="people-list" aria-label={direction === 'incoming' ? 'Requests to you' : 'Requests you sent'}>
        {items.map((r) => {
          const other = direction === 'incoming' ? r.fromUser : r.toUser;
          const name = personName(other);
          return (
            <li key={r.id} className="people-item">
              <Person user={other} />
              <div className="button-row">
                {direction === 'incoming' ? (
                  <>
                    <button
                      type="button"
                      className="button button-small button-primary"
                      disabled={busy !== null}
                      onClick={() => act(`accept-${r.id}`, () => api.acceptFriendRequest(r.id), `You and ${name} are now friends.`)}
                    >
                      Accept{' '}<span className="sr-only">{name}’s request</span>
                    </button>
                    <button
                      type="button"
                      className="button button-small button-secondary"
                      disabled={busy !== null}
                      onClick={() => act(`decline-${r.id}`, () => api.declineFriendRequest(r.id), `Declined ${name}’s request.`)}
                    >
                      Decline{' '}<span className="sr-only">{name}’s request</span>
                    </button>
                  </>
                ) : (
                  <button
                    type="button"
                    className="button button-small button-secondary"
                    disabled={busy !== null}
                    onClick={() => act(`cancel-${r.id}`, () => api.cancelFriendRequest(r.id), `Cancelled your request to ${name}.`)}
                  >
                    Cancel{' '}<span className="sr-only">your request to {name}</span>
                  </button>
                )}
              </div>
            </li>
          );
        })}
      </ul>
    );
  }

  const incomingCount = incoming.data?.items.length ?? 0;
  return (
    <div className="page">
      <header className="page-header">
        <h1>Friends</h1>
        <p className="page-lede">Find people you know, answer requests, and see who you follow.</p>
      </header>
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={actionError} />

      <div className="friends-columns">
        <section aria-labelledby="find-title" className="panel">
          <h2 id="find-title">Find people</h2>
          <form className="inline-search" role="search" aria-label="People" onSubmit={search}>
            <div className="field">
              <label htmlFor="people-q">Name or username</label>
              <input id="people-q" type="search" value={query} onChange={(e) => setQuery(e.target.value)} maxLength={50} />
            </div>
            <button type="submit" className="button button-primary" disabled={searching}>
              {searching ? 'Searching…' : 'Search'}
            </button>
          </form>
          <ErrorMessage error={searchError} />
          {results && (
            <div aria-live="polite">
              {results.length === 0 ? (
                <p className="muted">No one matches “{searched}”.</p>
              ) : (
                <ul className="people-list" aria-label="People found">
                  {results.map((person) => (
                    <li key={person.id} className="people-item">
                      <Person user={person} />
                      {resultAction(person)}
                    </li>
                  ))}
                </ul>
              )}
            </div>
          )}
        </section>

        <section aria-labelledby="incoming-title" className="panel">
          <h2 id="incoming-title">
            Requests to you
            {incomingCount > 0 && (
              <>
                {' '}
                <span className="badge">
                  {incomingCount}
                  <span className="sr-only"> waiting</span>
                </span>
              </>
            )}
          </h2>
          {requestList(incoming, 'incoming')}
          <h2 id="outgoing-title" className="panel-subtitle">
            Requests you sent
          </h2>
          {requestList(outgoing, 'outgoing')}
        </section>
      </div>

      <section aria-labelledby="friends-title" className="panel">
        <h2 id="friends-title">Your friends</h2>
        {friends.loading && !friends.data && <Loading label="Loading your friends…" />}
        <ErrorMessage error={friends.error} onRetry={friends.reload} />
        {friends.data &&
          (friends.data.items.length === 0 ? (
            <EmptyState title="No friends yet">
              <p>Search for people you know above and send them a request.</p>
            </EmptyState>
          ) : (
            <ul className="people-list" aria-label="Your friends">
              {friends.data.items.map((friend) => {
                const name = personName(friend);
                return (
                  <li key={friend.id} className="people-item">
                    <Person user={friend} />
                    {confirming === friend.id ? (
                      <div className="button-row confirm-row" role="group" aria-label={`Unfriend ${name}?`}>
                        <span>Unfriend {name}?</span>
                        <button
                          type="button"
                          className="button button-small button-danger"
                          disabled={busy !== null}
                          onClick={() => act(`unfriend-${friend.id}`, () => api.unfriend(friend.id), `You and ${name} are no longer friends.`)}
                        >
                          Yes, unfriend
                        </button>
                        <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(null)}>
                          Keep
                        </button>
                      </div>
                    ) : (
                      <button type="button" className="button button-small button-ghost-dark" onClick={() => setConfirming(friend.id)}>
                        Unfriend{' '}<span className="sr-only">{name}</span>
                      </button>
                    )}
                  </li>
                );
              })}
            </ul>
          ))}
      </section>
    </div>
  );
}
