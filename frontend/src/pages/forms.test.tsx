import { screen, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { worldRoutes } from '../test/fixtures';
import { ME, renderApp, setCookie, stubFetch } from '../test/utils';

describe('forms', () => {
  it('sign-up shows each field’s error next to it, tied to the input', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      'POST /api/auth/register': {
        status: 400,
        body: {
          title: 'Bad Request',
          status: 400,
          detail: 'Some fields are not valid.',
          errors: [
            { field: 'username', message: 'must be 3-30 characters of a-z 0-9 _ . -' },
            { field: 'password', message: 'is too common' },
          ],
        },
      },
    });
    const user = userEvent.setup();
    renderApp('/signup', null);

    await user.type(screen.getByLabelText('Username'), 'x!');
    await user.type(screen.getByLabelText('Email'), 'x@example.org');
    await user.type(screen.getByLabelText('Password'), 'password123');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('alert')).toHaveTextContent('Some fields are not valid.');
    const username = screen.getByLabelText('Username');
    expect(username).toHaveAttribute('aria-invalid', 'true');
    expect(username).toHaveAccessibleDescription(/must be 3-30 characters of a-z 0-9 _ \. -/);
    expect(screen.getByLabelText('Password')).toHaveAccessibleDescription(/is too common/);
    expect(screen.getByLabelText('Email')).not.toHaveAttribute('aria-invalid');
  });

  it('sign-up signs in and lands on the home page', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({ ...worldRoutes(), 'POST /api/auth/register': { status: 201, body: ME } });
    const user = userEvent.setup();
    renderApp('/signup', null);

    await user.type(screen.getByLabelText('Username'), 'ann');
    await user.type(screen.getByLabelText('Display name (optional)'), 'Ann Archer');
    await user.type(screen.getByLabelText('Email'), 'ann@example.org');
    await user.type(screen.getByLabelText('Password'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Create account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Ann Archer' })).toBeInTheDocument();
    const register = calls.find((c) => c.url.pathname === '/api/auth/register')!;
    expect(register.body).toEqual({ username: 'ann', email: 'ann@example.org', password: 'a long enough password', displayName: 'Ann Archer' });
    expect(register.headers.get('X-XSRF-TOKEN')).toBe('t');
  });

  it('sign-in shows the server’s words for a failed login, and a 429 with the wait', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      'POST /api/auth/login': [
        { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Wrong username or password.' } },
        { status: 429, headers: { 'Retry-After': '60' }, body: { status: 429, detail: 'Too many sign-in attempts.' } },
      ],
    });
    const user = userEvent.setup();
    renderApp('/signin', null);

    await user.type(screen.getByLabelText('Username or email'), 'ann');
    await user.type(screen.getByLabelText('Password'), 'wrong password');
    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('Wrong username or password.');

    await user.click(screen.getByRole('button', { name: 'Sign in' }));
    expect(await screen.findByText('Too many sign-in attempts. Try again in 60 seconds.')).toBeInTheDocument();
  });

  it('profile edit shows a field error from the server', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      ...worldRoutes(),
      'PATCH /api/users/me': {
        status: 400,
        body: { status: 400, detail: 'Invalid profile.', errors: [{ field: 'displayName', message: 'must be visible text without control characters' }] },
      },
    });
    const user = userEvent.setup();
    renderApp('/profile');

    const name = await screen.findByLabelText('Display name');
    await user.clear(name);
    await user.type(name, 'Ann');
    await user.click(screen.getByRole('button', { name: 'Save profile' }));

    expect(await screen.findByText('must be visible text without control characters')).toBeInTheDocument();
    expect(name).toHaveAttribute('aria-invalid', 'true');
  });

  it('the profile is the way in and out: an import, and a download of everything', async () => {
    stubFetch(worldRoutes());
    renderApp('/profile');

    const history = await screen.findByRole('region', { name: 'Your history' });
    expect(within(history).getByRole('link', { name: /Bring your diary/ })).toHaveAttribute('href', '/import');
    const download = within(history).getByRole('link', { name: 'Download all your data (ZIP)' });
    expect(download).toHaveAttribute('href', '/api/preferences/export');
    expect(download).toHaveAttribute('download');
  });

  it('deleting the account goes back to sign-in with a note', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({ ...worldRoutes(), 'DELETE /api/users/me': { status: 204 } });
    const user = userEvent.setup();
    renderApp('/profile');

    await user.type(await screen.findByLabelText('Your password, to confirm'), 'a long enough password');
    await user.click(screen.getByRole('button', { name: 'Delete my account' }));

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText(/Your account and everything in it has been deleted/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'DELETE')!.body).toEqual({ password: 'a long enough password' });
  });
});
