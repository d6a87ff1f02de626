import { useEffect, useRef, useState, type ReactNode } from 'react';
import { Link, NavLink, useLocation } from 'react-router';
import { personName } from '../format';
import { useSession } from '../session/session';
import { NotificationsLink } from './NotificationsLink';
import { SearchBox } from './SearchBox';

const NAV = [
  { to: '/', label: 'Home', end: true },
  { to: '/movies', label: 'Browse', end: false },
  { to: '/diary', label: 'Diary', end: false },
  { to: '/ratings', label: 'My ratings', end: false },
  { to: '/watchlist', label: 'Watchlist', end: false },
  { to: '/lists', label: 'Lists', end: false },
  { to: '/friends', label: 'Friends', end: false },
  { to: '/profile', label: 'Profile', end: false },
];

function Logo() {
  return (
    <svg className="logo-mark" viewBox="0 0 32 32" aria-hidden="true" focusable="false">
      <rect width="32" height="32" rx="8" fill="#f5b82e" />
      <path d="M16 5l3.1 6.9 7.4.7-5.6 5 1.7 7.4L16 21.2 9.4 25l1.7-7.4-5.6-5 7.4-.7z" fill="#2a1846" />
    </svg>
  );
}

export function Layout({ children }: { children: ReactNode }) {
  const { user, signOut } = useSession();
  const [menuOpen, setMenuOpen] = useState(false);
  const location = useLocation();
  const main = useRef<HTMLElement>(null);
  const toggle = useRef<HTMLButtonElement>(null);
  const firstRender = useRef(true);

  // A new page: close the phone menu and move focus to the content, as a page load would.
  useEffect(() => {
    if (firstRender.current) {
      firstRender.current = false;
      return;
    }
    main.current?.focus({ preventScroll: true });
    window.scrollTo?.(0, 0);
  }, [location.pathname]);

  return (
    <>
      <a className="skip-link" href="#main">
        Skip to content
      </a>
      <header className="site-header">
        <div className="site-header-inner">
          <Link to={user ? '/' : '/signin'} className="brand">
            <Logo />
            <span>Cinemates</span>
          </Link>
          <SearchBox />
          {user && (
            <>
              <button
                ref={toggle}
                type="button"
                className="menu-toggle"
                aria-expanded={menuOpen}
                aria-controls="site-nav"
                onClick={() => setMenuOpen((open) => !open)}
              >
                <span className="menu-toggle-bars" aria-hidden="true" />
                Menu
              </button>
              <nav
                id="site-nav"
                className={`site-nav ${menuOpen ? 'is-open' : ''}`}
                aria-label="Main"
                onKeyDown={(event) => {
                  if (event.key === 'Escape' && menuOpen) {
                    setMenuOpen(false);
                    toggle.current?.focus();
                  }
                }}
              >
                <ul>
                  {NAV.map((item) => (
                    <li key={item.to}>
                      <NavLink to={item.to} end={item.end} onClick={() => setMenuOpen(false)}>
                        {item.label}
                      </NavLink>
                    </li>
                  ))}
                  <li>
                    <NotificationsLink onClick={() => setMenuOpen(false)} />
                  </li>
                </ul>
                <div className="site-nav-user">
                  <span className="site-nav-name">
                    Signed in as <strong>{personName(user)}</strong>
                  </span>
                  <button type="button" className="button button-ghost" onClick={() => void signOut()}>
                    Sign out
                  </button>
                </div>
              </nav>
            </>
          )}
        </div>
      </header>
      <main id="main" ref={main} tabIndex={-1}>
        {children}
      </main>
      <footer className="site-footer">
        <p>Cinemates — rate movies, follow friends, find your next film. Movie data from MovieLens.</p>
      </footer>
    </>
  );
}

/** Sets the document title for the page. */
export function useTitle(title: string) {
  useEffect(() => {
    document.title = title ? `${title} · Cinemates` : 'Cinemates';
  }, [title]);
}
