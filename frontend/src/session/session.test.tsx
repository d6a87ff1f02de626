import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { App } from '../App';
import { worldRoutes } from '../test/fixtures';
import { ME, setCookie, stubFetch } from '../test/utils';
import { SessionProvider } from './session';

function start(path: string) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider>
        <App />
      </SessionProvider>
    </MemoryRouter>,
  );
}

describe('session start', () => {
  it('a fresh browser gets its CSRF cookie and asks nothing that could fail: it has no session', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/csrf': () => {
        setCookie('XSRF-TOKEN=new');
        return { status: 204 };
      },
      'GET /api/users/me': { status: 401, body: { status: 401, detail: 'Not signed in' } },
    });
    start('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['GET /api/auth/csrf']);
  });

  it('after signing out here, the next visit does not ask who is signed in', async () => {
    setCookie('XSRF-TOKEN=old');
    const first = stubFetch({ ...worldRoutes(), 'POST /api/auth/logout': { status: 204 } });
    const view = start('/');
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out' }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(first.calls.map((c) => `${c.method} ${c.url.pathname}`)).toContain('POST /api/auth/logout');
    view.unmount();

    const again = stubFetch({ 'GET /api/users/me': { status: 401, body: {} } });
    start('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(again.calls).toEqual([]);
  });

  it('an expired access token is renewed silently on start', async () => {
    setCookie('XSRF-TOKEN=old');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/users/me': [{ status: 401, body: {} }, { body: ME }],
      'POST /api/auth/refresh': { body: {} },
    });
    start('/');

    expect(await screen.findByRole('heading', { level: 1, name: 'Hello, Ann Archer' })).toBeInTheDocument();
    expect(calls.slice(0, 3).map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /api/users/me',
      'POST /api/auth/refresh',
      'GET /api/users/me',
    ]);
  });

  it('says so in plain words when the user service cannot answer', async () => {
    setCookie('XSRF-TOKEN=old');
    stubFetch({ 'GET /api/users/me': { status: 503, body: { status: 503, detail: 'user-service is down' } } });
    start('/');
    expect(await screen.findByRole('heading', { level: 1, name: 'Cinemates is not answering' })).toBeInTheDocument();
    expect(screen.getByRole('button', { name: 'Try again' })).toBeInTheDocument();
  });
});
