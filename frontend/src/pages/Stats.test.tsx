import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { beforeAll, describe, expect, it } from 'vitest';
import type { YearStats } from '../api/types';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, MOVIES, renderApp, stubFetch } from '../test/utils';

// jsdom has no ResizeObserver; the charts listen to their container's size with one.
// The page and its chart library load on first use (a lazy route): load them before the clock of the tests.
beforeAll(async () => {
  globalThis.ResizeObserver ??= class {
    observe() {}
    unobserve() {}
    disconnect() {}
  };
  await import('./Stats');
}, 30_000);

const YEAR = 2025;

function stats(year: number, viewings: number): YearStats {
  return {
    year,
    films: viewings === 0 ? 0 : 3,
    viewings,
    rewatches: viewings === 0 ? 0 : 1,
    averageScore: viewings === 0 ? null : 4.25,
    scoreHistogram: [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5].map((score) => ({ score, count: score === 4.5 ? viewings - 1 : score === 4 && viewings > 0 ? 1 : 0 })),
    byMonth: Array.from({ length: 12 }, (_, i) => ({ month: i + 1, viewings: i === 10 ? viewings : 0 })),
    topGenres: viewings === 0 ? [] : [{ genre: 'Crime', count: 2 }, { genre: 'Animation', count: 1 }],
    topRated: viewings === 0 ? [] : [MOVIES[2]!, MOVIES[1]!],
  };
}

function statsRoutes() {
  return {
    ...worldRoutes(),
    [`GET /api/preferences/stats?year=${YEAR}`]: { body: stats(YEAR, 4) },
    [`GET /api/preferences/stats?year=${YEAR - 1}`]: { body: stats(YEAR - 1, 0) },
  };
}

describe('stats page', () => {
  it('shows the year’s numbers, charts with a summary, and the same numbers as tables', async () => {
    stubFetch(statsRoutes());
    renderApp(`/stats?year=${YEAR}`);

    expect(await screen.findByRole('heading', { level: 1, name: `My ${YEAR} in films` })).toBeInTheDocument();
    const tiles = await screen.findByLabelText(`Your ${YEAR} in numbers`);
    expect(within(tiles).getByText('Films').nextSibling).toHaveTextContent('3');
    expect(within(tiles).getByText('Viewings').nextSibling).toHaveTextContent('4');
    expect(within(tiles).getByText('Rewatches').nextSibling).toHaveTextContent('1');
    expect(within(tiles).getByText('Average score').nextSibling).toHaveTextContent('4.25');

    const months = screen.getByRole('figure', { name: 'Viewings by month' });
    expect(within(months).getByText('Your busiest month was November, with 4 viewings.')).toBeInTheDocument();
    const monthTable = within(months).getByRole('table', { name: 'Viewings by month' });
    expect(within(monthTable).getByRole('row', { name: 'November 4' })).toBeInTheDocument();
    expect(within(monthTable).getAllByRole('row')).toHaveLength(13);

    const scores = screen.getByRole('figure', { name: 'Scores' });
    expect(within(scores).getByText('4 viewings with a score; the one you gave most was 4.5 stars.')).toBeInTheDocument();
    expect(within(scores).getByRole('row', { name: '4.5 stars 3' })).toBeInTheDocument();
    expect(within(scores).getByRole('row', { name: '0.5 stars 0' })).toBeInTheDocument();

    const genres = screen.getByRole('figure', { name: 'Top genres' });
    expect(within(genres).getByText('Your most common genre was Crime, in 2 films.')).toBeInTheDocument();
    expect(within(genres).getByRole('row', { name: 'Animation 1' })).toBeInTheDocument();

    const top = screen.getByRole('region', { name: 'Top rated' });
    expect(within(top).getAllByRole('link').map((a) => a.textContent)).toEqual(['The Godfather', 'Heat']);
    expect(await axeViolations()).toEqual([]);
  }, 30_000);

  it('moves to the year before, and says so when nothing was logged', async () => {
    const { calls } = stubFetch(statsRoutes());
    const user = userEvent.setup();
    renderApp(`/stats?year=${YEAR}`);
    await screen.findByRole('figure', { name: 'Scores' });

    await user.click(screen.getByRole('link', { name: String(YEAR - 1) }));
    expect(await screen.findByText(`Nothing logged in ${YEAR - 1}`)).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 1 })).toHaveTextContent(`My ${YEAR - 1} in films`);
    expect(screen.queryByRole('figure')).not.toBeInTheDocument();
    await waitFor(() => expect(calls.map((c) => c.url.searchParams.get('year'))).toContain(String(YEAR - 1)));
  });

  it('asks for this year when the address names none', async () => {
    const year = new Date().getFullYear();
    const { calls } = stubFetch({ ...worldRoutes(), 'GET /api/preferences/stats': { body: stats(year, 2) } });
    renderApp('/stats');
    expect(await screen.findByRole('heading', { level: 1, name: `My ${year} in films` })).toBeInTheDocument();
    await screen.findByRole('figure', { name: 'Scores' });
    expect(calls.find((c) => c.url.pathname === '/api/preferences/stats')?.url.searchParams.get('year')).toBe(String(year));
    expect(screen.queryByRole('link', { name: String(year + 1) })).not.toBeInTheDocument();
  });
});
