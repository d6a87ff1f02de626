import { render, screen, waitFor, within } from '@testing-library/react';
import userEvent from '@testing-library/user-event';
import { describe, expect, it } from 'vitest';
import { setCookie, stubFetch } from '../test/utils';
import { ChangePassword, Sessions } from './AccountSecurity';

const laptop = {
  id: 'a1',
  createdAt: '2026-11-01T10:00:00Z',
  lastUsedAt: '2026-12-04T09:00:00Z',
  userAgent: 'Firefox on Linux',
  current: true,
};
const phone = {
  id: 'b2',
  createdAt: '2026-11-20T10:00:00Z',
  lastUsedAt: '2026-12-03T09:00:00Z',
  userAgent: 'Cinemates-Phone/1.0',
  current: false,
};

describe('Sessions', () => {
  it('lists my sessions, marks this one, and signs another out', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      'GET /api/users/me/sessions': [{ body: { items: [laptop, phone] } }, { body: { items: [laptop] } }],
      'DELETE /api/users/me/sessions/b2': { status: 204 },
    });
    render(<Sessions />);

    // The list is there, empty, while the sessions load: wait for its items.
    const list = await screen.findByRole('list', { name: 'Your sessions' });
    expect(await within(list).findAllByRole('listitem')).toHaveLength(2);
    expect(list).toHaveTextContent('Firefox on Linux (this device)');
    expect(screen.queryByRole('button', { name: 'Sign out Firefox on Linux' })).toBeNull();

    await userEvent.click(screen.getByRole('button', { name: 'Sign out Cinemates-Phone/1.0' }));

    expect(await screen.findByText('Cinemates-Phone/1.0 is signed out.')).toBeInTheDocument();
    await waitFor(() => expect(within(list).getAllByRole('listitem')).toHaveLength(1));
    expect(calls.map((c) => `${c.method} ${c.url.pathname}`)).toContain('DELETE /api/users/me/sessions/b2');
    expect(screen.queryByRole('button', { name: 'Sign out everywhere else' })).toBeNull();
  });

  it('signs out everywhere else', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({
      'GET /api/users/me/sessions': [{ body: { items: [laptop, phone] } }, { body: { items: [laptop] } }],
      'DELETE /api/users/me/sessions': { status: 204 },
    });
    render(<Sessions />);
    await userEvent.click(await screen.findByRole('button', { name: 'Sign out everywhere else' }));
    expect(await screen.findByText('Every other session is signed out.')).toBeInTheDocument();
    expect(calls.some((c) => c.method === 'DELETE' && c.url.pathname === '/api/users/me/sessions')).toBe(true);
  });
});

describe('ChangePassword', () => {
  it('sends the current and the new password and says other sessions ended', async () => {
    setCookie('XSRF-TOKEN=t');
    const { calls } = stubFetch({ 'PUT /api/users/me/password': { status: 204 } });
    render(<ChangePassword />);
    await userEvent.type(screen.getByLabelText('Current password'), 'old-password-1');
    await userEvent.type(screen.getByLabelText('New password', { exact: false }), 'a-new-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));

    expect(await screen.findByText(/Every other session has been signed out/)).toBeInTheDocument();
    expect(calls.find((c) => c.method === 'PUT')?.body).toEqual({
      currentPassword: 'old-password-1',
      newPassword: 'a-new-long-passphrase',
    });
  });

  it('says when the current password is wrong', async () => {
    setCookie('XSRF-TOKEN=t');
    stubFetch({
      'PUT /api/users/me/password': {
        status: 403,
        body: { type: 'urn:cinemates:problem:wrong-password', title: 'Wrong password', status: 403, detail: 'The password is not correct' },
      },
    });
    render(<ChangePassword />);
    await userEvent.type(screen.getByLabelText('Current password'), 'not-it-at-all');
    await userEvent.type(screen.getByLabelText('New password', { exact: false }), 'a-new-long-passphrase');
    await userEvent.click(screen.getByRole('button', { name: 'Change password' }));
    expect(await screen.findByText('That is not your current password.')).toBeInTheDocument();
  });
});
