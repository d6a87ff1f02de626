import { useCallback, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { AccountSession } from '../api/types';
import { useApi } from '../api/useApi';
import { formatDate, relativeTime } from '../format';
import { ErrorMessage, Loading, Notice } from './Feedback';
import { Field } from './Field';

function deviceName(session: AccountSession): string {
  return session.userAgent.trim() || 'Unknown device';
}

/** My sessions: where I am signed in, with a way to sign any other one out. */
export function Sessions() {
  const load = useCallback((signal: AbortSignal) => api.sessions(signal), []);
  const { data, error, loading, reload } = useApi(load);
  const [actionError, setActionError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function act(action: () => Promise<void>, done: string) {
    setBusy(true);
    setActionError(null);
    setNotice(null);
    try {
      await action();
      setNotice(done);
      reload();
    } catch (e) {
      setActionError(e);
    } finally {
      setBusy(false);
    }
  }

  const sessions = data?.items ?? [];
  const others = sessions.filter((s) => !s.current);
  return (
    <section className="panel" aria-labelledby="sessions-title">
      <h2 id="sessions-title">Where you are signed in</h2>
      {loading && !data && <Loading label="Loading your sessions…" />}
      <ErrorMessage error={error ?? actionError} onRetry={error ? reload : undefined} />
      {notice && <Notice>{notice}</Notice>}
      <ul className="session-list" aria-label="Your sessions">
        {sessions.map((session) => (
          <li key={session.id}>
            <strong>{deviceName(session)}</strong>
            {session.current && <> (this device)</>}
            <br />
            <small>
              Signed in {formatDate(session.createdAt)} · last active {relativeTime(session.lastUsedAt)}
            </small>
            {!session.current && (
              <button
                type="button"
                className="button"
                disabled={busy}
                aria-label={`Sign out ${deviceName(session)}`}
                onClick={() => act(() => api.endSession(session.id), `${deviceName(session)} is signed out.`)}
              >
                Sign out
              </button>
            )}
          </li>
        ))}
      </ul>
      {others.length > 0 && (
        <button
          type="button"
          className="button"
          disabled={busy}
          onClick={() => act(() => api.endOtherSessions(), 'Every other session is signed out.')}
        >
          Sign out everywhere else
        </button>
      )}
    </section>
  );
}

/** Changing my password: the current one is needed, and every other session ends. */
export function ChangePassword() {
  const [currentPassword, setCurrentPassword] = useState('');
  const [newPassword, setNewPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [notice, setNotice] = useState<string | null>(null);
  const [busy, setBusy] = useState(false);

  async function change(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    setNotice(null);
    try {
      await api.changePassword(currentPassword, newPassword);
      setCurrentPassword('');
      setNewPassword('');
      setNotice('Your password is changed. Every other session has been signed out.');
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const wrongCurrent = error instanceof ApiError && error.status === 403 ? 'That is not your current password.' : undefined;
  return (
    <form onSubmit={change} className="panel" aria-labelledby="password-title">
      <h2 id="password-title">Change your password</h2>
      <Field
        label="Current password"
        name="currentPassword"
        type="password"
        autoComplete="current-password"
        value={currentPassword}
        onChange={(e) => setCurrentPassword(e.target.value)}
        error={wrongCurrent ?? fieldError('currentPassword')}
        required
      />
      <Field
        label="New password"
        name="newPassword"
        type="password"
        autoComplete="new-password"
        value={newPassword}
        minLength={10}
        maxLength={128}
        onChange={(e) => setNewPassword(e.target.value)}
        error={fieldError('password') ?? fieldError('newPassword')}
        hint="At least 10 characters, and not a common password."
        required
      />
      <ErrorMessage error={error && !wrongCurrent && !fieldError('password') && !fieldError('newPassword') ? error : null} />
      {notice && <Notice>{notice}</Notice>}
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Changing…' : 'Change password'}
      </button>
    </form>
  );
}
