import type { StubResponse } from './utils';
import { ME, MOVIES } from './utils';

const bob = { id: 2, username: 'bob', displayName: 'Bob Brown', bio: 'Westerns, mostly.' };
const cat = { id: 3, username: 'cat', displayName: 'Cat', bio: null };

/** A whole signed-in world, answering every page's requests. */
export function worldRoutes(): Record<string, StubResponse> {
  return {
    'GET /api/users/me': { body: ME },
    'GET /api/preferences/home': {
      body: {
        recommendations: [
          { movie: MOVIES[1], score: 4.6, reasons: ['Because you liked Ronin', '3 friends rated it 4.5+'] },
          { movie: MOVIES[2], score: 4.4, reasons: ['Popular with people like you'] },
        ],
        friendActivity: [
          {
            id: 11,
            type: 'RATED',
            actor: bob,
            movieId: 1,
            score: 4.5,
            createdAt: new Date(Date.now() - 5 * 60_000).toISOString(),
            movie: MOVIES[0],
          },
          {
            id: 12,
            type: 'REVIEWED',
            actor: bob,
            movieId: 6,
            review: 'Slow, then wonderful.',
            createdAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
            movie: MOVIES[1],
          },
        ],
      },
    },
    'GET /api/movies/genres': {
      body: { items: [{ name: 'Action', count: 1828 }, { name: 'Comedy', count: 3756 }, { name: 'Drama', count: 4361 }] },
    },
    'GET /api/movies': { body: { items: MOVIES, page: 0, size: 24, total: 3 } },
    'GET /api/movies/1': { body: MOVIES[0] },
    'GET /api/preferences/movies/1/summary': {
      body: {
        movieId: 1,
        average: 4.5,
        count: 6,
        myScore: 4,
        friends: [{ user: bob, score: 4.5 }],
        community: { count: 317, average: 3.92 },
      },
    },
    'GET /api/preferences/movies/1/similar': { body: { items: [{ movie: MOVIES[1], score: 0.8 }] } },
    'GET /api/preferences/watchlist': { body: { items: [{ movie: MOVIES[2], addedAt: '2025-03-01T12:00:00Z' }] } },
    'GET /api/preferences/ratings': {
      body: {
        items: [{ movie: MOVIES[0], score: 4, review: 'A classic.', ratedAt: '2025-03-02T12:00:00Z' }],
        page: 0,
        size: 20,
        total: 1,
      },
    },
    'GET /api/users/me/friends': { body: { items: [bob] } },
    'GET /api/preferences/members/2/ratings': {
      body: { items: [{ movie: MOVIES[2], score: 5, review: null, ratedAt: '2025-03-02T12:00:00Z' }], page: 0, size: 12, total: 1 },
    },
    'GET /api/preferences/members/2/lists': { body: { items: [] } },
    'GET /api/preferences/members/3/ratings': { status: 403, body: { status: 403, detail: 'Only friends may see this.' } },
    'GET /api/preferences/members/3/lists': { status: 403, body: { status: 403, detail: 'Only friends may see this.' } },
    'GET /api/users/me/friend-requests?direction=incoming': {
      body: { items: [{ id: 7, fromUser: cat, toUser: ME, status: 'PENDING', createdAt: '2025-03-01T00:00:00Z' }] },
    },
    'GET /api/users/me/friend-requests?direction=outgoing': { body: { items: [] } },
    'GET /api/users/2': { body: bob },
    'GET /api/users/3': { body: cat },
    'GET /api/activities/users/2': {
      body: {
        items: [{ id: 21, type: 'RATED', actor: bob, movieId: 858, score: 5, createdAt: '2025-03-01T00:00:00Z' }],
        nextCursor: null,
      },
    },
    'GET /api/activities/users/3': { status: 403, body: { title: 'Forbidden', status: 403, detail: 'Not friends' } },
    'GET /api/activities/users/1': {
      body: { items: [{ id: 31, type: 'JOINED', actor: ME, createdAt: '2025-01-02T10:00:00Z' }], nextCursor: null },
    },
  };
}

export { bob, cat };
