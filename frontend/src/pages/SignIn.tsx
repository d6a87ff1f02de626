import { useState, type FormEvent } from 'react';
import { Link, Navigate, useNavigate, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { ErrorMessage, Notice } from '../components/Feedback';
import { Field } from '../components/Field';
import { useTitle } from '../components/Layout';
import { useSession } from '../session/session';

/** Only paths inside the app: never an open redirect. */
export function safeNext(next: string | null): string {
  return next && next.startsWith('/') && !next.startsWith('//') ? next : '/';
}

export function SignInPage() {
  useTitle('Sign in');
  const { user, signedIn, signInReason } = useSession();
  const [params] = useSearchParams();
  const navigate = useNavigate();
  const [login, setLogin] = useState('');
  const [password, setPassword] = useState('');
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);
  const [attempted, setAttempted] = useState(false);
  const next = safeNext(params.get('next'));

  if (user && !busy) return <Navigate to={next} replace />;

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setAttempted(true);
    setError(null);
    try {
      const answer = await api.login({ login: login.trim(), password });
      signedIn(answer.user);
      navigate(next, { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);
  const reason = attempted
    ? null
    : (signInReason ?? (params.get('expired') ? 'Your session has ended. Please sign in again.' : null));

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="signin-title">
        <h1 id="signin-title">Sign in</h1>
        <p className="auth-lede">Welcome back. See what your friends are watching.</p>
        {reason && <Notice>{reason}</Notice>}
        <ErrorMessage error={error} />
        <form onSubmit={submit} noValidate>
          <Field
            label="Username or email"
            name="login"
            autoComplete="username"
            value={login}
            onChange={(e) => setLogin(e.target.value)}
            error={fieldError('login')}
            required
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            error={fieldError('password')}
            required
          />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Signing in…' : 'Sign in'}
          </button>
        </form>
        <p className="auth-switch">
          New to Cinemates? <Link to="/signup">Create an account</Link>
        </p>
      </section>
    </div>
  );
}
