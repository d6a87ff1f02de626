import { useCallback, useId, type ReactNode } from 'react';
import { Link, useSearchParams } from 'react-router';
import { Bar, BarChart, CartesianGrid, Tooltip, XAxis, YAxis } from 'recharts';
import { api } from '../api/endpoints';
import type { YearStats } from '../api/types';
import { useApi } from '../api/useApi';
import { EmptyState, ErrorMessage, Loading } from '../components/Feedback';
import { useTitle } from '../components/Layout';
import { Poster } from '../components/Poster';
import { formatScore, MONTHS, movieTitle, plural } from '../format';

// The page's own colours (styles.css): bars in the primary purple, text in the muted grey; both pass 3:1
// against white as graphics must.
const BAR = '#5a2ca0';
const BAR_SOFT = '#8a5a00';
const TICK = { fill: '#585168', fontSize: 13 };
const CHART_HEIGHT = 260;

interface ChartFigureProps {
  title: string;
  /** One sentence saying what the chart shows, for everyone. */
  summary: string;
  columns: [string, string];
  rows: [string, number][];
  children: ReactNode;
}

/**
 * A chart with its words: a heading, a one-line summary, the chart (keyboard-navigable through recharts'
 * accessibility layer), and the same numbers as a table.
 */
function ChartFigure({ title, summary, columns, rows, children }: ChartFigureProps) {
  const id = useId();
  return (
    <figure className="panel chart-figure" aria-labelledby={`${id}-title`}>
      <h2 id={`${id}-title`}>{title}</h2>
      <figcaption className="muted">{summary}</figcaption>
      <div className="chart">{children}</div>
      <details className="chart-table">
        <summary>
          Show the numbers <span className="sr-only">of {title.toLowerCase()}</span> as a table
        </summary>
        <table>
          <caption className="sr-only">{title}</caption>
          <thead>
            <tr>
              <th scope="col">{columns[0]}</th>
              <th scope="col">{columns[1]}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map(([label, value]) => (
              <tr key={label}>
                <th scope="row">{label}</th>
                <td>{value.toLocaleString('en')}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </figure>
  );
}

function busiest<T>(items: T[], count: (item: T) => number): T | undefined {
  return items.reduce<T | undefined>((best, item) => (best === undefined || count(item) > count(best) ? item : best), undefined);
}

function Figures({ stats }: { stats: YearStats }) {
  const scores = stats.scoreHistogram.map((s) => ({ label: formatScore(s.score), count: s.count }));
  const months = stats.byMonth.map((m) => ({ label: (MONTHS[m.month - 1] ?? String(m.month)).slice(0, 3), name: MONTHS[m.month - 1] ?? String(m.month), viewings: m.viewings }));
  const genres = stats.topGenres.map((g) => ({ label: g.genre, count: g.count }));
  const topMonth = busiest(months, (m) => m.viewings);
  const topScore = busiest(scores, (s) => s.count);
  const scored = scores.reduce((sum, s) => sum + s.count, 0);

  return (
    <>
      <dl className="stat-tiles" aria-label={`Your ${stats.year} in numbers`}>
        <div className="stat-tile">
          <dt>Films</dt>
          <dd>{stats.films.toLocaleString('en')}</dd>
        </div>
        <div className="stat-tile">
          <dt>Viewings</dt>
          <dd>{stats.viewings.toLocaleString('en')}</dd>
        </div>
        <div className="stat-tile">
          <dt>Rewatches</dt>
          <dd>{stats.rewatches.toLocaleString('en')}</dd>
        </div>
        <div className="stat-tile">
          <dt>Average score</dt>
          <dd>{stats.averageScore !== null && stats.averageScore !== undefined ? Number(stats.averageScore).toFixed(2) : '–'}</dd>
        </div>
      </dl>
      <div className="chart-grid">
        <ChartFigure
          title="Viewings by month"
          summary={
            topMonth && topMonth.viewings > 0
              ? `Your busiest month was ${topMonth.name}, with ${plural(topMonth.viewings, 'viewing')}.`
              : 'No viewings this year.'
          }
          columns={['Month', 'Viewings']}
          rows={months.map((m) => [m.name, m.viewings])}
        >
          <BarChart
            responsive
            style={{ width: '100%', height: CHART_HEIGHT }}
            data={months}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            title="Viewings by month"
            desc={`Bar chart of viewings in each month of ${stats.year}`}
          >
            <CartesianGrid vertical={false} stroke="#e6e1ee" />
            <XAxis dataKey="label" tick={TICK} interval={0} tickLine={false} />
            <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#efe8fb' }} labelFormatter={(label) => String(label)} />
            <Bar dataKey="viewings" name="Viewings" fill={BAR} radius={[4, 4, 0, 0]} />
          </BarChart>
        </ChartFigure>
        <ChartFigure
          title="Scores"
          summary={
            topScore && topScore.count > 0
              ? `${plural(scored, 'viewing')} with a score; the one you gave most was ${topScore.label} ${topScore.label === '1' ? 'star' : 'stars'}.`
              : 'No scored viewings this year.'
          }
          columns={['Stars', 'Viewings']}
          rows={scores.map((s) => [`${s.label} ${s.label === '1' ? 'star' : 'stars'}`, s.count])}
        >
          <BarChart
            responsive
            style={{ width: '100%', height: CHART_HEIGHT }}
            data={scores}
            margin={{ top: 8, right: 8, bottom: 0, left: -16 }}
            title="Scores"
            desc="Bar chart of how many viewings got each score, from half a star to five stars"
          >
            <CartesianGrid vertical={false} stroke="#e6e1ee" />
            <XAxis dataKey="label" tick={TICK} interval={0} tickLine={false} />
            <YAxis allowDecimals={false} tick={TICK} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#fff5d1' }} labelFormatter={(label) => `${String(label)} stars`} />
            <Bar dataKey="count" name="Viewings" fill={BAR_SOFT} radius={[4, 4, 0, 0]} />
          </BarChart>
        </ChartFigure>
        <ChartFigure
          title="Top genres"
          summary={
            genres[0] ? `Your most common genre was ${genres[0].label}, in ${plural(genres[0].count, 'film')}.` : 'No genres yet.'
          }
          columns={['Genre', 'Films']}
          rows={genres.map((g) => [g.label, g.count])}
        >
          <BarChart
            responsive
            layout="vertical"
            style={{ width: '100%', height: Math.max(120, genres.length * 30 + 30) }}
            data={genres}
            margin={{ top: 0, right: 16, bottom: 0, left: 8 }}
            title="Top genres"
            desc="Bar chart of the genres of the year's films, most common first"
          >
            <CartesianGrid horizontal={false} stroke="#e6e1ee" />
            <XAxis type="number" allowDecimals={false} tick={TICK} tickLine={false} />
            <YAxis type="category" dataKey="label" width={96} tick={TICK} tickLine={false} axisLine={false} />
            <Tooltip cursor={{ fill: '#efe8fb' }} />
            <Bar dataKey="count" name="Films" fill={BAR} radius={[0, 4, 4, 0]} />
          </BarChart>
        </ChartFigure>
        <section className="panel" aria-labelledby="top-rated-title">
          <h2 id="top-rated-title">Top rated</h2>
          {stats.topRated.length === 0 ? (
            <p className="muted">Give your viewings a score to see your favourites here.</p>
          ) : (
            <ol className="top-rated">
              {stats.topRated.map((movie) => (
                <li key={movie.id}>
                  <Poster movie={movie} className="poster-thumb" />
                  <Link to={`/movies/${movie.id}`}>{movieTitle(movie)}</Link>
                  {movie.year ? <span className="muted"> ({movie.year})</span> : null}
                </li>
              ))}
            </ol>
          )}
        </section>
      </div>
    </>
  );
}

export function StatsPage() {
  const [params] = useSearchParams();
  const thisYear = new Date().getFullYear();
  const asked = Number(params.get('year'));
  const year = Number.isInteger(asked) && asked >= 1870 && asked <= thisYear ? asked : thisYear;
  useTitle(`My ${year} in films`);
  const load = useCallback((signal: AbortSignal) => api.stats(year, signal), [year]);
  const { data, error, loading, reload } = useApi(load);
  const shown = data && data.year === year ? data : undefined;

  return (
    <div className="page">
      <header className="page-header">
        <h1>My {year} in films</h1>
        <p className="page-lede">From your diary: every viewing you logged in {year}.</p>
      </header>
      <nav className="year-nav" aria-label="Other years">
        <Link className="button button-small button-secondary" to={`/stats?year=${year - 1}`}>
          <span aria-hidden="true">← </span>
          {year - 1}
        </Link>
        {year < thisYear && (
          <Link className="button button-small button-secondary" to={`/stats?year=${year + 1}`}>
            {year + 1}
            <span aria-hidden="true"> →</span>
          </Link>
        )}
        <Link className="button button-small button-secondary" to={`/diary?year=${year}`}>
          Diary of {year}
        </Link>
      </nav>
      {loading && !shown && <Loading label="Counting your year…" />}
      <ErrorMessage error={error} onRetry={reload} />
      {shown &&
        (shown.viewings === 0 ? (
          <EmptyState title={`Nothing logged in ${year}`}>
            <p>
              Log a viewing from any movie’s page, or <Link to="/import">bring your history</Link>.
            </p>
          </EmptyState>
        ) : (
          <Figures stats={shown} />
        ))}
    </div>
  );
}
