import { render } from '@testing-library/react';
import axe from 'axe-core';
import { MemoryRouter } from 'react-router';
import { vi } from 'vitest';
import { App } from '../App';
import type { Me, Movie } from '../api/types';
import { SessionProvider } from '../session/session';

export interface StubResponse {
  status?: number;
  body?: unknown;
  headers?: Record<string, string>;
}

type Handler = StubResponse | ((request: { url: URL; method: string; body: unknown; headers: Headers }) => StubResponse);

export interface FetchCall {
  method: string;
  url: URL;
  headers: Headers;
  body: unknown;
  /** The body as sent, for bodies that are not JSON (FormData). */
  rawBody: unknown;
}

/**
 * Stubs fetch with a table of "METHOD /path" → answer (the query string is ignored for matching
 * unless the key has one). Unknown requests answer 404 problem+json, so a test sees them.
 */
export function stubFetch(routes: Record<string, Handler | Handler[]>) {
  const calls: FetchCall[] = [];
  const queues = new Map<string, Handler[]>();
  for (const [key, value] of Object.entries(routes)) queues.set(key, Array.isArray(value) ? [...value] : [value]);

  const fetchMock = vi.fn(async (input: RequestInfo | URL, init: RequestInit = {}) => {
    const url = new URL(String(input), 'http://localhost');
    const method = (init.method ?? 'GET').toUpperCase();
    const headers = new Headers(init.headers);
    const body = typeof init.body === 'string' ? JSON.parse(init.body) : undefined;
    calls.push({ method, url, headers, body, rawBody: init.body });
    const withQuery = `${method} ${url.pathname}${url.search}`;
    const key = queues.has(withQuery) ? withQuery : `${method} ${url.pathname}`;
    const queue = queues.get(key);
    let handler: Handler | undefined;
    if (queue && queue.length > 1) handler = queue.shift();
    else handler = queue?.[0];
    const answer: StubResponse = handler
      ? typeof handler === 'function'
        ? handler({ url, method, body, headers })
        : handler
      : { status: 404, body: { title: 'Not Found', status: 404, detail: `No stub for ${key}` } };
    const status = answer.status ?? 200;
    const isProblem = status >= 400;
    const text = answer.body === undefined ? '' : JSON.stringify(answer.body);
    return new Response(status === 204 ? null : text, {
      status,
      headers: {
        'Content-Type': isProblem ? 'application/problem+json' : 'application/json',
        ...answer.headers,
      },
    });
  });
  vi.stubGlobal('fetch', fetchMock);
  return { fetchMock, calls };
}

export function setCookie(value: string) {
  document.cookie = value;
}

export function clearCookies() {
  for (const part of document.cookie.split(';')) {
    const name = part.split('=')[0]?.trim();
    if (name) document.cookie = `${name}=; expires=Thu, 01 Jan 1970 00:00:00 GMT; path=/`;
  }
}

export const ME: Me = {
  id: 1,
  username: 'ann',
  displayName: 'Ann Archer',
  email: 'ann@example.org',
  bio: 'Likes heist movies.',
  createdAt: '2025-01-02T10:00:00Z',
};

export const MOVIES: Movie[] = [
  { id: 1, title: 'Toy Story', year: 1995, genres: ['Adventure', 'Animation', 'Children', 'Comedy', 'Fantasy'], imdbId: '0114709', tmdbId: '862' },
  { id: 6, title: 'Heat', year: 1995, genres: ['Action', 'Crime', 'Thriller'], imdbId: '0113277', tmdbId: '949' },
  { id: 858, title: 'Godfather, The', year: 1972, genres: ['Crime', 'Drama'], imdbId: '0068646', tmdbId: '238' },
];

export function renderApp(path: string, user: Me | null = ME) {
  return render(
    <MemoryRouter initialEntries={[path]}>
      <SessionProvider initialUser={user}>
        <App />
      </SessionProvider>
    </MemoryRouter>,
  );
}

/** Runs axe-core on the document; jsdom cannot compute colours, the browser journey checks those. */
export async function axeViolations(root: Element = document.body) {
  const result = await axe.run(root, {
    rules: { 'color-contrast': { enabled: false } },
    resultTypes: ['violations'],
  });
  return result.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`);
}
