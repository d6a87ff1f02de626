import { useId, useState, type FormEvent } from 'react';
import { ApiError } from '../api/client';
import type { Viewing } from '../api/types';
import { starsText } from '../format';
import { ErrorMessage } from './Feedback';
import { Field, TextAreaField } from './Field';
import { RatingInput } from './RatingInput';

export const REVIEW_LIMIT = 5000;
export const TAG_LIMIT = 20;
export const TAG_LENGTH = 50;

/** Today as the member's calendar has it, as an ISO date. */
export function today(now: Date = new Date()): string {
  const month = String(now.getMonth() + 1).padStart(2, '0');
  const day = String(now.getDate()).padStart(2, '0');
  return `${now.getFullYear()}-${month}-${day}`;
}

/** "heist, 35mm,  heist" → ["heist", "35mm"]: trimmed, without blanks or repeats. */
export function parseTags(text: string): string[] {
  const tags: string[] = [];
  for (const part of text.split(',')) {
    const tag = part.trim();
    if (tag && !tags.some((t) => t.toLowerCase() === tag.toLowerCase())) tags.push(tag);
  }
  return tags;
}

/** What is wrong with a viewing before it is sent, field by field; the server checks again. */
export function checkViewing(viewing: Viewing, now: Date = new Date()): ApiError | null {
  const errors: { field: string; message: string }[] = [];
  if (!/^\d{4}-\d{2}-\d{2}$/.test(viewing.watchedOn)) {
    errors.push({ field: 'watchedOn', message: 'Enter the date you watched it.' });
  } else if (viewing.watchedOn > today(now)) {
    errors.push({ field: 'watchedOn', message: 'The date cannot be in the future.' });
  } else if (viewing.watchedOn < '1870-01-01') {
    errors.push({ field: 'watchedOn', message: 'The date must be in or after 1870.' });
  }
  if (viewing.tags.length > TAG_LIMIT) {
    errors.push({ field: 'tags', message: `Use at most ${TAG_LIMIT} tags.` });
  } else if (viewing.tags.some((tag) => tag.length > TAG_LENGTH)) {
    errors.push({ field: 'tags', message: `Each tag can have at most ${TAG_LENGTH} characters.` });
  }
  if (errors.length === 0) return null;
  return new ApiError(400, 'Please correct the marked fields.', { errors });
}

interface ViewingFormProps {
  /** The viewing being changed; absent to log a new one. */
  initial?: Viewing;
  title: string;
  submitLabel: string;
  /** Saves the viewing; a thrown ApiError is shown beside its fields. */
  onSubmit: (viewing: Viewing) => Promise<void>;
  onCancel?: () => void;
  /** Heading level of the title; 2 on a movie page, 3 inside a diary entry. */
  level?: 2 | 3;
}

/** Log or change one viewing: the date (not in the future), a half-star score, review, rewatch, tags, liked. */
export function ViewingForm({ initial, title, submitLabel, onSubmit, onCancel, level = 2 }: ViewingFormProps) {
  const titleId = useId();
  const [watchedOn, setWatchedOn] = useState(initial?.watchedOn ?? today());
  const [score, setScore] = useState<number | null>(initial?.score ?? null);
  const [review, setReview] = useState(initial?.review ?? '');
  const [rewatch, setRewatch] = useState(initial?.rewatch ?? false);
  const [liked, setLiked] = useState(initial?.liked ?? false);
  const [tags, setTags] = useState((initial?.tags ?? []).join(', '));
  const [error, setError] = useState<unknown>(null);
  const [busy, setBusy] = useState(false);

  async function submit(event: FormEvent) {
    event.preventDefault();
    const viewing: Viewing = {
      watchedOn,
      score,
      review: review.trim() ? review : null,
      rewatch,
      tags: parseTags(tags),
      liked,
    };
    const problem = checkViewing(viewing);
    setError(problem);
    if (problem) return;
    setBusy(true);
    try {
      await onSubmit(viewing);
    } catch (e) {
      setError(e);
    } finally {
      setBusy(false);
    }
  }

  const fieldError = (field: string) => (error instanceof ApiError ? error.fieldError(field) : undefined);
  const Heading = level === 2 ? 'h2' : 'h3';
  return (
    <form className="viewing-form" onSubmit={submit} aria-labelledby={titleId} noValidate>
      <Heading id={titleId}>{title}</Heading>
      <Field
        label="Date watched"
        type="date"
        value={watchedOn}
        max={today()}
        min="1870-01-01"
        required
        onChange={(e) => setWatchedOn(e.target.value)}
        error={fieldError('watchedOn')}
      />
      <RatingInput value={score} onChange={setScore} legend="Score, in half stars (optional)" disabled={busy} />
      {score !== null && (
        <button type="button" className="button button-small button-ghost-dark" onClick={() => setScore(null)}>
          Clear the score <span className="sr-only">({starsText(score)})</span>
        </button>
      )}
      {fieldError('score') && <p className="field-error">{fieldError('score')}</p>}
      <TextAreaField
        label="Review (optional)"
        value={review}
        onChange={(e) => setReview(e.target.value)}
        maxLength={REVIEW_LIMIT}
        rows={3}
        hint={`${review.length.toLocaleString('en')} of ${REVIEW_LIMIT.toLocaleString('en')} characters`}
        error={fieldError('review')}
      />
      <Field
        label="Tags (optional)"
        value={tags}
        onChange={(e) => setTags(e.target.value)}
        hint="Separate tags with commas, for example: cinema, with Sam"
        error={fieldError('tags')}
      />
      <div className="checkbox-row">
        <label className="checkbox">
          <input type="checkbox" checked={rewatch} onChange={(e) => setRewatch(e.target.checked)} /> I had seen it before
          (a rewatch)
        </label>
        <label className="checkbox">
          <input type="checkbox" checked={liked} onChange={(e) => setLiked(e.target.checked)} /> I liked it
        </label>
      </div>
      <ErrorMessage error={error} />
      <div className="button-row">
        <button type="submit" className="button button-primary" disabled={busy}>
          {busy ? 'Saving…' : submitLabel}
        </button>
        {onCancel && (
          <button type="button" className="button button-secondary" onClick={onCancel} disabled={busy}>
            Cancel
          </button>
        )}
      </div>
    </form>
  );
}
