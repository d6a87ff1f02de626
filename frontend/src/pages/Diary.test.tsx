import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { DiaryEntry } from '../api/types';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, MOVIES, renderApp, setCookie, stubFetch } from '../test/utils';
import { byMonth } from './Diary';

const [toyStory, heat, godfather] = MOVIES as [(typeof MOVIES)[0], (typeof MOVIES)[0], (typeof MOVIES)[0]];

const ENTRIES: DiaryEntry[] = [
  { id: 31, movie: heat, watchedOn: '2025-11-20', score: 4.5, review: 'The diner scene.', rewatch: true, tags: ['cinema'], liked: true, createdAt: '2025-11-20T22:00:00Z' },
  { id: 30, movie: toyStory, watchedOn: '2025-11-02', score: null, review: null, rewatch: false, tags: [], liked: false, createdAt: '2025-11-02T20:00:00Z' },
  { id: 29, movie: godfather, watchedOn: '2025-10-31', score: 5, review: null, rewatch: false, tags: [], liked: false, createdAt: '2025-10-31T20:00:00Z' },
];

function diaryRoutes(items: DiaryEntry[] = ENTRIES) {
  return { ...worldRoutes(), 'GET /api/preferences/diary': { body: { items, page: 0, size: 50, total: items.length } } };
}

describe('diary page', () => {
  it('shows viewings by month, latest first, with posters, scores, rewatch, liked and tags', async () => {
    stubFetch(diaryRoutes());
    renderApp('/diary');

    const november = await screen.findByRole('list', { name: 'Viewings in November 2025' });
    const entries = within(november).getAllByRole('listitem', { name: /./ });
    expect(entries.map((li) => within(li).getByRole('heading').textContent)).toEqual(['Heat (1995)', 'Toy Story (1995)']);
    const first = entries[0]!;
    expect(within(first).getByRole('link', { name: 'Heat' })).toHaveAttribute('href', '/movies/6');
    expect(within(first).getByRole('img', { name: '4.5 out of 5 stars' })).toBeInTheDocument();
    expect(within(first).getByText('Rewatch')).toBeInTheDocument();
    expect(within(first).getByText('Liked')).toBeInTheDocument();
    expect(within(first).getByText('cinema')).toBeInTheDocument();
    expect(within(first).getByText('Nov 20, 2025')).toHaveAttribute('dateTime', '2025-11-20');
    expect(first.querySelector('.poster-thumb')).not.toBeNull();
    const october = screen.getByRole('list', { name: 'Viewings in October 2025' });
    expect(within(october).getByRole('link', { name: 'The Godfather' })).toBeInTheDocument();
    expect(screen.getByRole('heading', { level: 2, name: 'November 2025' })).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);
  });

  it('filters by year through the address and the diary query', async () => {
    const { calls } = stubFetch(diaryRoutes());
    const user = userEvent.setup();
    renderApp('/diary');
    await screen.findByRole('list', { name: 'Viewings in November 2025' });

    await user.selectOptions(screen.getByLabelText('Year'), String(new Date().getFullYear() - 1));
    await waitFor(() =>
      expect(calls.some((c) => c.url.pathname === '/api/preferences/diary' && c.url.searchParams.get('year') === String(new Date().getFullYear() - 1))).toBe(true),
    );
    expect(screen.getByRole('link', { name: `Stats for ${new Date().getFullYear() - 1}` })).toHaveAttribute(
      'href',
      `/stats?year=${new Date().getFullYear() - 1}`,
    );
  });

  it('edits a viewing with PATCH and shows the saved entry', async () => {
    setCookie('XSRF-TOKEN=t');
    const changed = { ...ENTRIES[1]!, score: 3, watchedOn: '2025-11-03' };
    const { calls } = stubFetch({
      ...diaryRoutes(),
      'PATCH /api/preferences/diary/30': { body: changed },
      'GET /api/preferences/diary': [
        { body: { items: ENTRIES, page: 0, size: 50, total: 3 } },
        { body: { items: [ENTRIES[0], changed, ENTRIES[2]], page: 0, size: 50, total: 3 } },
      ],
    });
    const user = userEvent.setup();
    renderApp('/diary');

    await user.click(await screen.findByRole('button', { name: 'Edit your viewing of Toy Story on Nov 2, 2025' }));
    const form = screen.getByRole('form', { name: 'Change your viewing of Toy Story' });
    const date = within(form).getByLabelText('Date watched');
    await user.clear(date);
    await user.type(date, '2025-11-03');
    await user.click(within(form).getByLabelText('3 stars'));
    await user.click(within(form).getByRole('button', { name: 'Save changes' }));

    expect(await screen.findByText('Saved your viewing of Toy Story.')).toBeInTheDocument();
    const patch = calls.find((c) => c.method === 'PATCH');
    expect(patch?.url.pathname).toBe('/api/preferences/diary/30');
    expect(patch?.body).toEqual({ watchedOn: '2025-11-03', score: 3, review: null, rewatch: false, tags: [], liked: false });
    expect(await screen.findByText('Nov 3, 2025')).toBeInTheDocument();
    expect(screen.queryByRole('form')).not.toBeInTheDocument();
  });

  it('deletes a viewing only after it is confirmed', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...diaryRoutes(),
      'DELETE /api/preferences/diary/29': { status: 204 },
      'GET /api/preferences/diary': [
        { body: { items: ENTRIES, page: 0, size: 50, total: 3 } },
        { body: { items: ENTRIES.slice(0, 2), page: 0, size: 50, total: 2 } },
      ],
    });
    const user = userEvent.setup();
    renderApp('/diary');

    await user.click(await screen.findByRole('button', { name: 'Delete your viewing of The Godfather on Oct 31, 2025' }));
    const confirm = screen.getByRole('group', { name: 'Delete your viewing of The Godfather?' });
    await user.click(within(confirm).getByRole('button', { name: 'Keep it' }));
    expect(calls.some((c) => c.method === 'DELETE')).toBe(false);

    await user.click(screen.getByRole('button', { name: 'Delete your viewing of The Godfather on Oct 31, 2025' }));
    await user.click(screen.getByRole('button', { name: 'Yes, delete it' }));
    expect(await screen.findByText('Deleted your viewing of The Godfather on Oct 31, 2025.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url.pathname)).toEqual(['/api/preferences/diary/29']);
    await waitFor(() => expect(screen.queryByRole('list', { name: 'Viewings in October 2025' })).not.toBeInTheDocument());
  });

  it('says what to do when the diary is empty', async () => {
    stubFetch(diaryRoutes([]));
    renderApp('/diary');
    expect(await screen.findByText('Your diary is empty')).toBeInTheDocument();
    expect(screen.getAllByRole('link', { name: /bring your history/i })[0]).toHaveAttribute('href', '/import');
  });

  it('groups entries by month in the order given', () => {
    expect(byMonth(ENTRIES).map((g) => [g.label, g.entries.length])).toEqual([
      ['November 2025', 2],
      ['October 2025', 1],
    ]);
  });
});
