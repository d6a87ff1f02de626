import { describe, expect, it } from 'vitest';
import { displayTitle, formatScore, relativeTime, starsText } from './format';

describe('format', () => {
  it('puts MovieLens’s trailing articles back in front', () => {
    expect(displayTitle('Godfather, The')).toBe('The Godfather');
    expect(displayTitle('Amelie (Fabuleux destin d’Amélie Poulain, Le)')).toBe('Amelie (Le Fabuleux destin d’Amélie Poulain)');
    expect(displayTitle('City of Lost Children, The (Cité des enfants perdus, La)')).toBe(
      'The City of Lost Children (La Cité des enfants perdus)',
    );
    expect(displayTitle('Toy Story')).toBe('Toy Story');
    expect(displayTitle('Thesis, A')).toBe('A Thesis');
  });

  it('says scores the way people say them', () => {
    expect(formatScore(4)).toBe('4');
    expect(formatScore(3.5)).toBe('3.5');
    expect(starsText(1)).toBe('1 star');
    expect(starsText(0.5)).toBe('0.5 stars');
  });

  it('tells times relative to now', () => {
    const now = Date.parse('2025-03-01T12:00:00Z');
    expect(relativeTime('2025-03-01T11:59:50Z', now)).toBe('just now');
    expect(relativeTime('2025-03-01T11:55:00Z', now)).toBe('5 minutes ago');
    expect(relativeTime('2025-02-28T12:00:00Z', now)).toBe('yesterday');
  });
});
