import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { Poster } from './Poster';
import { designPoster, GENRE_COLOURS, wrapTitle } from './posterDesign';

const heat = { id: 6, title: 'Heat', year: 1995, genres: ['Action', 'Crime', 'Thriller'] };

function markup(movie: typeof heat) {
  const { container, unmount } = render(<Poster movie={movie} />);
  // Gradient ids are unique per instance; everything else must be identical.
  const html = container.innerHTML.replace(/poster[A-Za-z0-9_-]*?-(bg|scrim|clip)/g, 'ID-$1');
  unmount();
  return html;
}

describe('Poster', () => {
  it('is the same design every time for the same movie', () => {
    expect(designPoster(heat)).toEqual(designPoster({ ...heat }));
    expect(markup(heat)).toBe(markup({ ...heat }));
  });

  it('differs between titles and uses the genre colours', () => {
    const a = designPoster(heat);
    const b = designPoster({ ...heat, title: 'Casino' });
    expect(a.seed).not.toBe(b.seed);
    expect(JSON.stringify(a.shapes)).not.toBe(JSON.stringify(b.shapes));
    expect(a.colours).toEqual([GENRE_COLOURS.Action, GENRE_COLOURS.Crime, GENRE_COLOURS.Thriller]);
    expect(designPoster({ ...heat, genres: ['Comedy'] }).colours[0]).toBe(GENRE_COLOURS.Comedy);
  });

  it('is an image named after the movie, with its title and year in the artwork', () => {
    const { container } = render(<Poster movie={{ id: 858, title: 'Godfather, The', year: 1972, genres: ['Crime', 'Drama'] }} />);
    const img = screen.getByRole('img', { name: 'Poster of The Godfather (1972)' });
    expect(img.tagName.toLowerCase()).toBe('svg');
    const titleLines = [...container.querySelectorAll('tspan')].map((t) => t.textContent);
    expect(titleLines.join(' ')).toBe('The Godfather');
    expect(container.textContent).toContain('1972');
  });

  it('wraps long titles on several lines and keeps every word', () => {
    const title = 'Dr. Strangelove or: How I Learned to Stop Worrying and Love the Bomb';
    const { lines, fontSize } = wrapTitle(title);
    expect(lines.length).toBeGreaterThan(2);
    expect(fontSize).toBeLessThan(34);
    expect(lines.join(' ')).toBe(title);
    expect(wrapTitle('Up').lines).toEqual(['Up']);
  });
});
