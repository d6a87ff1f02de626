import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { MovieList } from '../api/social';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, ME, MOVIES, renderApp, setCookie, stubFetch } from '../test/utils';

const bob = { id: 2, username: 'bob', displayName: 'Bob Brown' };
const ago = (minutes: number) => new Date(Date.now() - minutes * 60_000).toISOString();

function home(activity: Record<string, unknown>) {
  return { body: { recommendations: [], friendActivity: [{ actor: bob, movieId: 1, movie: MOVIES[0], createdAt: ago(5), ...activity }] } };
}

const list = (items: MovieList['items'], extra: Partial<MovieList> = {}): MovieList => ({
  id: 40,
  owner: { id: ME.id, username: ME.username, displayName: ME.displayName },
  name: 'Rainy Sundays',
  description: 'Comfort viewing.',
  ranked: true,
  visibility: 'PUBLIC',
  items,
  createdAt: ago(60),
  updatedAt: ago(1),
  ...extra,
});

describe('likes and comments', () => {
  it('a like shows at once with its count, and is taken back when refused', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/home': home({ id: 21, type: 'REVIEWED', review: 'Lovely', likeCount: 2, commentCount: 0, likedByMe: false }),
      'PUT /api/activities/21/like': [{ status: 204 }, { status: 403, body: { status: 403, detail: 'You may not see that activity.' } }],
      'DELETE /api/activities/21/like': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/');
    const like = await screen.findByRole('button', { name: /Like/ });
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(like).toHaveTextContent('2 likes');

    await user.click(like);
    expect(like).toHaveAttribute('aria-pressed', 'true');
    expect(like).toHaveTextContent('3 likes');
    await waitFor(() => expect(calls.some((c) => c.method === 'PUT' && c.url.pathname === '/api/activities/21/like')).toBe(true));

    await user.click(like);
    expect(like).toHaveTextContent('2 likes');
    await user.click(like);
    expect(await screen.findByText('You may not see that activity.')).toBeInTheDocument();
    expect(like).toHaveAttribute('aria-pressed', 'false');
    expect(like).toHaveTextContent('2 likes');
  });

  it('comments open on demand; I post one and delete my own', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/home': home({ id: 22, type: 'LOGGED', score: 4, likeCount: 0, commentCount: 1, likedByMe: false }),
      'GET /api/activities/22/comments': { body: { items: [{ id: 5, author: bob, text: 'Saw it twice!', createdAt: ago(3) }] } },
      'POST /api/activities/22/comments': { status: 201, body: { id: 6, author: ME, text: 'Me too', createdAt: ago(0) } },
      'DELETE /api/activities/comments/6': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/');
    const toggle = await screen.findByRole('button', { name: /1 comment/ });
    expect(toggle).toHaveAttribute('aria-expanded', 'false');
    await user.click(toggle);
    const comments = await screen.findByRole('list', { name: /Comments on Bob Brown/ });
    expect(within(comments).getByText('Saw it twice!')).toBeInTheDocument();
    expect(within(comments).queryByRole('button', { name: /Delete/ })).toBeNull(); // not mine, not my activity

    await user.type(screen.getByLabelText('Your comment'), 'Me too');
    await user.click(screen.getByRole('button', { name: 'Post comment' }));
    expect(await within(comments).findByText('Me too')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST')!.body).toEqual({ text: 'Me too' });
    expect(toggle).toHaveTextContent('2 comments');

    await user.click(within(comments).getByRole('button', { name: 'Delete this comment' }));
    await waitFor(() => expect(within(comments).queryByText('Me too')).toBeNull());
    expect(toggle).toHaveTextContent('1 comment');
    expect(await axeViolations()).toEqual([]);
  });
});

describe('notifications', () => {
  const notifications = {
    body: {
      items: [
        { id: 9, type: 'RECOMMENDED', actor: bob, movieId: 6, text: 'Watch it on a big screen', createdAt: ago(2), read: false },
        { id: 8, type: 'COMMENTED', actor: bob, activityId: 22, movieId: 1, text: 'Agreed', createdAt: ago(10), read: false },
        { id: 7, type: 'FRIEND_ACCEPTED', actor: bob, createdAt: ago(60), read: true },
      ],
      unreadCount: 2,
      nextCursor: null,
    },
  };

  it('the header shows the unread count; the page says what happened; mark all as read clears it', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/activities/notifications': notifications,
      'POST /api/activities/notifications/read': { status: 204 },
    });
    const user = userEvent.setup();
    renderApp('/');
    const link = await screen.findByRole('link', { name: 'Notifications 2 unread' });
    await user.click(link);
    const items = await screen.findByRole('list', { name: 'Your notifications' });
    expect(items).toHaveTextContent('Bob Brown recommends Heat to you: Watch it on a big screen');
    expect(items).toHaveTextContent('Bob Brown commented on your activity about Toy Story: Agreed');
    expect(items).toHaveTextContent('Bob Brown accepted your friend request.');

    await user.click(screen.getByRole('button', { name: 'Mark all as read' }));
    expect(await screen.findByText('Everything is marked as read.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/activities/notifications/read')!.body).toEqual({ upTo: 9 });
    expect(screen.getByRole('link', { name: 'Notifications' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });
});

describe('recommending to a friend', () => {
  it('sends the movie to the friend chosen, and my friends’ picks show on my home page', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'POST /api/preferences/recommendations/sent': { status: 201, body: {} },
      'GET /api/preferences/recommendations/received': {
        body: { items: [{ from: bob, movie: MOVIES[2], note: 'A must', sentAt: ago(4) }] },
      },
    });
    const user = userEvent.setup();
    renderApp('/movies/1');
    await user.click(await screen.findByRole('button', { name: 'Recommend to…' }));
    await user.selectOptions(await screen.findByLabelText('Friend'), 'Bob Brown');
    await user.type(screen.getByLabelText('Note (optional)'), 'You will love it');
    await user.click(screen.getByRole('button', { name: 'Send recommendation' }));
    expect(await screen.findByText('Recommended Toy Story to Bob Brown.')).toBeInTheDocument();
    expect(calls.find((c) => c.url.pathname === '/api/preferences/recommendations/sent')!.body).toEqual({
      toUserId: 2,
      movieId: 1,
      note: 'You will love it',
    });

    await user.click(screen.getByRole('link', { name: 'Home' }));
    const row = await screen.findByRole('list', { name: 'Movies your friends recommend to you' });
    expect(row).toHaveTextContent('The Godfather');
    expect(row).toHaveTextContent('Bob Brown recommends it: “A must”');
  });
});

describe('lists', () => {
  it('my list: reorder with the keyboard-reachable buttons, then save the order and notes', async () => {
    setCookie('XSRF-TOKEN=t');
    const items = MOVIES.map((movie, i) => ({ position: i + 1, movie, note: null }));
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/lists/40': { body: list(items) },
      'PUT /api/preferences/lists/40/items': ({ body }) => {
        const order = (body as { items: { movieId: number; note?: string }[] }).items;
        return {
          body: list(order.map((o, i) => ({ position: i + 1, movie: MOVIES.find((m) => m.id === o.movieId)!, note: o.note ?? null })), {
            updatedAt: ago(0),
          }),
        };
      },
    });
    const user = userEvent.setup();
    renderApp('/lists/40');
    expect(await screen.findByRole('heading', { level: 1, name: 'Rainy Sundays' })).toBeInTheDocument();
    expect(screen.getByLabelText(/Share link/)).toHaveValue(`${window.location.origin}/lists/40`);

    await user.click(screen.getByRole('button', { name: 'Move down: Toy Story' }));
    expect(await screen.findByText('Toy Story moved to position 2 of 3.')).toBeInTheDocument();
    await user.type(screen.getByLabelText('Note on Heat'), 'Best diner scene');
    await user.click(screen.getByRole('button', { name: 'Save order and notes' }));
    expect(await screen.findByText('The list is saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({
      items: [{ movieId: 6, note: 'Best diner scene' }, { movieId: 1 }, { movieId: 858 }],
    });
    const rows = within(screen.getByRole('list', { name: 'Movies in this list, in order' })).getAllByRole('listitem');
    expect(rows[0]).toHaveTextContent('Heat');
    expect(await axeViolations()).toEqual([]);
  });

  it('a public list opens for a visitor without an account, read-only', async () => {
    stubFetch({ 'GET /api/preferences/lists/40': { body: list([{ position: 1, movie: MOVIES[0], note: 'Start here' }], { owner: bob }) } });
    renderApp('/lists/40', null);
    expect(await screen.findByRole('heading', { level: 1, name: 'Rainy Sundays' })).toBeInTheDocument();
    expect(screen.getByText(/A ranked list by Bob Brown/)).toBeInTheDocument();
    expect(screen.getByText('Start here')).toBeInTheDocument();
    expect(screen.queryByRole('button', { name: /Move/ })).toBeNull();
  });

  it('a list I may not see says so, without blaming me', async () => {
    stubFetch({ 'GET /api/preferences/lists/41': { status: 403, body: { status: 403, detail: 'Forbidden' } } });
    renderApp('/lists/41', null);
    expect(await screen.findByRole('heading', { level: 1, name: 'List not found' })).toBeInTheDocument();
  });

  it('adds a movie to the end of a list from its page', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/lists': { body: { items: [list(undefined)] } },
      'GET /api/preferences/lists/40': { body: list([{ position: 1, movie: MOVIES[1], note: 'Opener' }]) },
      'PUT /api/preferences/lists/40/items': { body: list([]) },
    });
    const user = userEvent.setup();
    renderApp('/movies/1');
    await user.click(await screen.findByRole('button', { name: 'Add to a list' }));
    await user.selectOptions(await screen.findByLabelText('List'), 'Rainy Sundays');
    await user.click(screen.getByRole('button', { name: 'Add to list' }));
    expect(await screen.findByText('Added Toy Story to Rainy Sundays.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')!.body).toEqual({ items: [{ movieId: 6, note: 'Opener' }, { movieId: 1 }] });
  });
});

describe('privacy', () => {
  it('a member page shows what their setting lets me see, and says plainly what it hides', async () => {
    stubFetch(worldRoutes());
    const view = renderApp('/members/2');
    const ratings = await screen.findByRole('list', { name: 'Bob Brown’s latest ratings' });
    expect(ratings).toHaveTextContent('The Godfather');
    expect(await screen.findByText('No lists you can see.')).toBeInTheDocument();
    view.unmount();

    renderApp('/members/3');
    expect(await screen.findAllByText('Cat shares this only with friends, or keeps it private.')).toHaveLength(2);
    expect(await axeViolations()).toEqual([]);
  });

  it('the profile sets who sees my ratings, diary, lists and activity', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'PATCH /api/users/me': ({ body }) => ({ body: { ...ME, ...(body as object) } }),
    });
    const user = userEvent.setup();
    renderApp('/profile');
    const group = await screen.findByRole('group', { name: 'Who sees your ratings, reviews, diary, lists and activity' });
    expect(within(group).getByRole('radio', { name: /Friends/ })).toBeChecked();
    await user.click(within(group).getByRole('radio', { name: /Only me/ }));
    await user.click(screen.getByRole('button', { name: 'Save profile' }));
    expect(await screen.findByText('Your profile is saved.')).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PATCH')!.body).toMatchObject({ visibility: 'PRIVATE' });
  });
});
