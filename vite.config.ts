// Vite config: Svelte 5 app served from static/ as the public dir; relative base so the
// build works from any sub-path. Vitest reads its own settings from the `test` block.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlinePlugins } from './scripts/vite-offline.ts';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte(), ...offlinePlugins()],
  worker: { format: 'es' },
  resolve: {
    // monaco-yaml's worker manager deep-imports monaco-editor/esm/vs/editor/editor.worker.js, which
    // monaco >= 0.56's exports map hides (see src/ui/editor/monaco-loader.ts).
    alias: [{ find: /^monaco-editor\/esm\/vs\//, replacement: fileURLToPath(new URL('./node_modules/monaco-editor/esm/vs/', import.meta.url)) }],
  },
  test: {
    include: ['tests/**/*.test.ts'],
    environment: 'node',
    testTimeout: 20000,
  },
});
