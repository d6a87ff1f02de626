import { defineConfig } from 'vitest/config';
import react from '@vitejs/plugin-react';

// The API lives on the same host in every real deployment (nginx serves both); `npm run dev`
// proxies /api to a locally running system so the session cookies stay first-party.
const apiTarget = process.env.CINEMATES_BASE_URL ?? 'http://127.0.0.1:8080';

export default defineConfig({
  plugins: [react()],
  server: {
    proxy: { '/api': { target: apiTarget, changeOrigin: false } },
  },
  build: {
    sourcemap: false,
    // Everything the app needs is in the bundle: no CDN, no web fonts, no images to fetch.
    assetsInlineLimit: 0,
  },
  test: {
    environment: 'jsdom',
    globals: true,
    setupFiles: ['./src/test/setup.ts'],
    css: false,
    restoreMocks: true,
    // Generous for a machine busy with other builds: in CI these tests run at a low priority beside
    // the end-to-end journeys, where a test that takes 1.4 s on a quiet machine took over 20 s. A
    // test that passes waits no longer for it.
    testTimeout: 90_000,
  },
});
