import { useCallback, useState } from 'react';
import { Link, Navigate, useParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { PublicProfile } from '../api/types';
import { useApi } from '../api/useApi';
import { ActivityFeed, Avatar } from '../components/Activity';
import { ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { MemberShelves } from '../components/MemberShelves';
import { personName } from '../format';
import { useSession } from '../session/session';

interface Relation {
  friend: boolean;
  sentId?: number;
  receivedId?: number;
}

function FriendAction({ person }: { person: PublicProfile }) {
  const load = useCallback(async (signal: AbortSignal): Promise<Relation> => {
    const [friends, incoming, outgoing] = await Promise.all([
      api.friends(signal),
      api.friendRequests('incoming', signal),
      api.friendRequests('outgoing', signal),
    ]);
    return {
      friend: friends.items.some((f) => f.id === person.id),
      sentId: outgoing.items.find((r) => r.toUser.id === person.id)?.id,
      receivedId: incoming.items.find((r) => r.fromUser.id === person.id)?.id,
    };
  }, [person.id]);
  const relation = useApi(load);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const name = personName(person);

  async function act(action: () => Promise<unknown>, done: string) {
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      relation.reload();
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  if (relation.loading && !relation.data) return null;
  if (relation.error) return <ErrorMessage error={relation.error} onRetry={relation.reload} />;
  const r = relation.data;
  if (!r) return null;
  return (
    <div className="member-actions">
      {r.friend ? (
        <span className="tag tag-good">Friends</span>
      ) : r.receivedId ? (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => act(() => api.acceptFriendRequest(r.receivedId!), `You and ${name} are now friends.`)}>
          Accept friend request
        </button>
      ) : r.sentId ? (
        <span className="tag">Friend request sent</span>
      ) : (
        <button type="button" className="button button-primary" disabled={busy} onClick={() => act(() => api.sendFriendRequest(person.id), `Friend request sent to ${name}.`)}>
          Add friend
        </button>
      )}
      {notice && <Notice>{notice}</Notice>}
      <ErrorMessage error={error} />
    </div>
  );
}

function MemberProfile({ person }: { person: PublicProfile }) {
  const name = personName(person);
  useTitle(name);
  const loadActivity = useCallback(
    (before: string | null, signal?: AbortSignal) => api.userActivity(person.id, before, signal),
    [person.id],
  );
  return (
    <div className="page">
      <header className="page-header profile-header">
        <Avatar name={name} large />
        <div>
          <h1>{name}</h1>
          <p className="page-lede">@{person.username}</p>
          {person.bio && <p className="bio">{person.bio}</p>}
          <FriendAction person={person} />
        </div>
      </header>
      <MemberShelves userId={person.id} name={name} />
      <section aria-labelledby="member-activity-title" className="panel">
        <h2 id="member-activity-title">{name}’s activity</h2>
        <ActivityFeed
          key={person.id}
          load={loadActivity}
          label={`${name}’s activity`}
          emptyTitle={`${name} has not done anything yet`}
          forbidden={`You can see ${name}’s activity once you are friends.`}
        />
      </section>
    </div>
  );
}

export function MemberPage() {
  const { id } = useParams();
  const userId = Number(id);
  const { user } = useSession();
  const load = useCallback((signal: AbortSignal) => api.user(userId, signal), [userId]);
  const { data, error, loading, reload } = useApi(load);

  if (user && userId === user.id) return <Navigate to="/profile" replace />;
  if (!Number.isInteger(userId) || userId <= 0 || (error instanceof ApiError && error.status === 404)) {
    return (
      <div className="page">
        <h1>Member not found</h1>
        <p>
          There is no member here; they may have deleted their account. <Link to="/friends">Find people</Link>
        </p>
      </div>
    );
  }
  if (error) {
    return (
      <div className="page">
        <h1>Member</h1>
        <ErrorMessage error={error} onRetry={reload} />
      </div>
    );
  }
  if (loading || !data) {
    return (
      <div className="page">
        <Loading label="Loading their profile…" />
      </div>
    );
  }
  return <MemberProfile person={data} />;
}
