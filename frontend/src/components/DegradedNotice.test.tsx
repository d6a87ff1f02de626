import { render, screen } from '@testing-library/react';
import { describe, expect, it } from 'vitest';
import { DegradedNotice } from './DegradedNotice';

describe('DegradedNotice', () => {
  it('says which part is missing in plain words', () => {
    render(<DegradedNotice services={['activity-service']} />);
    expect(screen.getByRole('status')).toHaveTextContent('Some of this page is missing for now: friends’ activity.');
  });

  it('lists several missing parts', () => {
    render(<DegradedNotice services={['movie-service', 'user-service']} />);
    expect(screen.getByRole('status')).toHaveTextContent('movie details (titles and genres) and your friends’ details');
  });

  it('shows nothing when nothing is missing', () => {
    const { container } = render(<DegradedNotice services={[]} />);
    expect(container).toBeEmptyDOMElement();
  });
});
