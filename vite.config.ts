// Vite config: Svelte 5 app served from static/ as the public dir; relative base so the
// build works from any sub-path. Vitest reads its own settings from the `test` block.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlinePlugins } from './scripts/vite-offline';

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte(), ...offlinePlugins()],
  worker: { format: 'es' },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
