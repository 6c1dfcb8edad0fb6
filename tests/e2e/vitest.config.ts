// Vitest settings for the end-to-end suite (`npm run test:e2e`): Playwright against the production
// build in Debian's Chromium, one file at a time (the browser is heavy on 2 cores).
import { defineConfig } from 'vitest/config';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  test: {
    root: fileURLToPath(new URL('../..', import.meta.url)),
    include: ['tests/e2e/**/*.e2e.ts'],
    environment: 'node',
    testTimeout: 120_000,
    hookTimeout: 180_000,
    fileParallelism: false,
  },
});
