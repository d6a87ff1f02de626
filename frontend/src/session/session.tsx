import { createContext, useCallback, useContext, useEffect, useMemo, useState, type ReactNode } from 'react';
import { useLocation, useNavigate } from 'react-router';
import { ApiError, CSRF_COOKIE, ensureCsrfToken, onSessionExpired, readCookie } from '../api/client';
import { api } from '../api/endpoints';
import type { Me } from '../api/types';

type Status = 'checking' | 'ready' | 'unavailable';

export interface Session {
  status: Status;
  user: Me | null;
  /** Why the person landed on sign-in, if it was not their choice. */
  signInReason: string | null;
  signedIn: (user: Me) => void;
  updated: (user: Me) => void;
  signOut: () => Promise<void>;
  /** The account is gone: forget it and go to sign-in with a note. */
  ended: (reason: string) => void;
  retry: () => void;
}

const SessionContext = createContext<Session | null>(null);

export function useSession(): Session {
  const session = useContext(SessionContext);
  if (!session) throw new Error('useSession needs a SessionProvider');
  return session;
}

/** Set in this browser when its session ended here, cleared at the next sign-in. */
export const SIGNED_OUT_KEY = 'cinemates.signedOut';

function signedOutHere(): boolean {
  try {
    return window.localStorage.getItem(SIGNED_OUT_KEY) === '1';
  } catch {
    return false;
  }
}

function rememberSignedOut(signedOut: boolean) {
  try {
    if (signedOut) window.localStorage.setItem(SIGNED_OUT_KEY, '1');
    else window.localStorage.removeItem(SIGNED_OUT_KEY);
  } catch {
    // Storage may be off (private modes): the next visit asks the server, as before.
  }
}

export const SESSION_EXPIRED_REASON = 'Your session has ended. Please sign in again.';

/**
 * Knows who is signed in. On start it makes sure the XSRF-TOKEN cookie exists and asks
 * GET /api/users/me (401 = signed out). When a silent refresh fails anywhere in the app, it
 * forgets the user and goes to sign-in, remembering where the person was.
 */
export function SessionProvider({ children, initialUser }: { children: ReactNode; initialUser?: Me | null }) {
  // Without an XSRF cookie this browser has never had a session here (it comes with the session
  // cookies); after signing out here it has none either. Asking who is signed in would only
  // answer 401: a failed request in the console of every signed-out visit.
  const [noSession] = useState(() => initialUser === undefined && (!readCookie(CSRF_COOKIE) || signedOutHere()));
  const [status, setStatus] = useState<Status>(initialUser === undefined && !noSession ? 'checking' : 'ready');
  const [user, setUser] = useState<Me | null>(initialUser ?? null);
  const [signInReason, setSignInReason] = useState<string | null>(null);
  const [attempt, setAttempt] = useState(0);
  const navigate = useNavigate();
  const location = useLocation();
  const here = location.pathname + location.search;

  useEffect(() => {
    if (initialUser !== undefined) return;
    if (noSession && attempt === 0) {
      void ensureCsrfToken();
      return;
    }
    const controller = new AbortController();
    (async () => {
      try {
        const me = await api.me({ refresh: true, signal: controller.signal });
        rememberSignedOut(false);
        setUser(me);
        setStatus('ready');
      } catch (error) {
        if (controller.signal.aborted) return;
        if (error instanceof ApiError && error.status === 401) {
          rememberSignedOut(true);
          setUser(null);
          setStatus('ready');
        } else {
          setStatus('unavailable');
        }
      }
    })();
    return () => controller.abort();
  }, [attempt, initialUser, noSession]);

  useEffect(
    () =>
      onSessionExpired(() => {
        rememberSignedOut(true);
        setUser(null);
        setSignInReason(SESSION_EXPIRED_REASON);
        const next = here.startsWith('/signin') || here.startsWith('/signup') ? '/' : here;
        navigate(`/signin?next=${encodeURIComponent(next)}`, { replace: true });
      }),
    [navigate, here],
  );

  const signedIn = useCallback((me: Me) => {
    rememberSignedOut(false);
    setUser(me);
    setSignInReason(null);
    setStatus('ready');
  }, []);

  const signOut = useCallback(async () => {
    try {
      await api.logout();
    } catch {
      // Signing out locally is what matters; the cookies expire on their own.
    }
    rememberSignedOut(true);
    setUser(null);
    setSignInReason('You have signed out.');
    navigate('/signin', { replace: true });
  }, [navigate]);

  const ended = useCallback(
    (reason: string) => {
      rememberSignedOut(true);
      setUser(null);
      setSignInReason(reason);
      navigate('/signin', { replace: true });
    },
    [navigate],
  );

  const retry = useCallback(() => {
    setStatus('checking');
    setAttempt((a) => a + 1);
  }, []);

  const value = useMemo<Session>(
    () => ({ status, user, signInReason, signedIn, updated: setUser, signOut, ended, retry }),
    [status, user, signInReason, signedIn, signOut, ended, retry],
  );
  return <SessionContext.Provider value={value}>{children}</SessionContext.Provider>;
}
