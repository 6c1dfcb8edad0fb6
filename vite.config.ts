// Vite config: Svelte 5 app served from static/ as the public dir; relative base so the
// build works from any sub-path. Vitest reads its own settings from the `test` block.
import { defineConfig } from 'vitest/config';
import { svelte } from '@sveltejs/vite-plugin-svelte';
import { offlinePlugins } from './scripts/vite-offline.ts';
import { freshClusterPlugin } from './scripts/vite-fresh-cluster.ts';
import { fileURLToPath } from 'node:url';

export default defineConfig({
  base: './',
  publicDir: 'static',
  plugins: [svelte(), freshClusterPlugin(), ...offlinePlugins()],
  worker: { format: 'es', plugins: () => [freshClusterPlugin()] },
  // Pre-bundle every browser dependency up front, the lazily imported Monaco ones and what the YAML
  // worker imports too: otherwise the dev server discovers them on first use and reloads the page,
  // and serves CommonJS files (vscode-languageserver-types) to the worker as they are.
  optimizeDeps: {
    include: [
      'comlink', '@xterm/xterm', '@xterm/addon-fit', 'idb-keyval', 'yaml',
      'monaco-editor/editor/editor.api', 'monaco-editor/languages/definitions/yaml/register', 'monaco-yaml',
      'monaco-editor/esm/vs/editor/editor.worker.js', 'monaco-worker-manager/worker',
      'vscode-languageserver-textdocument', 'vscode-languageserver-types', 'vscode-uri', 'jsonc-parser',
      '@vscode/l10n', 'path-browserify', 'prettier/standalone', 'prettier/plugins/yaml', 'prettier/plugins/estree',
    ],
  },
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
