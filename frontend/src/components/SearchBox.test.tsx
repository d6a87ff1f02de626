import { screen, waitFor } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { worldRoutes } from '../test/fixtures';
import { axeViolations, MOVIES, renderApp, stubFetch } from '../test/utils';

function searches(calls: { method: string; url: URL }[]) {
  return calls.filter((c) => c.method === 'GET' && c.url.pathname === '/api/movies' && c.url.searchParams.has('q'));
}

describe('the header search box', () => {
  it('suggests movies once typing pauses, asking once for the words typed', async () => {
    const { calls } = stubFetch(worldRoutes());
    const user = userEvent.setup();
    renderApp('/');
    const box = await screen.findByRole('combobox', { name: 'Search movies' });
    expect(box).toHaveAttribute('aria-expanded', 'false');

    await user.type(box, 'toy');
    const list = await screen.findByRole('listbox', { name: 'Suggested movies' });
    expect(box).toHaveAttribute('aria-expanded', 'true');
    expect(list.querySelectorAll('[role="option"]')).toHaveLength(MOVIES.length);
    expect(searches(calls).map((c) => c.url.searchParams.get('q'))).toEqual(['toy']);
    expect(searches(calls)[0].url.searchParams.get('size')).toBe('8');
    expect(await axeViolations()).toEqual([]);
  });

  it('is driven by the keyboard: arrows choose, Enter opens, Escape closes then clears', async () => {
    stubFetch(worldRoutes());
    const user = userEvent.setup();
    renderApp('/');
    const box = await screen.findByRole('combobox', { name: 'Search movies' });
    await user.type(box, 'toy');
    const options = await screen.findAllByRole('option');

    await user.keyboard('{ArrowDown}{ArrowDown}');
    expect(options[1]).toHaveAttribute('aria-selected', 'true');
    expect(box).toHaveAttribute('aria-activedescendant', options[1].id);
    await user.keyboard('{ArrowUp}');
    expect(options[0]).toHaveAttribute('aria-selected', 'true');

    await user.keyboard('{Escape}');
    expect(box).toHaveAttribute('aria-expanded', 'false');
    expect(box).toHaveValue('toy');
    await user.keyboard('{Escape}');
    expect(box).toHaveValue('');

    await user.type(box, 'toy');
    await screen.findAllByRole('option');
    await user.keyboard('{ArrowDown}{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Toy Story' })).toBeInTheDocument();
    expect(box).toHaveValue('');
  });

  it('Enter with no suggestion chosen searches the catalogue for the words', async () => {
    stubFetch(worldRoutes());
    const user = userEvent.setup();
    renderApp('/');
    const box = await screen.findByRole('combobox', { name: 'Search movies' });
    await user.type(box, 'heat{Enter}');
    expect(await screen.findByRole('heading', { level: 1, name: 'Browse movies' })).toBeInTheDocument();
    await waitFor(() => expect(screen.getByLabelText('Title')).toHaveValue('heat'));
  });

  it('a click on a suggestion opens it; one letter asks nothing', async () => {
    const { calls } = stubFetch(worldRoutes());
    const user = userEvent.setup();
    renderApp('/');
    const box = await screen.findByRole('combobox', { name: 'Search movies' });
    await user.type(box, 't');
    await new Promise((resolve) => setTimeout(resolve, 400));
    expect(searches(calls)).toEqual([]);

    await user.type(box, 'oy');
    await user.click(await screen.findByRole('option', { name: /Toy Story/ }));
    expect(await screen.findByRole('heading', { level: 1, name: 'Toy Story' })).toBeInTheDocument();
  });
});
