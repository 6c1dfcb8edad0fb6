// Enforces the dependency arrows of DESIGN.md: ui -> worker -> kubectl -> engine, server -> engine.
import { describe, expect, it } from 'vitest';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join, relative, resolve, dirname } from 'node:path';

const SRC = resolve(__dirname, '../../src');

/** Which top-level folders each folder may import from. */
const ALLOWED: Record<string, string[]> = {
  engine: ['engine'],
  kubectl: ['kubectl', 'engine'],
  headless: ['headless', 'kubectl', 'engine'],
  server: ['server', 'engine'],
  worker: ['worker', 'kubectl', 'engine', 'headless', 'lessons'],
  lessons: ['lessons', 'engine', 'kubectl', 'headless'],
  ui: ['ui', 'worker', 'lessons'],
};

function files(dir: string): string[] {
  return readdirSync(dir).flatMap((n) => {
    const p = join(dir, n);
    return statSync(p).isDirectory() ? files(p) : /\.(ts|svelte)$/.test(n) ? [p] : [];
  });
}

describe('layering', () => {
  it('no module imports across the arrows of the architecture', () => {
    const violations: string[] = [];
    for (const file of files(SRC)) {
      const top = relative(SRC, file).split(/[\\/]/)[0];
      const allowed = ALLOWED[top];
      if (!allowed) continue;
      const text = readFileSync(file, 'utf8');
      for (const m of text.matchAll(/(?:import|export)[^'"]*?from\s+['"](\.[^'"]+)['"]/g)) {
        const target = relative(SRC, resolve(dirname(file), m[1])).split(/[\\/]/)[0];
        if (!allowed.includes(target)) violations.push(`${relative(SRC, file)} -> ${m[1]}`);
      }
    }
    expect(violations).toEqual([]);
  });

  it('the engine uses neither the wall clock nor Math.random', () => {
    const offenders = files(join(SRC, 'engine')).filter((f) => /Date\.now\(|Math\.random\(|new Date\(\)|setTimeout\(|setInterval\(/.test(readFileSync(f, 'utf8')));
    expect(offenders.map((f) => relative(SRC, f))).toEqual([]);
  });
});
