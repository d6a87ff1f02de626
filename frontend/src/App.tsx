import { lazy, Suspense, type ReactNode } from 'react';
import { Link, Navigate, Route, Routes, useLocation } from 'react-router';
import { ApiError } from './api/client';
import { ErrorMessage, Loading } from './components/Feedback';
import { Layout, useTitle } from './components/Layout';
import { BrowsePage } from './pages/Browse';
import { DiaryPage } from './pages/Diary';
import { FriendsPage } from './pages/Friends';
import { HomePage } from './pages/Home';
import { ImportPage } from './pages/Import';
import { MemberPage } from './pages/Member';
import { MoviePage } from './pages/MoviePage';
import { MyRatingsPage } from './pages/MyRatings';
import { NotificationsPage } from './pages/Notifications';
import { ListPage } from './pages/ListPage';
import { ListsPage } from './pages/Lists';
import { ProfilePage } from './pages/Profile';
import { SignInPage } from './pages/SignIn';
import { SignUpPage } from './pages/SignUp';
import { WatchlistPage } from './pages/Watchlist';
import { useSession } from './session/session';

// The charts library is only needed on the stats page: it loads with it, not with the rest of the app.
const StatsPage = lazy(() => import('./pages/Stats').then((module) => ({ default: module.StatsPage })));

function RequireAuth({ children }: { children: ReactNode }) {
  const { user } = useSession();
  const location = useLocation();
  if (!user) {
    const next = location.pathname + location.search;
    return <Navigate to={next === '/' ? '/signin' : `/signin?next=${encodeURIComponent(next)}`} replace />;
  }
  return children;
}

function NotFoundPage() {
  useTitle('Page not found');
  return (
    <div className="page">
      <h1>Page not found</h1>
      <p>
        There is nothing at this address. <Link to="/">Go to the start page</Link>
      </p>
    </div>
  );
}

const UNAVAILABLE = new ApiError(
  503,
  'We could not check whether you are signed in. Cinemates may be starting up; please try again in a moment.',
);

function SessionGate({ children }: { children: ReactNode }) {
  const { status, retry } = useSession();
  if (status === 'checking') {
    return (
      <div className="page">
        <Loading label="Starting Cinemates…" />
      </div>
    );
  }
  if (status === 'unavailable') {
    return (
      <div className="page">
        <h1>Cinemates is not answering</h1>
        <ErrorMessage error={UNAVAILABLE} onRetry={retry} />
      </div>
    );
  }
  return children;
}

export function App() {
  return (
    <Layout>
      <SessionGate>
        <Routes>
          <Route path="/signin" element={<SignInPage />} />
          <Route path="/signup" element={<SignUpPage />} />
          <Route path="/" element={<RequireAuth><HomePage /></RequireAuth>} />
          <Route path="/movies" element={<RequireAuth><BrowsePage /></RequireAuth>} />
          <Route path="/movies/:id" element={<RequireAuth><MoviePage /></RequireAuth>} />
          <Route path="/ratings" element={<RequireAuth><MyRatingsPage /></RequireAuth>} />
          <Route path="/diary" element={<RequireAuth><DiaryPage /></RequireAuth>} />
          <Route
            path="/stats"
            element={
              <RequireAuth>
                <Suspense fallback={<div className="page"><Loading label="Loading your stats…" /></div>}>
                  <StatsPage />
                </Suspense>
              </RequireAuth>
            }
          />
          <Route path="/import" element={<RequireAuth><ImportPage /></RequireAuth>} />
          <Route path="/watchlist" element={<RequireAuth><WatchlistPage /></RequireAuth>} />
          <Route path="/friends" element={<RequireAuth><FriendsPage /></RequireAuth>} />
          <Route path="/profile" element={<RequireAuth><ProfilePage /></RequireAuth>} />
          <Route path="/members/:id" element={<RequireAuth><MemberPage /></RequireAuth>} />
          <Route path="/notifications" element={<RequireAuth><NotificationsPage /></RequireAuth>} />
          <Route path="/lists" element={<RequireAuth><ListsPage /></RequireAuth>} />
          {/* A public list's share link opens without an account. */}
          <Route path="/lists/:id" element={<ListPage />} />
          <Route path="*" element={<NotFoundPage />} />
        </Routes>
      </SessionGate>
    </Layout>
  );
}
