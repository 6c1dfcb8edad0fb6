// `npm run sim` launcher: runs the headless runner from a single esbuild bundle of src/ (made on
// first use and whenever a source file is newer), so a script starts in a fraction of a second
// instead of transpiling ~450 TypeScript modules on every run. Still no separate build step.
import { build } from 'esbuild';
import { existsSync, mkdirSync, readdirSync, renameSync, statSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = join(dirname(fileURLToPath(import.meta.url)), '..');
const out = join(root, 'node_modules', '.cache', 'kubeplay', 'sim.mjs');

function newest(dir) {
  let t = 0;
  for (const e of readdirSync(dir, { withFileTypes: true })) {
    const p = join(dir, e.name);
    t = Math.max(t, e.isDirectory() ? newest(p) : statSync(p).mtimeMs);
  }
  return t;
}

const stale = !existsSync(out) || statSync(out).mtimeMs < Math.max(newest(join(root, 'src')), statSync(join(root, 'package.json')).mtimeMs);
if (stale) {
  mkdirSync(dirname(out), { recursive: true });
  // Build beside it and rename: runs started in parallel never read a half-written bundle.
  const tmp = `${out}.${process.pid}.tmp.mjs`;
  await build({
    entryPoints: [join(root, 'src', 'headless', 'main.ts')],
    outfile: tmp,
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'error',
    // Packages stay imports from node_modules; only our sources are bundled.
    packages: 'external',
  });
  renameSync(tmp, out);
}
await import(pathToFileURL(out).href);
