import { useCallback, useState, type FormEvent } from 'react';
import { Link } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { Me } from '../api/types';
import { ChangePassword, Sessions } from '../components/AccountSecurity';
import { ActivityFeed, Avatar } from '../components/Activity';
import { ErrorMessage, Notice } from '../components/Feedback';
import { Field, TextAreaField } from '../components/Field';
import { useTitle } from '../components/Layout';
import { VisibilityChoice } from '../components/VisibilityChoice';
import type { Visibility } from '../api/social';
import { formatDate, personName } from '../format';
import { useSession } from '../session/session';

function EditProfile({ me, onSaved }: { me: Me; onSaved: (me: Me) => void }) {
  const [displayName, setDisplayName] = useState(me.displayName ?? '');
  const [bio, setBio] = useState(me.bio ?? '');
  const [visibility, setVisibility] = useState<Visibility>(me.visibility ?? 'FRIENDS');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function save(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      const name = displayName.trim();
      const updated = await api.updateMe({ ...(name ? { displayName: name } : {}), bio, visibility });
      onSaved(updated);
      setNotice('Your profile is saved.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  return (
    <form onSubmit={save} className="panel" aria-labelledby="edit-title">
      <h2 id="edit-title">Edit your profile</h2>
      <Field
        label="Display name"
        name="displayName"
        value={displayName}
        maxLength={50}
        onChange={(e) => setDisplayName(e.target.value)}
        error={fieldError('displayName')}
        hint="How friends see you. Up to 50 characters."
      />
      <TextAreaField
        label="About you"
        name="bio"
        value={bio}
        maxLength={500}
        rows={4}
        onChange={(e) => setBio(e.target.value)}
        error={fieldError('bio')}
        hint={`${bio.length} of 500 characters`}
      />
      <VisibilityChoice legend="Who sees your ratings, reviews, diary, lists and activity" value={visibility} onChange={setVisibility} />
      <ErrorMessage error={error && !fieldError('displayName') && !fieldError('bio') ? error : null} />
      {notice && <Notice>{notice}</Notice>}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Saving…' : 'Save profile'}
      </button>
    </form>
  );
}

/** The way in and the way out: an import from elsewhere, and everything here as one download. */
function YourHistory() {
  return (
    <section className="panel" aria-labelledby="history-title">
      <h2 id="history-title">Your history</h2>
      <p>
        Moving in? <Link to="/import">Bring your diary, ratings, reviews, watchlist, likes and lists</Link> from
        Letterboxd, IMDb or Trakt. Your <Link to="/stats">year in films</Link> shows what you watched.
      </p>
      <p>
        Your data is yours: the download holds everything you keep here as JSON, and your diary and lists as CSV files that
        Letterboxd can import.
      </p>
      <a className="button button-secondary" href="/api/preferences/export" download>
        Download all your data (ZIP)
      </a>
    </section>
  );
}

function DeleteAccount() {
  const { ended } = useSession();
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function remove(event: FormEvent) {
    event.preventDefault();
    if (!password) {
      setError(new ApiError(400, 'Enter your password to confirm.', { errors: [{ field: 'password', message: 'Enter your password to confirm.' }] }));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      await api.deleteMe(password);
      ended('Your account and everything in it has been deleted. Thank you for watching with us.');
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <form onSubmit={remove} className="panel panel-danger" aria-labelledby="delete-title">
      <h2 id="delete-title">Delete your account</h2>
      <p>
        This removes your account, your ratings, reviews, watchlist and friendships for good. It cannot be undone.
      </p>
      <Field
        label="Your password, to confirm"
        name="password"
        type="password"
        autoComplete="current-password"
        value={password}
        onChange={(e) => setPassword(e.target.value)}
        error={error instanceof ApiError ? error.fieldError('password') : undefined}
        required
      />
      <ErrorMessage error={error} />
      <button type="submit" className="button button-danger" disabled={busy}>
        {busy ? 'Deleting…' : 'Delete my account'}
      </button>
    </form>
  );
}

export function ProfilePage() {
  useTitle('Your profile');
  const { user, updated } = useSession();
  const myId = user?.id ?? 0;
  const loadActivity = useCallback(
    (before: string | null, signal?: AbortSignal) => api.userActivity(myId, before, signal),
    [myId],
  );
  if (!user) return null;

  return (
    <div className="page">
      <header className="page-header profile-header">
        <Avatar name={personName(user)} large />
        <div>
          <h1>{personName(user)}</h1>
          <p className="page-lede">
            @{user.username} · {user.email}
            {user.createdAt && <> · member since {formatDate(user.createdAt)}</>}
          </p>
          {user.bio && <p className="bio">{user.bio}</p>}
        </div>
      </header>
      <div className="profile-columns">
        <div className="profile-edit">
          <EditProfile me={user} onSaved={updated} />
        </div>
        <section aria-labelledby="my-activity-title" className="panel profile-activity">
          <h2 id="my-activity-title">Your activity</h2>
          <ActivityFeed
            load={loadActivity}
            label="Your activity"
            emptyTitle="Nothing here yet"
            empty={<p>Rate a movie and it shows up here.</p>}
          />
        </section>
        <div className="profile-security">
          <ChangePassword />
          <Sessions />
          <YourHistory />
        </div>
        <div className="profile-delete">
          <DeleteAccount />
        </div>
      </div>
    </div>
  );
}
