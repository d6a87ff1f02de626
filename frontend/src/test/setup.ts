import '@testing-library/jest-dom/vitest';
import { cleanup, configure } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetClientState } from '../api/client';
import { clearCookies } from './utils';

// How long findBy* and waitFor wait for the page to get there. Testing Library's default, 1 s, is
// too short on a machine busy with other work (CI runs these tests beside the end-to-end journeys);
// a wait that succeeds ends as soon as it does, so a long limit costs a passing test nothing.
configure({ asyncUtilTimeout: 15_000 });

beforeEach(() => {
  resetClientState();
  clearCookies();
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
});
