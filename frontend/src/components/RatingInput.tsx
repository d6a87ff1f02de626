import { useId, useState } from 'react';
import { starsText } from '../format';
import { HalfStar } from './Stars';

export const RATING_VALUES = [0.5, 1, 1.5, 2, 2.5, 3, 3.5, 4, 4.5, 5];

interface RatingInputProps {
  value: number | null;
  onChange: (value: number) => void;
  legend?: string;
  disabled?: boolean;
}

/**
 * Half-star rating as a native radio group of ten values: arrow keys move between half stars,
 * Tab enters and leaves the group, screen readers announce "3.5 stars". Each label draws one half
 * of a star.
 */
export function RatingInput({ value, onChange, legend = 'Your rating', disabled }: RatingInputProps) {
  const name = useId();
  const [hover, setHover] = useState<number | null>(null);
  const shown = hover ?? value ?? 0;

  return (
    <fieldset className="rating-input" disabled={disabled}>
      <legend>{legend}</legend>
      <div className="rating-input-row">
        <div className="rating-input-stars" onMouseLeave={() => setHover(null)}>
          {RATING_VALUES.map((v) => {
            const id = `${name}-${v}`;
            return (
              <span className="rating-input-half" key={v}>
                <input
                  className="sr-only"
                  type="radio"
                  id={id}
                  name={name}
                  value={v}
                  checked={value === v}
                  onChange={() => onChange(v)}
                />
                <label htmlFor={id} onMouseEnter={() => setHover(v)}>
                  <span className="sr-only">{starsText(v)}</span>
                  <HalfStar side={Number.isInteger(v) ? 'right' : 'left'} filled={shown >= v} />
                </label>
              </span>
            );
          })}
        </div>
        <span className="rating-input-value" aria-hidden="true">
          {value ? starsText(value) : 'Not rated'}
        </span>
      </div>
    </fieldset>
  );
}
