import type { Visibility } from '../api/social';
import { Field, TextAreaField } from './Field';
import { VisibilityChoice } from './VisibilityChoice';

export interface ListDetails {
  name: string;
  description: string;
  ranked: boolean;
  visibility: Visibility;
}

/** A list's name, description, ranked flag and visibility, as making and editing a list ask them. */
export function ListFields({
  value,
  onChange,
  fieldError,
}: {
  value: ListDetails;
  onChange: (value: ListDetails) => void;
  fieldError: (field: string) => string | undefined;
}) {
  const set = <K extends keyof ListDetails>(key: K, v: ListDetails[K]) => onChange({ ...value, [key]: v });
  return (
    <>
      <Field label="Name" name="name" value={value.name} maxLength={100} onChange={(e) => set('name', e.target.value)} error={fieldError('name')} />
      <TextAreaField
        label="Description (optional)"
        name="description"
        value={value.description}
        maxLength={2000}
        rows={3}
        onChange={(e) => set('description', e.target.value)}
        error={fieldError('description')}
      />
      <label className="checkbox">
        <input type="checkbox" checked={value.ranked} onChange={(e) => set('ranked', e.target.checked)} /> Ranked (the order matters,
        numbered)
      </label>
      <VisibilityChoice legend="Who can see it" value={value.visibility} onChange={(v) => set('visibility', v)} />
    </>
  );
}
