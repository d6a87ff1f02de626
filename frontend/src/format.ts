import type { Movie, UserRef } from './api/types';

const ARTICLES = ['The', 'A', 'An', 'Les', 'La', 'Le', "L'", 'Il', 'Das', 'Der', 'Die', 'El', 'Los', 'Las', 'Det', 'Den'];

/**
 * MovieLens writes "Godfather, The" and "City of Lost Children, The (Cité des enfants perdus, La)";
 * people read "The Godfather". Moves a trailing article of the main title to the front.
 */
function articleFirst(text: string): string {
  for (const article of ARTICLES) {
    const suffix = `, ${article}`;
    if (text.endsWith(suffix)) {
      const front = text.slice(0, -suffix.length);
      return article.endsWith("'") ? `${article}${front}` : `${article} ${front}`;
    }
  }
  return text;
}

export function displayTitle(title: string | undefined | null): string {
  if (!title) return 'Untitled';
  const paren = title.indexOf(' (');
  if (paren <= 0) return articleFirst(title);
  // "Amelie (Fabuleux destin d'Amélie Poulain, Le)": the alternative titles get the same care.
  const rest = title.slice(paren).replace(/\(([^()]+)\)/g, (_, inner: string) => `(${articleFirst(inner)})`);
  return `${articleFirst(title.slice(0, paren))}${rest}`;
}

export function movieTitle(movie: Pick<Movie, 'id' | 'title'> | undefined | null, fallbackId?: number | null): string {
  if (movie?.title) return displayTitle(movie.title);
  const id = movie?.id ?? fallbackId;
  return id ? `Movie #${id}` : 'A movie';
}

export function personName(user: Pick<UserRef, 'username' | 'displayName'> | undefined | null): string {
  if (!user) return 'Someone';
  return user.displayName?.trim() || user.username || 'Someone';
}

export function formatScore(score: number | null | undefined): string {
  if (score === null || score === undefined || Number.isNaN(Number(score))) return '–';
  const n = Number(score);
  return Number.isInteger(n) ? n.toFixed(0) : n.toFixed(1);
}

export function starsText(score: number): string {
  const n = Number(score);
  return `${formatScore(n)} ${n === 1 ? 'star' : 'stars'}`;
}

const UNITS: [Intl.RelativeTimeFormatUnit, number][] = [
  ['year', 365 * 24 * 3600],
  ['month', 30 * 24 * 3600],
  ['week', 7 * 24 * 3600],
  ['day', 24 * 3600],
  ['hour', 3600],
  ['minute', 60],
];

export function relativeTime(iso: string, now: number = Date.now()): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  const seconds = Math.round((time - now) / 1000);
  const format = new Intl.RelativeTimeFormat('en', { numeric: 'auto' });
  for (const [unit, size] of UNITS) {
    if (Math.abs(seconds) >= size) return format.format(Math.round(seconds / size), unit);
  }
  return 'just now';
}

export function formatDate(iso: string): string {
  const time = Date.parse(iso);
  if (Number.isNaN(time)) return '';
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium' }).format(time);
}

export function plural(count: number, one: string, many: string = `${one}s`): string {
  return `${count.toLocaleString('en')} ${count === 1 ? one : many}`;
}

/** An ISO calendar date ("2026-11-24") as words, without any time zone shifting it. */
export function formatDay(isoDay: string): string {
  const match = /^(\d{4})-(\d{2})-(\d{2})$/.exec(isoDay);
  if (!match) return isoDay;
  const date = new Date(Date.UTC(Number(match[1]), Number(match[2]) - 1, Number(match[3])));
  return new Intl.DateTimeFormat('en', { dateStyle: 'medium', timeZone: 'UTC' }).format(date);
}

export const MONTHS = [
  'January',
  'February',
  'March',
  'April',
  'May',
  'June',
  'July',
  'August',
  'September',
  'October',
  'November',
  'December',
];
