import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it, vi } from 'vitest';
import { ApiError } from '../api/client';
import type { Viewing } from '../api/types';
import { checkViewing, parseTags, today, ViewingForm } from './ViewingForm';

function tomorrow(): string {
  const date = new Date();
  date.setDate(date.getDate() + 1);
  return today(date);
}

describe('ViewingForm', () => {
  it('sends the date, a half-star score, review, tags, rewatch and liked', async () => {
    const onSubmit = vi.fn<(viewing: Viewing) => Promise<void>>().mockResolvedValue(undefined);
    const user = userEvent.setup();
    render(<ViewingForm title="Log a viewing" submitLabel="Log this viewing" onSubmit={onSubmit} />);

    const date = screen.getByLabelText('Date watched');
    expect(date).toHaveValue(today());
    expect(date).toHaveAttribute('max', today());
    await user.clear(date);
    await user.type(date, '2024-02-29');
    await user.click(screen.getByLabelText('3.5 stars'));
    await user.type(screen.getByLabelText('Review (optional)'), 'Better the second time.');
    await user.type(screen.getByLabelText('Tags (optional)'), 'cinema, 35mm , cinema,');
    await user.click(screen.getByLabelText(/a rewatch/));
    await user.click(screen.getByLabelText('I liked it'));
    await user.click(screen.getByRole('button', { name: 'Log this viewing' }));

    expect(onSubmit).toHaveBeenCalledWith({
      watchedOn: '2024-02-29',
      score: 3.5,
      review: 'Better the second time.',
      rewatch: true,
      tags: ['cinema', '35mm'],
      liked: true,
    });
  });

  it('refuses a date in the future beside the field, without sending', async () => {
    const onSubmit = vi.fn<(viewing: Viewing) => Promise<void>>();
    const user = userEvent.setup();
    render(<ViewingForm title="Log a viewing" submitLabel="Log this viewing" onSubmit={onSubmit} />);

    const date = screen.getByLabelText('Date watched');
    await user.clear(date);
    await user.type(date, tomorrow());
    await user.click(screen.getByRole('button', { name: 'Log this viewing' }));

    expect(onSubmit).not.toHaveBeenCalled();
    expect(screen.getByText('The date cannot be in the future.')).toBeInTheDocument();
    expect(date).toHaveAttribute('aria-invalid', 'true');
  });

  it('starts from the viewing it changes, can clear the score, and shows the server’s field messages', async () => {
    const onSubmit = vi
      .fn<(viewing: Viewing) => Promise<void>>()
      .mockRejectedValueOnce(
        new ApiError(400, 'Invalid request', { errors: [{ field: 'review', message: 'must be at most 5000 characters' }] }),
      )
      .mockResolvedValue(undefined);
    const user = userEvent.setup();
    const initial: Viewing = { watchedOn: '2025-06-01', score: 4.5, review: 'Old words', rewatch: true, tags: ['a', 'b'], liked: false };
    render(<ViewingForm initial={initial} title="Change" submitLabel="Save changes" onSubmit={onSubmit} onCancel={() => {}} />);

    expect(screen.getByLabelText('Date watched')).toHaveValue('2025-06-01');
    expect(screen.getByLabelText('4.5 stars')).toBeChecked();
    expect(screen.getByLabelText('Tags (optional)')).toHaveValue('a, b');
    expect(screen.getByLabelText(/a rewatch/)).toBeChecked();
    await user.click(screen.getByRole('button', { name: /Clear the score/ }));
    expect(screen.getByLabelText('4.5 stars')).not.toBeChecked();
    await user.click(screen.getByRole('button', { name: 'Save changes' }));

    expect(onSubmit).toHaveBeenLastCalledWith({ ...initial, score: null });
    expect(await screen.findByText('must be at most 5000 characters')).toBeInTheDocument();
    expect(screen.getByLabelText('Review (optional)')).toHaveAttribute('aria-invalid', 'true');
  });

  it('checks tags and dates as the server does', () => {
    expect(parseTags(' x, ,y,X ')).toEqual(['x', 'y']);
    const base: Viewing = { watchedOn: '2025-01-01', score: null, review: null, rewatch: false, tags: [], liked: false };
    const now = new Date(2025, 0, 1, 23, 30);
    expect(checkViewing(base, now)).toBeNull();
    expect(checkViewing({ ...base, watchedOn: '2025-01-02' }, now)?.fieldError('watchedOn')).toBe('The date cannot be in the future.');
    expect(checkViewing({ ...base, watchedOn: '1869-12-31' }, now)?.fieldError('watchedOn')).toBe('The date must be in or after 1870.');
    expect(checkViewing({ ...base, tags: Array.from({ length: 21 }, (_, i) => `t${i}`) }, now)?.fieldError('tags')).toBe('Use at most 20 tags.');
    expect(checkViewing({ ...base, tags: ['x'.repeat(51)] }, now)?.fieldError('tags')).toMatch(/at most 50 characters/);
  });
});
