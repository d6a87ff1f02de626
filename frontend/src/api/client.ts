import type { Problem, ProblemField } from './types';

/**
 * The one way the web app talks to the API.
 *
 * - Every unsafe request (POST/PUT/PATCH/DELETE) carries `X-XSRF-TOKEN` with the value of the
 *   readable `XSRF-TOKEN` cookie (fetched from GET /api/auth/csrf first when it is missing).
 * - A 401 triggers one POST /api/auth/refresh and one retry. Refresh tokens rotate and reusing
 *   one revokes the whole family, so concurrent 401s share the same in-flight refresh.
 * - When the refresh fails the session is over: the "session expired" handler sends the
 *   person back to sign-in.
 * - Errors become an ApiError that carries the problem+json `detail` in plain words.
 */

export const CSRF_COOKIE = 'XSRF-TOKEN';
export const CSRF_HEADER = 'X-XSRF-TOKEN';

const UNSAFE_METHODS = new Set(['POST', 'PUT', 'PATCH', 'DELETE']);
/** Answers of these are about credentials themselves: a 401 there is final. */
const NO_REFRESH_PATHS = ['/api/auth/login', '/api/auth/register', '/api/auth/refresh', '/api/auth/logout'];

export class ApiError extends Error {
  readonly status: number;
  readonly title?: string;
  readonly type?: string;
  readonly detail: string;
  readonly fieldErrors: ProblemField[];
  /** Seconds to wait, from Retry-After on a 429 or 503. */
  readonly retryAfter?: number;

  constructor(status: number, detail: string, problem: Problem = {}, retryAfter?: number) {
    super(detail);
    this.name = 'ApiError';
    this.status = status;
    this.detail = detail;
    this.title = problem.title;
    this.type = problem.type;
    this.fieldErrors = Array.isArray(problem.errors) ? problem.errors : [];
    this.retryAfter = retryAfter;
  }

  /** The message for one form field, if the server rejected it. */
  fieldError(field: string): string | undefined {
    return this.fieldErrors.find((e) => e.field === field)?.message;
  }
}

export interface RequestOptions {
  method?: string;
  /** Sent as JSON, or as multipart when it is FormData. */
  body?: unknown;
  query?: Record<string, string | number | undefined | null>;
  signal?: AbortSignal;
  /** Try a silent refresh on 401 (default true). */
  refresh?: boolean;
  /** Call the session-expired handler when the refresh fails (default true). */
  expireSession?: boolean;
}

type SessionExpiredHandler = () => void;

let sessionExpiredHandler: SessionExpiredHandler = () => {
  if (typeof window !== 'undefined' && window.location.pathname !== '/signin') {
    window.location.assign('/signin?expired=1');
  }
};

/** The session provider routes expired sessions to sign-in without a page reload. */
export function onSessionExpired(handler: SessionExpiredHandler): () => void {
  const previous = sessionExpiredHandler;
  sessionExpiredHandler = handler;
  return () => {
    sessionExpiredHandler = previous;
  };
}

export function readCookie(name: string): string | undefined {
  if (typeof document === 'undefined') return undefined;
  for (const part of document.cookie.split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return decodeURIComponent(rest.join('='));
  }
  return undefined;
}

let csrfInFlight: Promise<void> | null = null;

/** Makes sure the XSRF-TOKEN cookie exists; concurrent callers share one request. */
export function ensureCsrfToken(): Promise<void> {
  if (readCookie(CSRF_COOKIE)) return Promise.resolve();
  csrfInFlight ??= fetch('/api/auth/csrf', { credentials: 'same-origin' })
    .then(() => undefined)
    .catch(() => undefined)
    .finally(() => {
      csrfInFlight = null;
    });
  return csrfInFlight;
}

let refreshInFlight: Promise<boolean> | null = null;

/**
 * One silent refresh, shared by everyone who needs it right now. Resolves to whether the
 * session was renewed.
 */
export function refreshSession(): Promise<boolean> {
  refreshInFlight ??= (async () => {
    try {
      await ensureCsrfToken();
      const response = await fetch('/api/auth/refresh', {
        method: 'POST',
        credentials: 'same-origin',
        headers: csrfHeaders({ Accept: 'application/json, application/problem+json' }),
      });
      return response.ok;
    } catch {
      return false;
    } finally {
      refreshInFlight = null;
    }
  })();
  return refreshInFlight;
}

function csrfHeaders(headers: Record<string, string>): Record<string, string> {
  const token = readCookie(CSRF_COOKIE);
  if (token) headers[CSRF_HEADER] = token;
  return headers;
}

function buildUrl(path: string, query?: RequestOptions['query']): string {
  if (!query) return path;
  const params = new URLSearchParams();
  for (const [key, value] of Object.entries(query)) {
    if (value !== undefined && value !== null && value !== '') params.set(key, String(value));
  }
  const text = params.toString();
  return text ? `${path}${path.includes('?') ? '&' : '?'}${text}` : path;
}

function parseRetryAfter(value: string | null): number | undefined {
  if (!value) return undefined;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, Math.round(seconds));
  const date = Date.parse(value);
  if (Number.isNaN(date)) return undefined;
  return Math.max(0, Math.round((date - Date.now()) / 1000));
}

const FALLBACK_DETAIL: Record<number, string> = {
  400: 'That request was not accepted.',
  401: 'Please sign in to continue.',
  403: 'You are not allowed to do that.',
  404: 'We could not find that.',
  409: 'That conflicts with something that already exists.',
  413: 'That file is too large.',
  429: 'Too many requests. Please wait a moment and try again.',
  502: 'Cinemates is having trouble right now. Please try again shortly.',
  503: 'Part of Cinemates is unavailable right now. Please try again shortly.',
  504: 'Cinemates took too long to answer. Please try again.',
};

async function toApiError(response: Response): Promise<ApiError> {
  let problem: Problem = {};
  const type = response.headers.get('Content-Type') ?? '';
  if (type.includes('json')) {
    try {
      problem = (await response.json()) as Problem;
    } catch {
      problem = {};
    }
  }
  const detail =
    (typeof problem.detail === 'string' && problem.detail.trim()) ||
    FALLBACK_DETAIL[response.status] ||
    (response.status >= 500
      ? 'Something went wrong on our side. Please try again.'
      : 'That did not work. Please check and try again.');
  return new ApiError(response.status, detail, problem, parseRetryAfter(response.headers.get('Retry-After')));
}

async function send(url: string, method: string, options: RequestOptions): Promise<Response> {
  const headers: Record<string, string> = { Accept: 'application/json, application/problem+json' };
  const multipart = options.body instanceof FormData;
  if (options.body !== undefined && !multipart) headers['Content-Type'] = 'application/json';
  if (UNSAFE_METHODS.has(method)) {
    await ensureCsrfToken();
    csrfHeaders(headers);
  }
  try {
    return await fetch(url, {
      method,
      headers,
      credentials: 'same-origin',
      body: options.body === undefined ? undefined : multipart ? (options.body as FormData) : JSON.stringify(options.body),
      signal: options.signal,
    });
  } catch (error) {
    if (error instanceof DOMException && error.name === 'AbortError') throw error;
    throw new ApiError(0, 'Could not reach Cinemates. Check your connection and try again.');
  }
}

export const SESSION_ENDED = 'Your session has ended. Please sign in again.';

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = (options.method ?? 'GET').toUpperCase();
  const url = buildUrl(path, options.query);
  let response = await send(url, method, options);

  const mayRefresh = (options.refresh ?? true) && !NO_REFRESH_PATHS.some((p) => path.startsWith(p));
  if (response.status === 401 && mayRefresh) {
    const renewed = await refreshSession();
    if (renewed) {
      response = await send(url, method, options);
    }
    if (!renewed || response.status === 401) {
      if (options.expireSession ?? true) sessionExpiredHandler();
      throw new ApiError(401, SESSION_ENDED);
    }
  }

  if (!response.ok) throw await toApiError(response);
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  return (text ? JSON.parse(text) : undefined) as T;
}

/** Turns anything thrown into words a person can read. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError) {
    if (error.retryAfter !== undefined && (error.status === 429 || error.status === 503)) {
      const s = error.retryAfter;
      return `${error.detail} Try again in ${s} second${s === 1 ? '' : 's'}.`;
    }
    return error.detail;
  }
  return 'Something unexpected went wrong. Please try again.';
}

/** For tests: forget shared in-flight promises between cases. */
export function resetClientState(): void {
  refreshInFlight = null;
  csrfInFlight = null;
}
