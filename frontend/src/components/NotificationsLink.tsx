import { useEffect, useState } from 'react';
import { NavLink, useLocation } from 'react-router';
import { social } from '../api/social';

/** How often the unread count is asked for while the page stays open. */
export const UNREAD_POLL_MS = 60_000;
/** Sent on window when notifications were read here, so the count follows at once. */
export const NOTIFICATIONS_READ_EVENT = 'cinemates:notifications-read';

/** The header's link to my notifications, with the number still unread. */
export function NotificationsLink({ onClick }: { onClick?: () => void }) {
  const [unread, setUnread] = useState(0);
  const [version, setVersion] = useState(0);
  const { pathname } = useLocation();

  useEffect(() => {
    const controller = new AbortController();
    social
      .unreadCount(controller.signal)
      .then(setUnread)
      .catch(() => {
        // The count is a hint; the page itself says what went wrong.
      });
    const timer = setInterval(() => setVersion((v) => v + 1), UNREAD_POLL_MS);
    return () => {
      controller.abort();
      clearInterval(timer);
    };
  }, [pathname, version]);

  useEffect(() => {
    const read = () => setUnread(0);
    window.addEventListener(NOTIFICATIONS_READ_EVENT, read);
    return () => window.removeEventListener(NOTIFICATIONS_READ_EVENT, read);
  }, []);

  return (
    <NavLink
      to="/notifications"
      onClick={onClick}
      className="notifications-link"
      // The visible words ("Notifications 3") begin the name, as speech input expects.
      aria-label={unread > 0 ? `Notifications ${unread > 99 ? '99+' : unread} unread` : undefined}
    >
      Notifications
      {unread > 0 && ' '}
      {unread > 0 && (
        <span className="unread-badge">
          {unread > 99 ? '99+' : unread}
        </span>
      )}
    </NavLink>
  );
}
