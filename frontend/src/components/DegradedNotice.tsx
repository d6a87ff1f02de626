/** What a person loses when a service is missing, in their words rather than ours. */
const MISSING_PART: Record<string, string> = {
  'activity-service': 'friends’ activity',
  'movie-service': 'movie details (titles and genres)',
  'user-service': 'your friends’ details',
  'preference-service': 'ratings and recommendations',
};

export function describeMissing(services: string[]): string {
  const parts = [...new Set(services.map((s) => MISSING_PART[s] ?? s.replace(/-service$/, '')))];
  if (parts.length <= 1) return parts.join('');
  return `${parts.slice(0, -1).join(', ')} and ${parts[parts.length - 1]}`;
}

/**
 * A quiet notice for answers that came back `degraded`: which part is missing; everything
 * else on the page keeps working.
 */
export function DegradedNotice({ services }: { services?: string[] | null }) {
  if (!services || services.length === 0) return null;
  return (
    <p className="degraded-notice" role="status">
      <svg className="degraded-icon" viewBox="0 0 20 20" aria-hidden="true" focusable="false">
        <circle cx="10" cy="10" r="8.5" fill="none" stroke="currentColor" strokeWidth="1.6" />
        <rect x="9.1" y="8.5" width="1.8" height="6" rx="0.9" fill="currentColor" />
        <circle cx="10" cy="5.9" r="1.15" fill="currentColor" />
      </svg>
      <span>
        Some of this page is missing for now: {describeMissing(services)}. The rest works as usual; try again in a
        little while.
      </span>
    </p>
  );
}
