import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, renderApp, setCookie, stubFetch } from '../test/utils';

describe('pages', () => {
  it('home shows recommendations with their reasons and friends’ activity', async () => {
    stubFetch(worldRoutes());
    renderApp('/');

    const recommended = await screen.findByRole('list', { name: 'Recommended movies' });
    expect(within(recommended).getByRole('link', { name: 'Heat' })).toHaveAttribute('href', '/movies/6');
    expect(within(recommended).getByRole('link', { name: 'The Godfather' })).toBeInTheDocument();
    expect(within(recommended).getByText('3 friends rated it 4.5+')).toBeInTheDocument();
    const activity = screen.getByRole('list', { name: 'Friends’ recent activity' });
    expect(within(activity).getAllByRole('listitem')[0]).toHaveTextContent('Bob Brown rated Toy Story');
    expect(within(activity).getByRole('img', { name: '4.5 out of 5 stars' })).toBeInTheDocument();
    expect(within(activity).getByText('Slow, then wonderful.')).toBeInTheDocument();
  });

  it('home says quietly what is missing when degraded, and shows the rest', async () => {
    const routes = worldRoutes();
    const home = routes['GET /api/preferences/home'].body as Record<string, unknown>;
    routes['GET /api/preferences/home'] = { body: { ...home, friendActivity: [], degraded: ['activity-service'] } };
    stubFetch(routes);
    renderApp('/');

    const notice = await screen.findByText(/Some of this page is missing for now: friends’ activity\./);
    expect(notice.closest('[role="status"]')).not.toBeNull();
    expect(screen.getByRole('link', { name: 'Heat' })).toBeInTheDocument();
    expect(screen.getByText('Your friends’ activity cannot be shown right now. It will be back shortly.')).toBeInTheDocument();
  });

  it('home shows empty states in plain words', async () => {
    stubFetch({ ...worldRoutes(), 'GET /api/preferences/home': { body: { recommendations: [], friendActivity: [] } } });
    renderApp('/');
    expect(await screen.findByText('No recommendations yet')).toBeInTheDocument();
    expect(screen.getByText('Nothing from your friends yet')).toBeInTheDocument();
  });

  it('shows the problem detail when a page cannot load, and tries again on request', async () => {
    const routes = worldRoutes();
    stubFetch({
      ...routes,
      'GET /api/preferences/home': [
        { status: 503, body: { title: 'Service Unavailable', status: 503, detail: 'preference-service is not available right now.' }, headers: { 'Retry-After': '5' } },
        routes['GET /api/preferences/home'],
      ],
    });
    const user = userEvent.setup();
    renderApp('/');

    const alert = await screen.findByRole('alert');
    expect(alert).toHaveTextContent('preference-service is not available right now. Try again in 5 seconds.');
    await user.click(within(alert).getByRole('button', { name: 'Try again' }));
    expect(await screen.findByRole('list', { name: 'Recommended movies' })).toBeInTheDocument();
    expect(screen.queryByRole('alert')).not.toBeInTheDocument();
  });

  it('browse searches with filters through the URL', async () => {
    const { calls } = stubFetch(worldRoutes());
    const user = userEvent.setup();
    renderApp('/movies');

    await screen.findByRole('list', { name: 'Search results' });
    await screen.findByRole('option', { name: 'Comedy' });
    await user.type(screen.getByLabelText('Title'), 'toy');
    await user.selectOptions(screen.getByLabelText('Genre'), 'Comedy');
    await user.type(screen.getByLabelText('From year'), '1990');
    await user.click(screen.getByRole('button', { name: 'Search' }));

    await waitFor(() => {
      const last = calls.filter((c) => c.url.pathname === '/api/movies').at(-1)!;
      expect(Object.fromEntries(last.url.searchParams)).toMatchObject({ q: 'toy', genre: 'Comedy', yearFrom: '1990', page: '0', size: '24' });
    });
  });

  it('the movie page rates in half stars with a review, and manages the watchlist', async () => {
    setCookie('XSRF-TOKEN=t');
    const routes = worldRoutes();
    const { calls } = stubFetch({
      ...routes,
      'PUT /api/preferences/ratings/1': { body: { movieId: 1, score: 3.5, review: 'Still great', ratedAt: '2025-03-03T00:00:00Z' } },
      'PUT /api/preferences/watchlist/1': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/movies/1');

    expect(await screen.findByRole('heading', { level: 1, name: 'Toy Story' })).toBeInTheDocument();
    expect(await screen.findByRole('radio', { name: '4 stars' })).toBeChecked();
    expect(screen.getByText('Bob Brown')).toBeInTheDocument();
    expect(await screen.findByRole('link', { name: 'Heat' })).toBeInTheDocument(); // similar
    // Whose ratings each average is.
    expect(screen.getByText('Cinemates members').nextElementSibling).toHaveTextContent('4.5 average from 6 member ratings');
    expect(screen.getByText('MovieLens community').nextElementSibling).toHaveTextContent('3.9 average from 317 ratings');

    // Arrow keys: saved once they stop, with my earlier review kept as it was.
    screen.getByRole('radio', { name: '4 stars' }).focus();
    await user.keyboard('{ArrowLeft}');
    expect(await screen.findByText('Saved your rating: 3.5 stars.')).toBeInTheDocument();
    const puts = () => calls.filter((c) => c.method === 'PUT' && c.url.pathname === '/api/preferences/ratings/1');
    expect(puts().map((c) => c.body)).toEqual([{ score: 3.5, review: 'A classic.' }]);

    // The review has its own button; a score is not saved twice for it.
    const review = screen.getByLabelText('Review (optional)');
    expect(review).toHaveValue('A classic.');
    await user.clear(review);
    await user.type(review, 'Still great');
    await user.click(screen.getByRole('button', { name: 'Update review' }));
    expect(await screen.findByText('Saved your review.')).toBeInTheDocument();
    expect(puts().map((c) => c.body)).toEqual([
      { score: 3.5, review: 'A classic.' },
      { score: 3.5, review: 'Still great' },
    ]);

    // One click on a star saves it at once.
    await user.click(screen.getByText('2 stars'));
    expect(await screen.findByText('Saved your rating: 2 stars.')).toBeInTheDocument();
    expect(puts().at(-1)?.body).toEqual({ score: 2, review: 'Still great' });

    await user.click(screen.getByRole('button', { name: 'Add to watchlist' }));
    expect(await screen.findByText('Added to your watchlist.')).toBeInTheDocument();
  });

  it('a stranger’s page says plainly that their activity is for friends', async () => {
    stubFetch(worldRoutes());
    renderApp('/members/3');
    expect(await screen.findByText('You can see Cat’s activity once you are friends.')).toBeInTheDocument();
  });

  it('a friend’s page shows their activity with movie titles', async () => {
    stubFetch({ ...worldRoutes(), 'GET /api/movies': { body: { items: [{ id: 858, title: 'Godfather, The', year: 1972, genres: ['Crime'] }] } } });
    renderApp('/members/2');
    const list = await screen.findByRole('list', { name: 'Bob Brown’s activity' });
    expect(within(list).getByRole('link', { name: 'The Godfather' })).toBeInTheDocument();
  });

  it('friends: accept an incoming request', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'POST /api/users/me/friend-requests/7/accept': { body: { id: 7, status: 'ACCEPTED' } },
    });
    const user = userEvent.setup();
    renderApp('/friends');
    await screen.findByText('Cat');

    await user.click(screen.getByRole('button', { name: 'Accept Cat’s request' }));
    expect(await screen.findByText('You and Cat are now friends.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/users/me/friend-requests/7/accept')).toBe(true);
  });

  it('when the session cannot be refreshed, the app goes back to sign-in', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/ratings': { status: 401, body: { detail: 'expired' } },
      'POST /api/auth/refresh': { status: 401, body: { detail: 'revoked' } },
    });
    renderApp('/ratings');

    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
    expect(screen.getByText('Your session has ended. Please sign in again.')).toBeInTheDocument();
  });

  it('signed-out visitors are sent to sign-in', async () => {
    stubFetch({});
    renderApp('/watchlist', null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Sign in' })).toBeInTheDocument();
  });
});

describe('accessibility (axe-core)', () => {
  const pages: [string, string, string | RegExp][] = [
    ['sign in', '/signin', 'Sign in'],
    ['sign up', '/signup', 'Create your account'],
    ['home', '/', 'Hello, Ann Archer'],
    ['browse', '/movies', 'Browse movies'],
    ['movie', '/movies/1', 'Toy Story'],
    ['my ratings', '/ratings', 'My ratings'],
    ['watchlist', '/watchlist', 'Watchlist'],
    ['friends', '/friends', 'Friends'],
    ['profile', '/profile', 'Ann Archer'],
    ['member', '/members/2', 'Bob Brown'],
  ];

  it.each(pages)('%s page has no violations', async (_name, path, heading) => {
    stubFetch(worldRoutes());
    const signedOut = path === '/signin' || path === '/signup';
    renderApp(path, signedOut ? null : undefined);
    expect(await screen.findByRole('heading', { level: 1, name: heading })).toBeInTheDocument();
    await waitFor(() => expect(screen.queryAllByRole('status').filter((s) => s.classList.contains('loading'))).toHaveLength(0));
    expect(await axeViolations()).toEqual([]);
  });
});
