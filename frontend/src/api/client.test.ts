import { describe, expect, it, vi } from 'vitest';
import { setCookie, stubFetch } from '../test/utils';
import { ApiError, errorMessage, onSessionExpired, request, SESSION_ENDED } from './client';
import { api } from './endpoints';

describe('API client', () => {
  it('sends the XSRF cookie value as X-XSRF-TOKEN on every write, and not on reads', async () => {
    setCookie('XSRF-TOKEN=token%2Babc');
    const { calls } = stubFetch({
      'GET /api/movies/genres': { body: { items: [] } },
      'POST /api/users/me/friend-requests': { status: 201, body: { id: 1 } },
      'PUT /api/preferences/ratings/1': { status: 201, body: { movieId: 1, score: 4 } },
      'PATCH /api/users/me': { body: { id: 1 } },
      'DELETE /api/preferences/watchlist/1': { status: 204 },
    });

    await api.genres();
    await api.sendFriendRequest(2);
    await api.rate(1, 4);
    await api.updateMe({ bio: 'hi' });
    await api.removeFromWatchlist(1);

    expect(calls.map((c) => [c.method, c.headers.get('X-XSRF-TOKEN')])).toEqual([
      ['GET', null],
      ['POST', 'token+abc'],
      ['PUT', 'token+abc'],
      ['PATCH', 'token+abc'],
      ['DELETE', 'token+abc'],
    ]);
    expect(calls[2].body).toEqual({ score: 4 });
    expect(calls[2].headers.get('Content-Type')).toBe('application/json');
  });

  it('fetches a CSRF token first when the cookie is missing', async () => {
    const { calls } = stubFetch({
      'GET /api/auth/csrf': () => {
        setCookie('XSRF-TOKEN=fresh');
        return { status: 204 };
      },
      'POST /api/auth/logout': { status: 204 },
    });

    await api.logout();

    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual(['GET /api/auth/csrf', 'POST /api/auth/logout']);
    expect(calls[1].headers.get('X-XSRF-TOKEN')).toBe('fresh');
  });

  it('shares one refresh between concurrent 401s and retries each call once', async () => {
    setCookie('XSRF-TOKEN=t1');
    let refreshed = false;
    let releaseRefresh: () => void = () => {};
    const refreshGate = new Promise<void>((resolve) => {
      releaseRefresh = resolve;
    });
    const answer = (body: unknown) => () => (refreshed ? { body } : { status: 401, body: { detail: 'expired' } });
    const { calls, fetchMock } = stubFetch({
      'GET /api/preferences/home': answer({ recommendations: [], friendActivity: [] }),
      'GET /api/users/me/friends': answer({ items: [] }),
      'GET /api/preferences/watchlist': answer({ items: [] }),
    });
    const base = fetchMock.getMockImplementation()!;
    fetchMock.mockImplementation(async (input, init) => {
      if (String(input) === '/api/auth/refresh') {
        await refreshGate;
        refreshed = true;
        return new Response(null, { status: 200 });
      }
      return base(input, init);
    });

    const all = Promise.all([api.home(), api.friends(), api.watchlist(0, 20)]);
    await vi.waitFor(() => expect(calls.length).toBe(3));
    releaseRefresh();
    const [home, friends, watchlist] = await all;

    expect(home.friendActivity).toEqual([]);
    expect(friends.items).toEqual([]);
    expect(watchlist.items).toEqual([]);
    const refreshCalls = fetchMock.mock.calls.filter(([url]) => String(url) === '/api/auth/refresh');
    expect(refreshCalls).toHaveLength(1);
    const refreshInit = refreshCalls[0][1] as RequestInit;
    expect(refreshInit.method).toBe('POST');
    expect(new Headers(refreshInit.headers).get('X-XSRF-TOKEN')).toBe('t1');
    // each call: the 401 and exactly one retry
    expect(calls.filter((c) => c.url.pathname === '/api/preferences/home')).toHaveLength(2);
    expect(calls.filter((c) => c.url.pathname === '/api/users/me/friends')).toHaveLength(2);
    expect(calls.filter((c) => c.url.pathname === '/api/preferences/watchlist')).toHaveLength(2);
  });

  it('retries only once: a second 401 after a successful refresh ends the session', async () => {
    setCookie('XSRF-TOKEN=t');
    const expired = vi.fn();
    const restore = onSessionExpired(expired);
    const { calls } = stubFetch({
      'GET /api/preferences/home': { status: 401, body: { detail: 'no' } },
      'POST /api/auth/refresh': { status: 200, body: {} },
    });

    await expect(api.home()).rejects.toMatchObject({ status: 401, detail: SESSION_ENDED });

    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toEqual([
      'GET /api/preferences/home',
      'POST /api/auth/refresh',
      'GET /api/preferences/home',
    ]);
    expect(expired).toHaveBeenCalledTimes(1);
    restore();
  });

  it('goes back to sign-in when the refresh fails', async () => {
    setCookie('XSRF-TOKEN=t');
    const expired = vi.fn();
    const restore = onSessionExpired(expired);
    const { calls } = stubFetch({
      'GET /api/preferences/ratings': { status: 401, body: { detail: 'Token expired' } },
      'POST /api/auth/refresh': { status: 401, body: { detail: 'Refresh token reused' } },
    });

    const failure = await api.ratings(0, 20).catch((e: unknown) => e);

    expect(failure).toBeInstanceOf(ApiError);
    expect((failure as ApiError).status).toBe(401);
    expect(expired).toHaveBeenCalledTimes(1);
    expect(calls.filter((c) => c.url.pathname === '/api/preferences/ratings')).toHaveLength(1);
    restore();
  });

  it('by default sends the browser to /signin when the refresh fails', async () => {
    setCookie('XSRF-TOKEN=t');
    const assign = vi.fn();
    vi.spyOn(window, 'location', 'get').mockReturnValue({ ...window.location, pathname: '/ratings', assign });
    stubFetch({
      'GET /api/preferences/ratings': { status: 401, body: {} },
      'POST /api/auth/refresh': { status: 401, body: {} },
    });

    await expect(api.ratings(0, 20)).rejects.toBeInstanceOf(ApiError);
    expect(assign).toHaveBeenCalledWith('/signin?expired=1');
  });

  it('never refreshes for a failed login', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      'POST /api/auth/login': { status: 401, body: { title: 'Unauthorized', status: 401, detail: 'Wrong username or password.' } },
    });

    await expect(api.login({ login: 'ann', password: 'x' })).rejects.toMatchObject({ detail: 'Wrong username or password.' });
    expect(calls).toHaveLength(1);
  });

  it('surfaces the problem+json detail and field errors', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      'POST /api/auth/register': {
        status: 400,
        body: {
          type: 'https://cinemates.example/problems/validation',
          title: 'Bad Request',
          status: 400,
          detail: 'Some fields are not valid.',
          errors: [{ field: 'username', message: 'must be 3-30 characters of a-z 0-9 _ . -' }],
        },
      },
    });

    const error = (await api.register({ username: 'x', email: 'x@y.z', password: 'p' }).catch((e: unknown) => e)) as ApiError;

    expect(error.detail).toBe('Some fields are not valid.');
    expect(error.fieldError('username')).toBe('must be 3-30 characters of a-z 0-9 _ . -');
    expect(errorMessage(error)).toBe('Some fields are not valid.');
  });

  it('tells how long to wait after a 429', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      'POST /api/auth/login': {
        status: 429,
        headers: { 'Retry-After': '30' },
        body: { title: 'Too Many Requests', status: 429, detail: 'Too many sign-in attempts.' },
      },
    });

    const error = await api.login({ login: 'ann', password: 'x' }).catch((e: unknown) => e);

    expect(errorMessage(error)).toBe('Too many sign-in attempts. Try again in 30 seconds.');
  });

  it('uses plain words when the answer is not a problem document', async () => {
    const fetchMock = vi.fn(async () => new Response('<html>Bad gateway</html>', { status: 502, headers: { 'Content-Type': 'text/html' } }));
    vi.stubGlobal('fetch', fetchMock);
    await expect(request('/api/movies/1')).rejects.toMatchObject({
      status: 502,
      detail: 'Cinemates is having trouble right now. Please try again shortly.',
    });

    vi.stubGlobal('fetch', vi.fn(async () => Promise.reject(new TypeError('Failed to fetch'))));
    await expect(request('/api/movies/1')).rejects.toMatchObject({ status: 0 });
  });

  it('treats a 404 for similar movies as "none yet"', async () => {
    stubFetch({ 'GET /api/preferences/movies/1/similar': { status: 404, body: { detail: 'No such API endpoint' } } });
    await expect(api.similar(1, 12)).resolves.toEqual({ items: [] });
  });

  it('asks for movies in one batch, in the given order', async () => {
    const { calls } = stubFetch({ 'GET /api/movies': { body: { items: [] } } });
    await api.moviesByIds([6, 1, 858]);
    expect(calls[0].url.searchParams.get('ids')).toBe('6,1,858');
  });
});
