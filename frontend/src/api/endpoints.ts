import { ApiError, request } from './client';
import type {
  AccountSession,
  Feed,
  FriendRequest,
  DiaryEntry,
  DiaryPage,
  Genre,
  HistoryImport,
  Home,
  Me,
  Movie,
  Paged,
  PublicProfile,
  RatedMovie,
  RatingSummary,
  RatingsPage,
  Recommendations,
  SavedRating,
  Viewing,
  Watchlist,
  YearStats,
} from './types';

export interface MovieQuery {
  q?: string;
  genre?: string;
  yearFrom?: string | number;
  yearTo?: string | number;
  sort?: string;
  page?: number;
  size?: number;
}

export const api = {
  // --- auth and account ---
  me: (options: { refresh?: boolean; signal?: AbortSignal } = {}) =>
    request<Me>('/api/users/me', { ...options, expireSession: false }),
  register: (body: { username: string; email: string; password: string; displayName?: string }) =>
    request<Me>('/api/auth/register', { method: 'POST', body }),
  login: (body: { login: string; password: string }) =>
    request<{ user: Me }>('/api/auth/login', { method: 'POST', body }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', expireSession: false }),
  updateMe: (body: { displayName?: string; bio?: string; visibility?: 'PUBLIC' | 'FRIENDS' | 'PRIVATE' }) =>
    request<Me>('/api/users/me', { method: 'PATCH', body }),
  deleteMe: (password: string) => request<void>('/api/users/me', { method: 'DELETE', body: { password } }),
  changePassword: (currentPassword: string, newPassword: string) =>
    request<void>('/api/users/me/password', { method: 'PUT', body: { currentPassword, newPassword } }),
  sessions: (signal?: AbortSignal) => request<{ items: AccountSession[] }>('/api/users/me/sessions', { signal }),
  endSession: (id: string) => request<void>(`/api/users/me/sessions/${encodeURIComponent(id)}`, { method: 'DELETE' }),
  endOtherSessions: () => request<void>('/api/users/me/sessions', { method: 'DELETE' }),

  // --- people and friends ---
  user: (id: number, signal?: AbortSignal) => request<PublicProfile>(`/api/users/${id}`, { signal }),
  searchUsers: (q: string, signal?: AbortSignal) =>
    request<{ items: PublicProfile[] }>('/api/users', { query: { q, limit: 20 }, signal }),
  friends: (signal?: AbortSignal) => request<{ items: PublicProfile[] }>('/api/users/me/friends', { signal }),
  unfriend: (userId: number) => request<void>(`/api/users/me/friends/${userId}`, { method: 'DELETE' }),
  friendRequests: (direction: 'incoming' | 'outgoing', signal?: AbortSignal) =>
    request<{ items: FriendRequest[] }>('/api/users/me/friend-requests', { query: { direction }, signal }),
  sendFriendRequest: (userId: number) =>
    request<FriendRequest>('/api/users/me/friend-requests', { method: 'POST', body: { userId } }),
  acceptFriendRequest: (id: number) =>
    request<FriendRequest>(`/api/users/me/friend-requests/${id}/accept`, { method: 'POST' }),
  declineFriendRequest: (id: number) =>
    request<void>(`/api/users/me/friend-requests/${id}/decline`, { method: 'POST' }),
  cancelFriendRequest: (id: number) => request<void>(`/api/users/me/friend-requests/${id}`, { method: 'DELETE' }),

  // --- movies ---
  movies: (query: MovieQuery, signal?: AbortSignal) =>
    request<Paged<Movie>>('/api/movies', { query: { ...query }, signal }),
  moviesByIds: (ids: number[], signal?: AbortSignal) =>
    ids.length === 0
      ? Promise.resolve({ items: [] as Movie[] })
      : request<{ items: Movie[] }>('/api/movies', { query: { ids: ids.slice(0, 100).join(',') }, signal }),
  movie: (id: number, signal?: AbortSignal) => request<Movie>(`/api/movies/${id}`, { signal }),
  genres: (signal?: AbortSignal) => request<{ items: Genre[] }>('/api/movies/genres', { signal }),

  // --- preferences ---
  home: (signal?: AbortSignal) => request<Home>('/api/preferences/home', { signal }),
  rate: (movieId: number, score: number, review?: string) =>
    request<SavedRating>(`/api/preferences/ratings/${movieId}`, {
      method: 'PUT',
      body: review && review.trim() ? { score, review } : { score },
    }),
  unrate: (movieId: number) => request<void>(`/api/preferences/ratings/${movieId}`, { method: 'DELETE' }),
  ratings: (page: number, size: number, signal?: AbortSignal) =>
    request<RatingsPage>('/api/preferences/ratings', { query: { page, size }, signal }),
  /** There is no per-movie read of my rating: looks through my ratings, newest first. */
  myRating: async (movieId: number, signal?: AbortSignal): Promise<RatedMovie | null> => {
    for (let page = 0; page < 20; page++) {
      const answer = await api.ratings(page, 100, signal);
      const found = answer.items.find((item) => item.movie?.id === movieId);
      if (found) return found;
      if (answer.items.length < 100 || (page + 1) * 100 >= answer.total) return null;
    }
    return null;
  },
  summary: (movieId: number, signal?: AbortSignal) =>
    request<RatingSummary>(`/api/preferences/movies/${movieId}/summary`, { signal }),
  recommendations: (limit: number, signal?: AbortSignal) =>
    request<Recommendations>('/api/preferences/recommendations', { query: { limit }, signal }),
  /** Similar movies may not exist on the server yet: a 404 means "none yet". */
  similar: async (movieId: number, limit: number, signal?: AbortSignal): Promise<Recommendations> => {
    try {
      return await request<Recommendations>(`/api/preferences/movies/${movieId}/similar`, {
        query: { limit },
        signal,
      });
    } catch (error) {
      if (error instanceof ApiError && error.status === 404) return { items: [] };
      throw error;
    }
  },
  watchlist: (page: number, size: number, signal?: AbortSignal) =>
    request<Watchlist>('/api/preferences/watchlist', { query: { page, size }, signal }),
  /** The watchlist has no per-movie lookup: reads it a hundred at a time until the movie turns up. */
  isInWatchlist: async (movieId: number, signal?: AbortSignal): Promise<boolean> => {
    for (let page = 0; page < 50; page++) {
      const answer = await api.watchlist(page, 100, signal);
      if (answer.items.some((item) => item.movie?.id === movieId)) return true;
      const total = answer.total ?? answer.items.length;
      if (answer.items.length < 100 || (page + 1) * 100 >= total) return false;
    }
    return false;
  },
  addToWatchlist: (movieId: number) => request<void>(`/api/preferences/watchlist/${movieId}`, { method: 'PUT' }),
  removeFromWatchlist: (movieId: number) =>
    request<void>(`/api/preferences/watchlist/${movieId}`, { method: 'DELETE' }),

  // --- diary, stats, imports ---
  diary: (query: { year?: number; month?: number; page: number; size: number }, signal?: AbortSignal) =>
    request<DiaryPage>('/api/preferences/diary', { query: { ...query }, signal }),
  logViewing: (movieId: number, viewing: Viewing) =>
    request<DiaryEntry>('/api/preferences/diary', { method: 'POST', body: { movieId, ...viewing } }),
  changeViewing: (id: number, viewing: Partial<Viewing>) =>
    request<DiaryEntry>(`/api/preferences/diary/${id}`, { method: 'PATCH', body: viewing }),
  deleteViewing: (id: number) => request<void>(`/api/preferences/diary/${id}`, { method: 'DELETE' }),
  stats: (year: number, signal?: AbortSignal) =>
    request<YearStats>('/api/preferences/stats', { query: { year }, signal }),
  uploadImport: (file: File) => {
    const form = new FormData();
    form.append('file', file, file.name);
    return request<HistoryImport>('/api/preferences/imports', { method: 'POST', body: form });
  },
  historyImport: (id: number, signal?: AbortSignal) =>
    request<HistoryImport>(`/api/preferences/imports/${id}`, { signal }),
  chooseForImport: (id: number, choices: { row: number; movieId: number | null }[]) =>
    request<HistoryImport>(`/api/preferences/imports/${id}/choices`, { method: 'POST', body: { choices } }),
  applyImport: (id: number) =>
    request<HistoryImport>(`/api/preferences/imports/${id}/apply`, { method: 'POST' }),
  undoImport: (id: number) => request<HistoryImport>(`/api/preferences/imports/${id}`, { method: 'DELETE' }),

  // --- activities ---
  feed: (before?: string | null, signal?: AbortSignal) =>
    request<Feed>('/api/activities/feed', { query: { before: before ?? undefined, limit: 20 }, signal }),
  userActivity: (userId: number, before?: string | null, signal?: AbortSignal) =>
    request<Feed>(`/api/activities/users/${userId}`, {
      query: { before: before ?? undefined, limit: 20 },
      signal,
    }),
};
