import { displayTitle } from '../format';

/**
 * A generated poster: MovieLens has no images and the app may fetch nothing from the internet,
 * so every movie gets a design computed from its title, year and genres alone. The same movie
 * always gets the same poster; different titles get different patterns.
 */

export const POSTER_WIDTH = 200;
export const POSTER_HEIGHT = 300;

/** One fixed colour per MovieLens genre. */
export const GENRE_COLOURS: Record<string, string> = {
  Action: '#c0392b',
  Adventure: '#e07a1f',
  Animation: '#13a58f',
  Children: '#e9b300',
  Comedy: '#f08c00',
  Crime: '#2c3e63',
  Documentary: '#5f7480',
  Drama: '#7d3c98',
  Fantasy: '#5a4fcf',
  'Film-Noir': '#2b2b2b',
  Horror: '#6b0f1a',
  IMAX: '#0b6fcf',
  Musical: '#d6337f',
  Mystery: '#23386b',
  Romance: '#d63e5c',
  'Sci-Fi': '#0a7ea8',
  Thriller: '#1f4d45',
  War: '#596b33',
  Western: '#a65c1c',
};
const NO_GENRE = '#4a4e69';

export type PatternKind = 'rings' | 'stripes' | 'bokeh' | 'peaks' | 'rays' | 'dots' | 'waves' | 'blocks';
const PATTERNS: PatternKind[] = ['rings', 'stripes', 'bokeh', 'peaks', 'rays', 'dots', 'waves', 'blocks'];

export type Shape =
  | { kind: 'circle'; cx: number; cy: number; r: number; fill: string; opacity: number; stroke?: string; strokeWidth?: number }
  | { kind: 'path'; d: string; fill: string; opacity: number; stroke?: string; strokeWidth?: number }
  | { kind: 'rect'; x: number; y: number; width: number; height: number; fill: string; opacity: number; rotate?: number };

export interface PosterDesign {
  seed: number;
  colours: string[];
  angle: number;
  pattern: PatternKind;
  shapes: Shape[];
  lines: string[];
  fontSize: number;
  year: string;
  genreLabel: string;
}

/** FNV-1a, 32 bits: small, fast and stable across platforms. */
export function hashString(text: string): number {
  let hash = 0x811c9dc5;
  for (let i = 0; i < text.length; i++) {
    hash ^= text.charCodeAt(i);
    hash = Math.imul(hash, 0x01000193);
  }
  return hash >>> 0;
}

/** mulberry32: a seeded generator, so the pattern is the same on every render. */
function random(seed: number): () => number {
  let a = seed || 1;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

function shade(hex: string, amount: number): string {
  const n = parseInt(hex.slice(1), 16);
  const channel = (c: number) => Math.max(0, Math.min(255, Math.round(c + (amount < 0 ? c : 255 - c) * amount)));
  const r = channel((n >> 16) & 255);
  const g = channel((n >> 8) & 255);
  const b = channel(n & 255);
  return `#${((1 << 24) | (r << 16) | (g << 8) | b).toString(16).slice(1)}`;
}

export function genreColours(genres: string[] | undefined): string[] {
  const known = (genres ?? []).map((g) => GENRE_COLOURS[g]).filter((c): c is string => Boolean(c));
  const unique = [...new Set(known)].slice(0, 3);
  if (unique.length === 0) return [NO_GENRE, shade(NO_GENRE, -0.45)];
  if (unique.length === 1) return [unique[0], shade(unique[0], -0.55)];
  return unique;
}

const round = (n: number) => Math.round(n * 10) / 10;

function patternShapes(kind: PatternKind, next: () => number): Shape[] {
  const W = POSTER_WIDTH;
  const H = POSTER_HEIGHT;
  const light = '#ffffff';
  const dark = '#000000';
  const shapes: Shape[] = [];
  switch (kind) {
    case 'rings': {
      const cx = round(40 + next() * 120);
      const cy = round(150 + next() * 110);
      const count = 5 + Math.floor(next() * 4);
      const step = 14 + next() * 12;
      for (let i = count; i >= 1; i--) {
        shapes.push({ kind: 'circle', cx, cy, r: round(i * step), fill: 'none', opacity: 0.18, stroke: light, strokeWidth: round(3 + next() * 5) });
      }
      break;
    }
    case 'stripes': {
      const angle = -60 + next() * 120;
      const width = 8 + next() * 16;
      const gap = width + 8 + next() * 20;
      for (let x = -W; x < W * 2; x += gap) {
        shapes.push({ kind: 'rect', x: round(x), y: -H, width: round(width), height: H * 3, fill: light, opacity: 0.12, rotate: round(angle) });
      }
      break;
    }
    case 'bokeh': {
      const count = 9 + Math.floor(next() * 8);
      for (let i = 0; i < count; i++) {
        shapes.push({
          kind: 'circle',
          cx: round(next() * W),
          cy: round(60 + next() * (H - 60)),
          r: round(8 + next() * 38),
          fill: next() > 0.3 ? light : dark,
          opacity: round(0.08 + next() * 0.16),
        });
      }
      break;
    }
    case 'peaks': {
      for (let layer = 0; layer < 3; layer++) {
        const base = H - 20 - layer * 28;
        let d = `M0 ${H} L0 ${round(base)}`;
        const peaks = 2 + Math.floor(next() * 3);
        for (let p = 0; p < peaks; p++) {
          const x1 = ((p + 0.5) / peaks) * W;
          const x2 = ((p + 1) / peaks) * W;
          d += ` L${round(x1)} ${round(base - 40 - next() * 70)} L${round(x2)} ${round(base - next() * 20)}`;
        }
        d += ` L${W} ${H} Z`;
        shapes.push({ kind: 'path', d, fill: layer % 2 ? light : dark, opacity: 0.14 + layer * 0.04 });
      }
      break;
    }
    case 'rays': {
      const cx = round(next() * W);
      const cy = round(H * (0.55 + next() * 0.45));
      const count = 10 + Math.floor(next() * 8);
      const offset = next() * Math.PI;
      for (let i = 0; i < count; i += 2) {
        const a1 = offset + (i / count) * Math.PI * 2;
        const a2 = offset + ((i + 1) / count) * Math.PI * 2;
        const R = 520;
        const d = `M${cx} ${cy} L${round(cx + Math.cos(a1) * R)} ${round(cy + Math.sin(a1) * R)} L${round(cx + Math.cos(a2) * R)} ${round(cy + Math.sin(a2) * R)} Z`;
        shapes.push({ kind: 'path', d, fill: light, opacity: 0.1 });
      }
      shapes.push({ kind: 'circle', cx, cy, r: round(18 + next() * 26), fill: light, opacity: 0.3 });
      break;
    }
    case 'dots': {
      const gap = 16 + Math.floor(next() * 10);
      const r = 2 + next() * 4;
      const shift = next() > 0.5;
      for (let y = 110; y < H + gap; y += gap) {
        for (let x = 0; x < W + gap; x += gap) {
          const dx = shift && Math.round(y / gap) % 2 ? gap / 2 : 0;
          shapes.push({ kind: 'circle', cx: round(x + dx), cy: round(y), r: round(r * (0.6 + ((y - 110) / H) * 0.9)), fill: light, opacity: 0.2 });
        }
      }
      break;
    }
    case 'waves': {
      const amplitude = 8 + next() * 16;
      const length = 60 + next() * 80;
      const count = 6 + Math.floor(next() * 4);
      for (let i = 0; i < count; i++) {
        const y = 120 + i * ((H - 110) / count);
        let d = `M-20 ${round(y)}`;
        for (let x = -20; x <= W + 40; x += length / 2) {
          d += ` Q${round(x + length / 4)} ${round(y + (Math.round(x / (length / 2)) % 2 ? amplitude : -amplitude))} ${round(x + length / 2)} ${round(y)}`;
        }
        shapes.push({ kind: 'path', d, fill: 'none', opacity: 0.22, stroke: i % 2 ? light : dark, strokeWidth: round(3 + next() * 4) });
      }
      break;
    }
    case 'blocks': {
      const count = 5 + Math.floor(next() * 5);
      for (let i = 0; i < count; i++) {
        const size = 30 + next() * 80;
        shapes.push({
          kind: 'rect',
          x: round(next() * W - size / 2),
          y: round(90 + next() * (H - 90) - size / 2),
          width: round(size),
          height: round(size * (0.5 + next())),
          fill: next() > 0.4 ? light : dark,
          opacity: round(0.08 + next() * 0.14),
          rotate: round(next() * 90 - 45),
        });
      }
      break;
    }
  }
  return shapes;
}

/**
 * Width of a text in em for a heavy sans-serif, estimated per character and on the wide side
 * (DejaVu Sans Bold, the widest common fallback), so titles fit whatever font the system has.
 */
export function textWidthEm(text: string): number {
  let width = 0;
  for (const ch of text) {
    if (ch === ' ') width += 0.34;
    else if ("il.,:;'!|`".includes(ch)) width += 0.36;
    else if ('fjrtI()[]-'.includes(ch)) width += 0.47;
    else if ('mwMW'.includes(ch)) width += 1.02;
    else if (/[A-Z]/.test(ch)) width += 0.8;
    else if (/[0-9]/.test(ch)) width += 0.7;
    else width += 0.7;
  }
  return width;
}

const TITLE_WIDTH = POSTER_WIDTH - 36;

function breakIntoLines(words: string[], fontSize: number): string[] | null {
  const fits = (text: string) => textWidthEm(text) * fontSize <= TITLE_WIDTH;
  const lines: string[] = [];
  let line = '';
  for (const word of words) {
    if (!fits(word)) return null;
    const candidate = line ? `${line} ${word}` : word;
    if (fits(candidate)) {
      line = candidate;
    } else {
      lines.push(line);
      line = word;
    }
  }
  if (line) lines.push(line);
  return lines;
}

/** Splits a title into lines that fit the poster, picking the largest type that fits. */
export function wrapTitle(title: string): { lines: string[]; fontSize: number } {
  const words = title.split(/\s+/).filter(Boolean);
  for (let fontSize = 34; fontSize >= 14; fontSize -= 1) {
    const maxLines = fontSize >= 26 ? 3 : fontSize >= 20 ? 4 : 6;
    const lines = breakIntoLines(words, fontSize);
    if (lines && lines.length <= maxLines) return { lines, fontSize };
  }
  // Very long titles or words: the smallest type, words cut where they must be, and an
  // ellipsis when even that is not enough (the full title is always the poster's label).
  const fontSize = 14;
  const lines: string[] = [];
  let line = '';
  for (const ch of title) {
    const candidate = line + ch;
    if (textWidthEm(candidate) * fontSize > TITLE_WIDTH) {
      const cut = line.lastIndexOf(' ');
      if (cut > 0) {
        lines.push(line.slice(0, cut));
        line = line.slice(cut + 1) + ch;
      } else {
        lines.push(line);
        line = ch === ' ' ? '' : ch;
      }
    } else {
      line = candidate;
    }
  }
  if (line.trim()) lines.push(line.trim());
  if (lines.length > 7) {
    const kept = lines.slice(0, 7);
    kept[6] = `${kept[6].replace(/\s*\S{0,2}$/, '')}…`;
    return { lines: kept, fontSize };
  }
  return { lines, fontSize };
}

export function designPoster(movie: { title: string; year?: number | null; genres?: string[] }): PosterDesign {
  const title = displayTitle(movie.title);
  const seed = hashString(`${title}|${movie.year ?? ''}`);
  const next = random(seed);
  const pattern = PATTERNS[seed % PATTERNS.length];
  const colours = genreColours(movie.genres);
  const angle = Math.floor(next() * 360);
  const { lines, fontSize } = wrapTitle(title);
  const genres = (movie.genres ?? []).filter((g) => g !== '(no genres listed)');
  return {
    seed,
    colours,
    angle,
    pattern,
    shapes: patternShapes(pattern, next),
    lines,
    fontSize,
    year: movie.year ? String(movie.year) : '',
    genreLabel: genres.slice(0, 2).join(' · '),
  };
}
