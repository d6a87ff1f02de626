import { useCallback, useEffect, useRef, useState, type FormEvent } from 'react';
import { Link, useSearchParams } from 'react-router';
import { ApiError } from '../api/client';
import { api } from '../api/endpoints';
import type { HistoryImport, ImportList, ImportReviewRow } from '../api/types';
import { useApi } from '../api/useApi';
import { ErrorMessage, Loading, Notice } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { formatDate, movieTitle, plural } from '../format';

/** nginx accepts up to 50 MB on the imports path; a bigger file is refused before it is sent. */
export const MAX_UPLOAD_BYTES = 50 * 1024 * 1024;
/** How often an import that is being analysed or applied is asked about again. */
export const POLL_MILLIS = 1000;

const SOURCES: Record<string, string> = { LETTERBOXD: 'Letterboxd', IMDB: 'IMDb', TRAKT: 'Trakt' };
const KINDS: Record<string, string> = {
  VIEWING: 'viewing',
  RATING: 'rating',
  WATCHLIST: 'watchlist',
  LIKE: 'like',
  LIST_ITEM: 'list item',
};

function sourceName(source: string): string {
  return SOURCES[source.toUpperCase()] ?? source;
}

function UploadForm({ onUploaded }: { onUploaded: (id: number) => void }) {
  const input = useRef<HTMLInputElement>(null);
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function upload(event: FormEvent) {
    event.preventDefault();
    const file = input.current?.files?.[0];
    if (!file) {
      setError(new ApiError(400, 'Choose a file first: a Letterboxd export ZIP or CSV, an IMDb ratings CSV, or a Trakt export.'));
      return;
    }
    if (file.size > MAX_UPLOAD_BYTES) {
      setError(new ApiError(413, `${file.name} is larger than 50 MB; Cinemates takes files up to 50 MB.`));
      return;
    }
    setBusy(true);
    setError(null);
    try {
      const started = await api.uploadImport(file);
      onUploaded(started.id);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  return (
    <form className="panel import-upload" onSubmit={upload} aria-labelledby="upload-title">
      <h2 id="upload-title">Upload your export</h2>
      <ul className="import-sources">
        <li>
          <strong>Letterboxd</strong>: the export ZIP (Settings, Import &amp; Export), or one of its CSV files such as
          diary.csv or ratings.csv.
        </li>
        <li>
          <strong>IMDb</strong>: your ratings CSV.
        </li>
        <li>
          <strong>Trakt</strong>: the export ZIP, or its watched-history or ratings JSON file.
        </li>
      </ul>
      <div className="field">
        <label htmlFor="import-file">File (ZIP, CSV or JSON, up to 50 MB)</label>
        <input id="import-file" ref={input} type="file" accept=".zip,.csv,.json,application/zip,text/csv,application/json" />
      </div>
      <p className="muted">
        Nothing changes until you have seen the preview and chosen to apply it, and an applied import can be undone.
      </p>
      <ErrorMessage error={error} />
      <button type="submit" className="button button-primary" disabled={busy}>
        {busy ? 'Uploading…' : 'Upload and analyse'}
      </button>
    </form>
  );
}

function Counts({ current }: { current: HistoryImport }) {
  const c = current.counts;
  const tiles: [string, number][] = [
    ['Rows', c.rows],
    ['Matched', c.matched],
    ['Need your choice', c.ambiguous],
    ['Not found', c.unmatched],
    ['Already here', c.duplicates],
  ];
  if (c.invalid) tiles.push(['Unreadable', c.invalid]);
  if (c.lists) tiles.push(['Lists', c.lists]);
  return (
    <dl className="stat-tiles" aria-label="What the file holds">
      {tiles.map(([label, value]) => (
        <div className="stat-tile" key={label}>
          <dt>{label}</dt>
          <dd>{value.toLocaleString('en')}</dd>
        </div>
      ))}
    </dl>
  );
}

/** What a row is and where it came from: "viewing, diary.csv line 4", "on the list Heist nights, …". */
function rowContext(row: ImportReviewRow): string {
  const kind = row.list ? `on the list ${row.list}` : (KINDS[row.kind] ?? row.kind);
  return `${kind}, ${row.where}`;
}

/** The lists a file holds, and how many of their movies were found. */
function ImportLists({ lists }: { lists: ImportList[] }) {
  return (
    <section className="panel" aria-labelledby="import-lists-title">
      <h2 id="import-lists-title">Lists</h2>
      <p className="muted">Each becomes one of your lists, shown to your friends; you can change that on the list’s page.</p>
      <ul className="import-unmatched">
        {lists.map((list) => (
          <li key={list.name}>
            <strong>{list.name}</strong>{' '}
            <span className="muted">
              · {list.matched.toLocaleString('en')} of {plural(list.movies, 'movie')} found
            </span>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** A progress bar with the share done, when the service says how far it is. */
function Progress({ label, done, total }: { label: string; done?: number; total?: number }) {
  const known = done !== undefined && total !== undefined && total > 0;
  const percent = known ? Math.min(100, Math.round((done / total) * 100)) : null;
  return (
    <div className="panel">
      <label htmlFor="import-progress">
        {label}
        {percent !== null && ` ${percent}%`}
      </label>
      {known ? (
        <progress id="import-progress" className="import-progress" value={done} max={total} />
      ) : (
        <progress id="import-progress" className="import-progress" />
      )}
    </div>
  );
}

function rowLabel(row: ImportReviewRow): string {
  const title = row.title ? `${row.title}${row.year ? ` (${row.year})` : ''}` : `Row ${row.row}`;
  return title;
}

interface ChoicesProps {
  rows: ImportReviewRow[];
  chosen: Map<number, number | null>;
  onChoose: (row: number, movieId: number | null) => void;
  disabled: boolean;
}

function AmbiguousRows({ rows, chosen, onChoose, disabled }: ChoicesProps) {
  return (
    <section className="panel" aria-labelledby="ambiguous-title">
      <h2 id="ambiguous-title">Which movie did you mean?</h2>
      <p className="muted">These rows match more than one movie. Rows you leave without a choice are not imported.</p>
      <ol className="import-rows">
        {rows.map((row) => {
          const name = `choice-${row.row}`;
          const value = chosen.get(row.row);
          return (
            <li key={row.row}>
              <fieldset className="import-choice" disabled={disabled}>
                <legend>
                  {rowLabel(row)} <span className="muted">· {rowContext(row)}</span>
                </legend>
                {row.candidates.map((movie) => (
                  <label key={movie.id} className="checkbox">
                    <input
                      type="radio"
                      name={name}
                      checked={value === movie.id}
                      onChange={() => onChoose(row.row, movie.id)}
                    />{' '}
                    {movieTitle(movie)}
                    {movie.year ? ` (${movie.year})` : ''}
                    {movie.genres && movie.genres.length > 0 && <span className="muted"> · {movie.genres.slice(0, 3).join(', ')}</span>}
                  </label>
                ))}
                <label className="checkbox">
                  <input type="radio" name={name} checked={value === null} onChange={() => onChoose(row.row, null)} /> None
                  of these: skip this row
                </label>
              </fieldset>
            </li>
          );
        })}
      </ol>
    </section>
  );
}

function UnmatchedRows({ rows }: { rows: ImportReviewRow[] }) {
  return (
    <section className="panel" aria-labelledby="unmatched-title">
      <h2 id="unmatched-title">Not in the catalogue</h2>
      <p className="muted">
        We found no movie for {plural(rows.length, 'row')}; {rows.length === 1 ? 'it is' : 'they are'} left out.
      </p>
      <ul className="import-unmatched">
        {rows.map((row) => (
          <li key={row.row}>
            {rowLabel(row)} <span className="muted">· {rowContext(row)}</span>
          </li>
        ))}
      </ul>
    </section>
  );
}

function Preview({ current, onChanged }: { current: HistoryImport; onChanged: (next?: HistoryImport) => void }) {
  const [chosen, setChosen] = useState<Map<number, number | null>>(new Map());
  const [busy, setBusy] = useState(false);
  const [error, setError] = useState<unknown>(null);
  const review = current.review ?? [];
  const ambiguous = review.filter((row) => row.status === 'AMBIGUOUS');
  const unmatched = review.filter((row) => row.status === 'UNMATCHED');
  const toImport = current.counts.matched + [...chosen.values()].filter((v) => v !== null).length;

  async function apply() {
    setBusy(true);
    setError(null);
    try {
      if (chosen.size > 0) {
        await api.chooseForImport(
          current.id,
          [...chosen.entries()].map(([row, movieId]) => ({ row, movieId })),
        );
      }
      const next = await api.applyImport(current.id);
      onChanged(next);
    } catch (e) {
      setError(e);
      setBusy(false);
    }
  }

  return (
    <>
      {ambiguous.length > 0 && (
        <AmbiguousRows
          rows={ambiguous}
          chosen={chosen}
          disabled={busy}
          onChoose={(row, movieId) => setChosen((before) => new Map(before).set(row, movieId))}
        />
      )}
      {unmatched.length > 0 && <UnmatchedRows rows={unmatched} />}
      {current.lists && current.lists.length > 0 && <ImportLists lists={current.lists} />}
      {current.invalid && current.invalid.length > 0 && (
        <section className="panel" aria-labelledby="invalid-title">
          <h2 id="invalid-title">Rows we could not read</h2>
          <ul className="import-unmatched">
            {current.invalid.map((row) => (
              <li key={row.row}>
                {row.where}: {row.problem ?? 'unreadable'}
              </li>
            ))}
          </ul>
        </section>
      )}
      <div className="panel import-apply">
        <p>
          Applying adds {plural(toImport, 'row')} to your diary, ratings, watchlist, likes and lists. Importing the same
          file again adds nothing twice.
        </p>
        <ErrorMessage error={error} />
        <button type="button" className="button button-primary" onClick={apply} disabled={busy || toImport === 0}>
          {busy ? 'Applying…' : 'Apply the import'}
        </button>
      </div>
    </>
  );
}

function ImportStatus({ id, onRestart }: { id: number; onRestart: () => void }) {
  const load = useCallback((signal: AbortSignal) => api.historyImport(id, signal), [id]);
  const { data, error, loading, reload, setData } = useApi(load);
  const [undoError, setUndoError] = useState<unknown>(null);
  const [undoing, setUndoing] = useState(false);
  const working = data?.state === 'ANALYSING' || data?.state === 'APPLYING';

  useEffect(() => {
    if (!working || loading) return undefined;
    const timer = setTimeout(reload, POLL_MILLIS);
    return () => clearTimeout(timer);
  }, [working, loading, reload, data]);

  if (error instanceof ApiError && error.status === 404) {
    return (
      <div className="panel">
        <p>We could not find that import.</p>
        <button type="button" className="button button-secondary" onClick={onRestart}>
          Upload a file
        </button>
      </div>
    );
  }
  if (!data) {
    return (
      <>
        {loading && <Loading label="Loading the import…" />}
        <ErrorMessage error={error} onRetry={reload} />
      </>
    );
  }

  async function undo() {
    setUndoing(true);
    setUndoError(null);
    try {
      setData(await api.undoImport(id));
    } catch (e) {
      setUndoError(e);
    } finally {
      setUndoing(false);
    }
  }

  const source = sourceName(data.source);
  return (
    <section className="import-status" aria-labelledby="status-title">
      <h2 id="status-title" className="panel-subtitle">
        {data.fileName} <span className="muted">· {source}, uploaded {formatDate(data.startedAt)}</span>
      </h2>
      <ErrorMessage error={error} onRetry={reload} />
      {data.state === 'ANALYSING' && (
        <Progress
          label={`Analysing ${plural(data.counts.rows, 'row')}: matching each against the catalogue…`}
          done={data.progress?.done}
          total={data.progress?.total}
        />
      )}
      {data.state === 'APPLYING' && (
        <Progress label="Applying the import…" done={data.progress?.done} total={data.progress?.total} />
      )}
      {data.state === 'FAILED' && (
        <div className="error-message" role="alert">
          <p>{data.message ?? 'The import could not be analysed.'}</p>
        </div>
      )}
      {data.message && (data.state === 'PREVIEW' || data.state === 'DONE') && (
        <div className="error-message" role="alert">
          <p>{data.message}</p>
        </div>
      )}
      {data.state !== 'ANALYSING' && data.state !== 'FAILED' && <Counts current={data} />}
      {data.skipped.length > 0 && (
        <p className="muted">Not imported (nothing in them Cinemates keeps): {data.skipped.join(', ')}.</p>
      )}
      {data.state === 'PREVIEW' && <Preview key={data.id} current={data} onChanged={(next) => (next ? setData(next) : reload())} />}
      {data.state === 'DONE' && (
        <div className="panel">
          <Notice>
            Imported. Your <Link to="/diary">diary</Link> and <Link to="/ratings">ratings</Link> now hold your history.
          </Notice>
          <p className="muted">Changed your mind? Undo removes exactly what this import added and puts back ratings it changed.</p>
          <ErrorMessage error={undoError} />
          <button type="button" className="button button-secondary" onClick={undo} disabled={undoing}>
            {undoing ? 'Undoing…' : 'Undo this import'}
          </button>
        </div>
      )}
      {data.state === 'UNDONE' && <Notice>This import is undone: nothing of it remains.</Notice>}
      {(data.state === 'DONE' || data.state === 'UNDONE' || data.state === 'FAILED') && (
        <button type="button" className="button button-secondary" onClick={onRestart}>
          Import another file
        </button>
      )}
    </section>
  );
}

export function ImportPage() {
  useTitle('Bring your history');
  const [params, setParams] = useSearchParams();
  const id = Number(params.get('id'));
  const current = Number.isInteger(id) && id > 0 ? id : null;

  return (
    <div className="page">
      <header className="page-header">
        <h1>Bring your history</h1>
        <p className="page-lede">
          Your diary, ratings, reviews, watchlist, likes and lists from Letterboxd, IMDb or Trakt. Half stars stay half
          stars.
        </p>
      </header>
      {current === null ? (
        <UploadForm onUploaded={(uploaded) => setParams({ id: String(uploaded) })} />
      ) : (
        <ImportStatus key={current} id={current} onRestart={() => setParams({})} />
      )}
    </div>
  );
}
