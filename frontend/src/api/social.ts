// The social layer's endpoints (lists, recommending to a friend, likes, comments, notifications,
// privacy), as ../shared API.md "Additions" names them.
import { request } from './client';
import type { Movie, RatingsPage, UserRef } from './types';

export type Visibility = 'PUBLIC' | 'FRIENDS' | 'PRIVATE';

export interface ListItem {
  position: number;
  movie: Movie;
  note?: string | null;
}

export interface MovieList {
  id: number;
  owner: UserRef;
  name: string;
  description?: string | null;
  ranked: boolean;
  visibility: Visibility;
  items?: ListItem[];
  /** Some list summaries count their movies without listing them. */
  movieCount?: number;
  createdAt: string;
  updatedAt: string;
}

export interface ListDraft {
  name: string;
  description?: string;
  ranked?: boolean;
  visibility?: Visibility;
}

export interface ReceivedRecommendation {
  from: UserRef;
  movie: Movie;
  note?: string | null;
  sentAt: string;
}

export interface Comment {
  id: number;
  author: UserRef;
  text: string;
  createdAt: string;
}

export type NotificationType = 'FRIEND_REQUEST' | 'FRIEND_ACCEPTED' | 'LIKED' | 'COMMENTED' | 'RECOMMENDED' | string;

export interface Notification {
  id: number;
  type: NotificationType;
  actor: UserRef;
  activityId?: number | string | null;
  movieId?: number | null;
  text?: string | null;
  createdAt: string;
  read: boolean;
}

export interface Notifications {
  items: Notification[];
  unreadCount: number;
  nextCursor?: string | null;
}

export const social = {
  // --- privacy ---
  setVisibility: (visibility: Visibility) => request<unknown>('/api/users/me', { method: 'PATCH', body: { visibility } }),

  // --- lists ---
  myLists: (signal?: AbortSignal) => request<{ items: MovieList[] }>('/api/preferences/lists', { signal }),
  memberRatings: (userId: number, signal?: AbortSignal) =>
    request<RatingsPage>(`/api/preferences/members/${userId}/ratings`, { query: { page: 0, size: 12 }, signal }),
  memberLists: (userId: number, signal?: AbortSignal) =>
    request<{ items: MovieList[] }>(`/api/preferences/members/${userId}/lists`, { signal }),
  list: (id: number, signal?: AbortSignal) => request<MovieList>(`/api/preferences/lists/${id}`, { signal, expireSession: false }),
  createList: (draft: ListDraft) => request<MovieList>('/api/preferences/lists', { method: 'POST', body: draft }),
  updateList: (id: number, draft: Partial<ListDraft>) =>
    request<MovieList>(`/api/preferences/lists/${id}`, { method: 'PATCH', body: draft }),
  deleteList: (id: number) => request<void>(`/api/preferences/lists/${id}`, { method: 'DELETE' }),
  setListItems: (id: number, items: { movieId: number; note?: string | null }[]) =>
    request<MovieList>(`/api/preferences/lists/${id}/items`, {
      method: 'PUT',
      body: { items: items.map((i) => (i.note ? { movieId: i.movieId, note: i.note } : { movieId: i.movieId })) },
    }),

  // --- recommending to a friend ---
  recommendToFriend: (toUserId: number, movieId: number, note?: string) =>
    request<unknown>('/api/preferences/recommendations/sent', {
      method: 'POST',
      body: note?.trim() ? { toUserId, movieId, note: note.trim() } : { toUserId, movieId },
    }),
  receivedRecommendations: (signal?: AbortSignal) =>
    request<{ items: ReceivedRecommendation[] }>('/api/preferences/recommendations/received', { signal }),

  // --- likes and comments ---
  like: (activityId: number | string) => request<void>(`/api/activities/${activityId}/like`, { method: 'PUT' }),
  unlike: (activityId: number | string) => request<void>(`/api/activities/${activityId}/like`, { method: 'DELETE' }),
  comments: (activityId: number | string, signal?: AbortSignal) =>
    request<{ items: Comment[] }>(`/api/activities/${activityId}/comments`, { signal }),
  comment: (activityId: number | string, text: string) =>
    request<Comment>(`/api/activities/${activityId}/comments`, { method: 'POST', body: { text } }),
  deleteComment: (commentId: number) => request<void>(`/api/activities/comments/${commentId}`, { method: 'DELETE' }),

  // --- notifications ---
  notifications: (before?: string | null, signal?: AbortSignal) =>
    request<Notifications>('/api/activities/notifications', { query: { before: before ?? undefined, limit: 20 }, signal }),
  /** Just the unread count (the header asks it at every page): one notification comes along. */
  unreadCount: async (signal?: AbortSignal) =>
    (await request<Notifications>('/api/activities/notifications', { query: { limit: 1 }, signal })).unreadCount,
  markNotificationsRead: (upTo?: number) =>
    request<void>('/api/activities/notifications/read', { method: 'POST', body: upTo === undefined ? {} : { upTo } }),
};
