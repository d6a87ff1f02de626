import { useCallback, useId, useState } from 'react';
import { Link, useSearchParams } from 'react-router';
import { api } from '../api/endpoints';
import type { DiaryEntry, Viewing } from '../api/types';
import { useApi } from '../api/useApi';
import { DegradedNotice } from '../components/DegradedNotice';
import { EmptyState, ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { Pager } from '../components/Pager';
import { Poster } from '../components/Poster';
import { Stars } from '../components/Stars';
import { ViewingForm } from '../components/ViewingForm';
import { formatDay, formatScore, MONTHS, movieTitle, plural } from '../format';

const PAGE_SIZE = 50;
const YEARS_OFFERED = 30;

/** Entries of one page, in the order given (latest first), grouped by the month they were watched. */
export function byMonth(entries: DiaryEntry[]): { key: string; label: string; entries: DiaryEntry[] }[] {
  const groups: { key: string; label: string; entries: DiaryEntry[] }[] = [];
  for (const entry of entries) {
    const key = entry.watchedOn.slice(0, 7);
    let group = groups[groups.length - 1];
    if (!group || group.key !== key) {
      const month = MONTHS[Number(key.slice(5, 7)) - 1] ?? key;
      group = { key, label: `${month} ${key.slice(0, 4)}`, entries: [] };
      groups.push(group);
    }
    group.entries.push(entry);
  }
  return groups;
}

function viewingOf(entry: DiaryEntry): Viewing {
  return {
    watchedOn: entry.watchedOn,
    score: entry.score ?? null,
    review: entry.review ?? null,
    rewatch: entry.rewatch,
    tags: entry.tags,
    liked: entry.liked,
  };
}

interface EntryProps {
  entry: DiaryEntry;
  onChanged: (message: string) => void;
}

function Entry({ entry, onChanged }: EntryProps) {
  const [editing, setEditing] = useState(false);
  const [confirming, setConfirming] = useState(false);
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const title = movieTitle(entry.movie);
  const day = formatDay(entry.watchedOn);
  const titleId = useId();

  async function save(viewing: Viewing) {
    await api.changeViewing(entry.id, viewing);
    setEditing(false);
    onChanged(`Saved your viewing of ${title}.`);
  }

  async function remove() {
    setBusy(true);
    setError(null);
    try {
      await api.deleteViewing(entry.id);
      onChanged(`Deleted your viewing of ${title} on ${day}.`);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <li className="row-item diary-entry" aria-labelledby={titleId}>
      <Poster movie={entry.movie} className="poster-thumb" />
      <div className="row-item-body">
        <h3 className="row-item-title" id={titleId}>
          <Link to={`/movies/${entry.movie.id}`}>{title}</Link>
          {entry.movie.year ? <span className="muted"> ({entry.movie.year})</span> : null}
        </h3>
        <p className="row-item-meta">
          <time dateTime={entry.watchedOn}>{day}</time>
          {entry.rewatch && <span className="badge">Rewatch</span>}
          {entry.liked && <span className="badge badge-liked">Liked</span>}
        </p>
        {entry.score !== null && entry.score !== undefined && (
          <p className="row-item-score">
            <Stars score={entry.score} /> <span aria-hidden="true">{formatScore(entry.score)}</span>
          </p>
        )}
        {entry.tags.length > 0 && (
          <ul className="tag-list" aria-label="Tags">
            {entry.tags.map((tag) => (
              <li key={tag} className="tag">
                {tag}
              </li>
            ))}
          </ul>
        )}
        {entry.review && <blockquote className="activity-review">{entry.review}</blockquote>}
        {editing && (
          <div className="diary-edit">
            <ViewingForm
              initial={viewingOf(entry)}
              title={`Change your viewing of ${title}`}
              level={3}
              submitLabel="Save changes"
              onSubmit={save}
              onCancel={() => setEditing(false)}
            />
          </div>
        )}
        <ErrorMessage error={error} />
        {confirming && (
          <div className="confirm" role="group" aria-label={`Delete your viewing of ${title}?`}>
            <p>Delete your viewing of {title} on {day}? Your rating follows your latest remaining viewing.</p>
            <div className="button-row">
              <button type="button" className="button button-small button-danger" onClick={remove} disabled={busy}>
                Yes, delete it
              </button>
              <button type="button" className="button button-small button-secondary" onClick={() => setConfirming(false)} disabled={busy}>
                Keep it
              </button>
            </div>
          </div>
        )}
      </div>
      {!editing && !confirming && (
        <div className="row-item-actions">
          <button type="button" className="button button-small button-secondary" onClick={() => setEditing(true)}>
            Edit <span className="sr-only">your viewing of {title} on {day}</span>
          </button>
          <button type="button" className="button button-small button-ghost-dark" onClick={() => setConfirming(true)}>
            Delete <span className="sr-only">your viewing of {title} on {day}</span>
          </button>
        </div>
      )}
    </li>
  );
}

export function DiaryPage() {
  useTitle('My diary');
  const [params, setParams] = useSearchParams();
  const page = Math.max(0, Number(params.get('page') ?? '0') || 0);
  const yearParam = Number(params.get('year'));
  const year = Number.isInteger(yearParam) && yearParam >= 1870 && yearParam <= 9999 ? yearParam : undefined;
  const load = useCallback(
    (signal: AbortSignal) => api.diary({ year, page, size: PAGE_SIZE }, signal),
    [year, page],
  );
  const { data, error, loading, reload } = useApi(load);
  const [notice, setNotice] = useState<string | null>(null);
  const thisYear = new Date().getFullYear();
  const years = Array.from({ length: YEARS_OFFERED }, (_, i) => thisYear - i);
  if (year !== undefined && !years.includes(year)) years.push(year);
  const totalPages = data ? Math.max(1, Math.ceil(data.total / (data.size || PAGE_SIZE))) : 1;

  function changed(message: string) {
    setNotice(message);
    reload();
  }

  return (
    <div className="page">
      <header className="page-header">
        <h1>My diary</h1>
        <p className="page-lede">
          Every viewing you log, latest first. Log one from any movie’s page, or{' '}
          <Link to="/import">bring your history from Letterboxd, IMDb or Trakt</Link>.
        </p>
      </header>
      <div className="toolbar">
        <div className="field field-inline">
          <label htmlFor="diary-year">Year</label>
          <select
            id="diary-year"
            value={year ?? ''}
            onChange={(e) => {
              setNotice(null);
              setParams(e.target.value ? { year: e.target.value } : {});
            }}
          >
            <option value="">All years</option>
            {years.map((y) => (
              <option key={y} value={y}>
                {y}
              </option>
            ))}
          </select>
        </div>
        <Link className="button button-small button-secondary" to={year ? `/stats?year=${year}` : '/stats'}>
          Stats for {year ?? thisYear}
        </Link>
      </div>
      {loading && !data && <Loading label="Loading your diary…" />}
      <ErrorMessage error={error} onRetry={reload} />
      {notice && <Notice>{notice}</Notice>}
      {data && <DegradedNotice services={data.degraded} />}
      {data &&
        (data.items.length === 0 ? (
          <EmptyState title={year ? `Nothing logged in ${year}` : 'Your diary is empty'}>
            <p>
              Open a movie you have seen and choose “Log a viewing”. <Link to="/movies">Browse movies</Link>
            </p>
          </EmptyState>
        ) : (
          <>
            <p className="muted">
              {plural(data.total, 'viewing')}
              {year ? ` in ${year}` : ''}
            </p>
            {byMonth(data.items).map((group) => (
              <section key={group.key} className="diary-month" aria-labelledby={`month-${group.key}`}>
                <h2 id={`month-${group.key}`}>{group.label}</h2>
                <ul className="row-list" aria-label={`Viewings in ${group.label}`}>
                  {group.entries.map((entry) => (
                    <Entry key={entry.id} entry={entry} onChanged={changed} />
                  ))}
                </ul>
              </section>
            ))}
            <Pager
              page={page}
              totalPages={totalPages}
              label="Diary pages"
              onPage={(p) => {
                const next: Record<string, string> = {};
                if (year) next.year = String(year);
                if (p > 0) next.page = String(p);
                setParams(next);
              }}
            />
          </>
        ))}
    </div>
  );
}
