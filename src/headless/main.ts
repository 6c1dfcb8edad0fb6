// `npm run sim -- [--seed N] [--nodes N] FILE`: the headless runner's command line. Reads the
// script (FILE `-` = stdin), runs it, prints the transcript on stdout. Exit status 0 when the
// script ran; 2 when it cannot be read or parsed.

import { readFileSync, readdirSync, statSync } from 'node:fs';
import { dirname, resolve } from 'node:path';
import { runScript } from './runner';
import { ScriptError } from './script';

function usage(): never {
  process.stderr.write('usage: npm run --silent sim -- [--seed N] [--nodes N] FILE\n');
  process.exit(2);
}

async function main(): Promise<void> {
  const argv = process.argv.slice(2);
  let seed: number | undefined;
  let nodes: number | undefined;
  let file: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i];
    const val = (name: string) => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined || !/^\d+$/.test(v)) {
        process.stderr.write(`sim: ${name} needs a number\n`);
        process.exit(2);
      }
      return Number(v);
    };
    if (a === '--seed' || a.startsWith('--seed=')) seed = val('--seed');
    else if (a === '--nodes' || a.startsWith('--nodes=')) nodes = val('--nodes');
    else if (a === '-h' || a === '--help') usage();
    else if (file === undefined) file = a;
    else usage();
  }
  if (file === undefined) usage();
  let source: string;
  try {
    source = file === '-' ? readFileSync(0, 'utf8') : readFileSync(file, 'utf8');
  } catch (e) {
    process.stderr.write(`sim: cannot read ${file}: ${(e as Error).message}\n`);
    process.exit(2);
  }
  const base = file === '-' ? process.cwd() : dirname(resolve(file));
  const chunks: string[] = [];
  const disk = {
    read(p: string) {
      try {
        return readFileSync(resolve(base, p), 'utf8');
      } catch {
        return undefined;
      }
    },
    isDir(p: string) {
      try {
        return statSync(resolve(base, p)).isDirectory();
      } catch {
        return false;
      }
    },
    list(p: string) {
      try {
        return readdirSync(resolve(base, p)).sort();
      } catch {
        return [];
      }
    },
  };
  try {
    await runScript(source, (s) => {
      chunks.push(s);
      if (chunks.length > 256) process.stdout.write(chunks.splice(0).join(''));
    }, { seed, nodes, disk });
  } catch (e) {
    process.stdout.write(chunks.join(''));
    if (e instanceof ScriptError) {
      process.stderr.write(`sim: ${e.message}\n`);
      process.exit(2);
    }
    throw e;
  }
  process.stdout.write(chunks.join(''));
}

main();
