import { useState, type ChangeEvent, type FormEvent } from 'react';
import { Link, Navigate, useNavigate } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import { ErrorMessage } from '../components/Feedback';
import { Field } from '../components/Field';
import { useTitle } from '../components/Layout';
import { useSession } from '../session/session';

export function SignUpPage() {
  useTitle('Create an account');
  const { user, signedIn } = useSession();
  const navigate = useNavigate();
  const [form, setForm] = useState({ username: '', email: '', password: '', displayName: '' });
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  if (user && !busy) return <Navigate to="/" replace />;

  const set = (name: keyof typeof form) => (e: ChangeEvent<HTMLInputElement>) =>
    setForm((f) => ({ ...f, [name]: e.target.value }));

  async function submit(event: FormEvent) {
    event.preventDefault();
    setBusy(true);
    setError(null);
    try {
      const displayName = form.displayName.trim();
      const me = await api.register({
        username: form.username.trim(),
        email: form.email.trim(),
        password: form.password,
        ...(displayName ? { displayName } : {}),
      });
      signedIn(me);
      navigate('/', { replace: true });
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  const fieldError = (name: string) => (error instanceof ApiError ? error.fieldError(name) : undefined);

  return (
    <div className="auth-page">
      <section className="auth-card" aria-labelledby="signup-title">
        <h1 id="signup-title">Create your account</h1>
        <p className="auth-lede">Rate movies, follow your friends and get recommendations you can trust.</p>
        <ErrorMessage error={error} />
        <form onSubmit={submit} noValidate>
          <Field
            label="Username"
            name="username"
            autoComplete="username"
            hint="3–30 characters: letters, digits, _ . -"
            value={form.username}
            onChange={set('username')}
            error={fieldError('username')}
            required
          />
          <Field
            label="Display name (optional)"
            name="displayName"
            autoComplete="name"
            value={form.displayName}
            onChange={set('displayName')}
            error={fieldError('displayName')}
          />
          <Field
            label="Email"
            name="email"
            type="email"
            autoComplete="email"
            value={form.email}
            onChange={set('email')}
            error={fieldError('email')}
            required
          />
          <Field
            label="Password"
            name="password"
            type="password"
            autoComplete="new-password"
            hint="At least 10 characters, not your username and not a common password."
            value={form.password}
            onChange={set('password')}
            error={fieldError('password')}
            required
          />
          <button type="submit" className="button button-primary button-block" disabled={busy}>
            {busy ? 'Creating your account…' : 'Create account'}
          </button>
        </form>
        <p className="auth-switch">
          Already a member? <Link to="/signin">Sign in</Link>
        </p>
      </section>
    </div>
  );
}
