import { formatScore } from '../format';

export const STAR_PATH =
  'M12 1.8l3.09 6.26 6.91 1-5 4.87 1.18 6.88L12 17.56l-6.18 3.25L7 13.93 2 9.06l6.91-1z';

/** One star drawn as its left or right half, filled or not. */
export function HalfStar({ side, filled }: { side: 'left' | 'right'; filled: boolean }) {
  return (
    <svg
      className={`half-star ${filled ? 'is-filled' : ''}`}
      viewBox={side === 'left' ? '0 0 12 24' : '12 0 12 24'}
      aria-hidden="true"
      focusable="false"
    >
      <path d={STAR_PATH} />
    </svg>
  );
}

/** A read-only score out of five, in half stars. */
export function Stars({ score, label }: { score: number; label?: string }) {
  const value = Math.round(Number(score) * 2) / 2;
  return (
    <span className="stars" role="img" aria-label={label ?? `${formatScore(value)} out of 5 stars`}>
      {[1, 2, 3, 4, 5].map((star) => (
        <span className="star-pair" key={star}>
          <HalfStar side="left" filled={value >= star - 0.5} />
          <HalfStar side="right" filled={value >= star} />
        </span>
      ))}
    </span>
  );
}
