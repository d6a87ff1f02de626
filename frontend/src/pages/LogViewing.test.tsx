import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { MemoryRouter } from 'react-router';
import { describe, expect, it } from 'vitest';
import { ActivityList } from '../components/Activity';
import { today } from '../components/ViewingForm';
import { bob, worldRoutes } from '../test/fixtures';
import { SessionProvider } from '../session/session';
import { axeViolations, ME, MOVIES, renderApp, setCookie, stubFetch } from '../test/utils';

describe('log a viewing on a movie page', () => {
  it('logs today’s viewing with a score, then shows the new rating from the summary', async () => {
    setCookie('XSRF-TOKEN=t');
    const routes = worldRoutes();
    const { calls } = stubFetch({
      ...routes,
      'POST /api/preferences/diary': {
        status: 201,
        body: { id: 5, movie: MOVIES[0], watchedOn: today(), score: 2.5, review: null, rewatch: true, tags: [], liked: false, createdAt: new Date().toISOString() },
      },
      'GET /api/preferences/movies/1/summary': [
        routes['GET /api/preferences/movies/1/summary']!,
        { body: { movieId: 1, average: 3.8, count: 215, myScore: 2.5, friends: [] } },
      ],
    });
    const user = userEvent.setup();
    renderApp('/movies/1');

    await user.click(await screen.findByRole('button', { name: 'Log a viewing' }));
    const form = screen.getByRole('form', { name: 'Log a viewing' });
    expect(await axeViolations()).toEqual([]);
    await user.click(within(form).getByLabelText('2.5 stars'));
    await user.click(within(form).getByLabelText(/a rewatch/));
    await user.click(within(form).getByRole('button', { name: 'Log this viewing' }));

    expect(await screen.findByText(/Logged your viewing of Toy Story on .*, 2.5 stars\./)).toBeInTheDocument();
    expect(screen.getByRole('link', { name: 'See your diary' })).toHaveAttribute('href', '/diary');
    const post = calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/preferences/diary');
    expect(post?.body).toEqual({ movieId: 1, watchedOn: today(), score: 2.5, review: null, rewatch: true, tags: [], liked: false });
    // The rating form starts again from the reloaded summary, where the logged score is now my rating.
    await waitFor(() => expect(screen.getAllByLabelText('2.5 stars').some((input) => (input as HTMLInputElement).checked)).toBe(true));
    expect(screen.queryByRole('form', { name: 'Log a viewing' })).not.toBeInTheDocument();
  });

  it('shows the server’s refusal beside the date', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      ...worldRoutes(),
      'POST /api/preferences/diary': {
        status: 400,
        body: { title: 'Bad Request', status: 400, detail: 'Invalid request', errors: [{ field: 'watchedOn', message: 'must not be in the future' }] },
      },
    });
    const user = userEvent.setup();
    renderApp('/movies/1');
    await user.click(await screen.findByRole('button', { name: 'Log a viewing' }));
    await user.click(screen.getByRole('button', { name: 'Log this viewing' }));
    expect(await screen.findByText('must not be in the future')).toBeInTheDocument();
    expect(screen.getByRole('form', { name: 'Log a viewing' })).toBeInTheDocument();
  });
});

describe('LOGGED in the feed', () => {
  it('says who watched what, with the score and review', () => {
    render(
      <MemoryRouter>
        <SessionProvider initialUser={ME}>
          <ActivityList
          label="Feed"
          items={[{ id: 1, type: 'LOGGED', actor: bob, movieId: 6, score: 3.5, review: 'Long, worth it.', createdAt: new Date().toISOString() }]}
          movies={new Map([[6, MOVIES[1]!]])}
          />
        </SessionProvider>
      </MemoryRouter>,
    );
    const item = within(screen.getByRole('list', { name: 'Feed' })).getByRole('listitem');
    expect(item).toHaveTextContent('Bob Brown watched Heat');
    expect(within(item).getByRole('link', { name: 'Heat' })).toHaveAttribute('href', '/movies/6');
    expect(within(item).getByRole('img', { name: '3.5 out of 5 stars' })).toBeInTheDocument();
    expect(within(item).getByText('Long, worth it.')).toBeInTheDocument();
  });
});
