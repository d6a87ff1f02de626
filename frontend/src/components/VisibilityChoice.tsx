import { useId } from 'react';
import type { Visibility } from '../api/social';

const CHOICES: { value: Visibility; label: string; hint: string }[] = [
  { value: 'PUBLIC', label: 'Everyone', hint: 'anyone with the link, signed in or not' },
  { value: 'FRIENDS', label: 'Friends', hint: 'only people you are friends with' },
  { value: 'PRIVATE', label: 'Only me', hint: 'nobody else' },
];

/** Who may see something: a native radio group, so arrow keys move between the three. */
export function VisibilityChoice({
  value,
  onChange,
  legend,
}: {
  value: Visibility;
  onChange: (value: Visibility) => void;
  legend: string;
}) {
  const name = useId();
  return (
    <fieldset className="visibility-choice">
      <legend>{legend}</legend>
      {CHOICES.map((choice) => (
        <label key={choice.value} className="visibility-option">
          <input type="radio" name={name} value={choice.value} checked={value === choice.value} onChange={() => onChange(choice.value)} />
          <span>
            <strong>{choice.label}</strong> <span className="muted">— {choice.hint}</span>
          </span>
        </label>
      ))}
    </fieldset>
  );
}

export function visibilityLabel(value: Visibility): string {
  return CHOICES.find((c) => c.value === value)?.label ?? value;
}
