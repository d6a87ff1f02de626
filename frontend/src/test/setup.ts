import '@testing-library/jest-dom/vitest';
import { cleanup } from '@testing-library/react';
import { afterEach, beforeEach } from 'vitest';
import { resetClientState } from '../api/client';
import { clearCookies } from './utils';

beforeEach(() => {
  resetClientState();
  clearCookies();
  window.localStorage.clear();
});

afterEach(() => {
  cleanup();
});
