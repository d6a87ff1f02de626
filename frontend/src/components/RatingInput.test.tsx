import { render, screen } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { useState } from 'react';
import { describe, expect, it, vi } from 'vitest';
import { RatingInput } from './RatingInput';

function Controlled({ initial = null, onChange }: { initial?: number | null; onChange?: (v: number) => void }) {
  const [value, setValue] = useState<number | null>(initial);
  return (
    <RatingInput
      value={value}
      onChange={(v) => {
        setValue(v);
        onChange?.(v);
      }}
    />
  );
}

describe('RatingInput', () => {
  it('offers ten half-star choices, each with a spoken name', () => {
    render(<Controlled />);
    const group = screen.getByRole('group', { name: 'Your rating' });
    expect(group).toBeInTheDocument();
    const radios = screen.getAllByRole('radio');
    expect(radios).toHaveLength(10);
    expect(radios.map((r) => r.getAttribute('value'))).toEqual(['0.5', '1', '1.5', '2', '2.5', '3', '3.5', '4', '4.5', '5']);
    expect(screen.getByRole('radio', { name: '3.5 stars' })).toBeInTheDocument();
    expect(screen.getByRole('radio', { name: '1 star' })).toBeInTheDocument();
  });

  it('moves in half steps with the arrow keys', async () => {
    const user = userEvent.setup();
    const changes = vi.fn();
    render(<Controlled initial={3} onChange={changes} />);

    await user.tab();
    expect(screen.getByRole('radio', { name: '3 stars' })).toHaveFocus();

    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '3.5 stars' })).toBeChecked();
    await user.keyboard('{ArrowRight}');
    expect(screen.getByRole('radio', { name: '4 stars' })).toBeChecked();
    await user.keyboard('{ArrowLeft}{ArrowLeft}{ArrowLeft}');
    expect(screen.getByRole('radio', { name: '2.5 stars' })).toBeChecked();
    expect(screen.getByRole('radio', { name: '2.5 stars' })).toHaveFocus();
    expect(changes.mock.calls.map(([v]) => v)).toEqual([3.5, 4, 3.5, 3, 2.5]);
    expect(screen.getByText('2.5 stars', { selector: '.rating-input-value' })).toBeInTheDocument();
  });

  it('takes a click on half a star', async () => {
    const user = userEvent.setup();
    const changes = vi.fn();
    render(<Controlled onChange={changes} />);
    expect(screen.getByText('Not rated')).toBeInTheDocument();

    await user.click(screen.getByText('4.5 stars'));

    expect(changes).toHaveBeenCalledWith(4.5);
    expect(screen.getByRole('radio', { name: '4.5 stars' })).toBeChecked();
  });

  it('draws filled halves up to the value', () => {
    const { container } = render(<RatingInput value={2.5} onChange={() => {}} />);
    expect(container.querySelectorAll('.half-star.is-filled')).toHaveLength(5);
  });
});
