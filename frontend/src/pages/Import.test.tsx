import { screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import type { HistoryImport } from '../api/types';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, MOVIES, renderApp, setCookie, stubFetch } from '../test/utils';

const COUNTS = { rows: 5, matched: 2, ambiguous: 1, unmatched: 1, duplicates: 1, invalid: 0 };

function importOf(state: HistoryImport['state'], extra: Partial<HistoryImport> = {}): HistoryImport {
  return {
    id: 41,
    source: 'LETTERBOXD',
    fileName: 'diary.csv',
    state,
    counts: COUNTS,
    skipped: [],
    message: null,
    startedAt: '2026-11-30T10:00:00Z',
    ...extra,
  };
}

const REVIEW = [
  {
    row: 3,
    where: 'diary.csv line 4',
    status: 'AMBIGUOUS',
    title: 'Heat',
    year: 1995,
    kind: 'VIEWING',
    candidates: [MOVIES[1]!, { id: 9001, title: 'Heat', year: 1994, genres: ['Drama'] }],
  },
  { row: 5, where: 'diary.csv line 6', status: 'UNMATCHED', title: 'A Film Nobody Made', year: 2031, kind: 'RATING', candidates: [] },
  {
    row: 6,
    where: 'lists/heist-nights.csv line 6',
    status: 'UNMATCHED',
    title: 'A Heist Nobody Filmed',
    year: 2030,
    kind: 'LIST_ITEM',
    candidates: [],
    list: 'Heist nights',
  },
];
const LISTS = [{ name: 'Heist nights', movies: 2, matched: 1 }];

function csv(name = 'diary.csv') {
  return new File(['Date,Name,Year,Letterboxd URI,Rating,Rewatch,Tags,Watched Date\n'], name, { type: 'text/csv' });
}

describe('import page', () => {
  it('uploads, shows progress while analysing, lets me choose, applies, and undoes', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'POST /api/preferences/imports': { status: 202, body: importOf('ANALYSING') },
      'GET /api/preferences/imports/41': [
        { body: importOf('ANALYSING', { progress: { done: 2, total: 5 } }) },
        { body: importOf('PREVIEW', { review: REVIEW, invalid: [], lists: LISTS, counts: { ...COUNTS, lists: 1 } }) },
        { body: importOf('APPLYING', { progress: { done: 1, total: 5 } }) },
        { body: importOf('DONE', { review: [], invalid: [] }) },
      ],
      'POST /api/preferences/imports/41/choices': { body: importOf('PREVIEW', { review: REVIEW.slice(1), invalid: [] }) },
      'POST /api/preferences/imports/41/apply': { status: 202, body: importOf('APPLYING') },
      'DELETE /api/preferences/imports/41': { status: 202, body: importOf('UNDONE') },
    });
    const user = userEvent.setup();
    renderApp('/import');

    await user.upload(await screen.findByLabelText(/^File/), csv());
    await user.click(screen.getByRole('button', { name: 'Upload and analyse' }));

    const progress = await screen.findByRole('progressbar', { name: /Analysing 5 rows.* 40%$/ });
    expect(progress).toHaveAttribute('value', '2');
    expect(progress).toHaveAttribute('max', '5');
    const upload = calls.find((c) => c.method === 'POST' && c.url.pathname === '/api/preferences/imports');
    expect(upload?.rawBody).toBeInstanceOf(FormData);
    expect(((upload?.rawBody as FormData).get('file') as File).name).toBe('diary.csv');
    expect(upload?.headers.get('Content-Type')).toBeNull();
    expect(upload?.headers.get('X-XSRF-TOKEN')).toBe('t');

    const choice = await screen.findByRole('group', { name: /Heat \(1995\)/ });
    expect(screen.queryByRole('progressbar')).not.toBeInTheDocument();
    const counts = screen.getByLabelText('What the file holds');
    expect(within(counts).getByText('Need your choice').nextSibling).toHaveTextContent('1');
    expect(within(counts).getByText('Already here').nextSibling).toHaveTextContent('1');
    const unmatched = screen.getByRole('region', { name: 'Not in the catalogue' });
    expect(within(unmatched).getByText(/A Film Nobody Made \(2031\)/)).toBeInTheDocument();
    expect(within(unmatched).getByText(/on the list Heist nights, lists\/heist-nights.csv line 6/)).toBeInTheDocument();
    expect(within(counts).getByText('Lists').nextSibling).toHaveTextContent('1');
    const lists = screen.getByRole('region', { name: 'Lists' });
    expect(within(lists).getByText(/1 of 2 movies found/)).toBeInTheDocument();
    expect(screen.getByText(/Applying adds 2 rows/)).toBeInTheDocument();
    expect(await axeViolations()).toEqual([]);

    await user.click(within(choice).getByRole('radio', { name: /Heat \(1994\)/ }));
    expect(screen.getByText(/Applying adds 3 rows/)).toBeInTheDocument();
    await user.click(screen.getByRole('button', { name: 'Apply the import' }));

    expect(await screen.findByText(/Imported\./)).toBeInTheDocument();
    const posts = calls.filter((c) => c.method === 'POST').map((c) => [c.url.pathname, c.body]);
    expect(posts.slice(1)).toEqual([
      ['/api/preferences/imports/41/choices', { choices: [{ row: 3, movieId: 9001 }] }],
      ['/api/preferences/imports/41/apply', undefined],
    ]);

    await user.click(screen.getByRole('button', { name: 'Undo this import' }));
    expect(await screen.findByText('This import is undone: nothing of it remains.')).toBeInTheDocument();
    expect(calls.filter((c) => c.method === 'DELETE').map((c) => c.url.pathname)).toEqual(['/api/preferences/imports/41']);
    await user.click(screen.getByRole('button', { name: 'Import another file' }));
    expect(screen.getByRole('button', { name: 'Upload and analyse' })).toBeInTheDocument();
  }, 20_000);

  it('a skipped ambiguous row is sent as a choice of none', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/imports/41': [{ body: importOf('PREVIEW', { review: REVIEW, invalid: [] }) }, { body: importOf('DONE') }],
      'POST /api/preferences/imports/41/choices': { body: importOf('PREVIEW') },
      'POST /api/preferences/imports/41/apply': { status: 202, body: importOf('APPLYING') },
    });
    const user = userEvent.setup();
    renderApp('/import?id=41');

    await user.click(await screen.findByRole('radio', { name: 'None of these: skip this row' }));
    await user.click(screen.getByRole('button', { name: 'Apply the import' }));
    await waitFor(() => expect(calls.some((c) => c.url.pathname.endsWith('/apply'))).toBe(true));
    expect(calls.find((c) => c.url.pathname.endsWith('/choices'))?.body).toEqual({ choices: [{ row: 3, movieId: null }] });
  });

  it('shows the reason a file is refused', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      ...worldRoutes(),
      'POST /api/preferences/imports': {
        status: 400,
        body: { title: 'Bad Request', status: 400, detail: 'The file is named .zip but is not a ZIP archive' },
      },
    });
    const user = userEvent.setup();
    renderApp('/import');

    await user.click(await screen.findByRole('button', { name: 'Upload and analyse' }));
    expect(screen.getByRole('alert')).toHaveTextContent(/Choose a file first/);

    await user.upload(screen.getByLabelText(/^File/), csv('export.zip'));
    await user.click(screen.getByRole('button', { name: 'Upload and analyse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('The file is named .zip but is not a ZIP archive');
    expect(await axeViolations()).toEqual([]);
  });

  it('refuses a file over 50 MB before sending it, and explains nginx’s 413', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      ...worldRoutes(),
      'POST /api/preferences/imports': { status: 413, body: { title: 'Payload Too Large', status: 413 } },
    });
    const user = userEvent.setup();
    renderApp('/import');

    const big = csv('big.csv');
    Object.defineProperty(big, 'size', { value: 50 * 1024 * 1024 + 1 });
    await user.upload(await screen.findByLabelText(/^File/), big);
    await user.click(screen.getByRole('button', { name: 'Upload and analyse' }));
    expect(screen.getByRole('alert')).toHaveTextContent('big.csv is larger than 50 MB');
    expect(calls.some((c) => c.method === 'POST' && c.url.pathname === '/api/preferences/imports')).toBe(false);

    await user.upload(screen.getByLabelText(/^File/), csv());
    await user.click(screen.getByRole('button', { name: 'Upload and analyse' }));
    expect(await screen.findByRole('alert')).toHaveTextContent('That file is too large.');
  });

  it('says why an import failed', async () => {
    stubFetch({
      ...worldRoutes(),
      'GET /api/preferences/imports/41': { body: importOf('FAILED', { message: 'The catalogue could not be read; try again later' }) },
    });
    renderApp('/import?id=41');
    expect(await screen.findByRole('alert')).toHaveTextContent('The catalogue could not be read; try again later');
    expect(screen.getByRole('button', { name: 'Import another file' })).toBeInTheDocument();
  });
});
