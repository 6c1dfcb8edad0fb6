// Runs a session script on a fresh cluster and produces the transcript the headless-runner
// contract describes: `$ ` + each command's first line, then exactly what it printed.

import { createCluster, type ClusterOptions } from '../engine/cluster';
import { parseGoDuration } from '../engine/util/duration';
import { parseScript, type Step } from './script';
import { loadAllOpenApi } from '../engine/api/openapi';
import { curlWithForwards } from './forwards';
import { Session, type DiskFiles } from './session';

export interface RunOptions extends ClusterOptions {
  disk?: DiskFiles;
}

/** `sleep` takes Go durations (`30s`, `2m`, `500ms`) and plain seconds, like coreutils sleep. */
export function sleepMs(arg: string): number {
  if (/^\d+(\.\d+)?$/.test(arg)) return Number(arg) * 1000;
  const m = /^(\d+(?:\.\d+)?)([smhd])$/.exec(arg);
  if (m && m[2] === 'd') return Number(m[1]) * 86_400_000;
  return parseGoDuration(arg);
}

export async function runScript(source: string, rawWrite: (s: string) => void, opts: RunOptions = {}): Promise<void> {
  const steps = parseScript(source);
  // The apiserver validates fields against the OpenAPI schemas: have them in memory first.
  await loadAllOpenApi();
  const cluster = createCluster(opts);
  await runSteps(steps, new Session(cluster, opts.disk), rawWrite);
}

/**
 * Runs parsed script steps on an existing session (lessons run their set-up and solution scripts
 * one after another on the same cluster this way). Writes the transcript to `rawWrite`.
 */
export async function runSteps(steps: Step[], session: Session, rawWrite: (s: string) => void): Promise<void> {
  // Output that does not end with a newline (jsonpath) must not swallow the next `$ ` line.
  let atLineStart = true;
  const write = (s: string) => {
    if (s === '') return;
    rawWrite(s);
    atLineStart = s.endsWith('\n');
  };
  let watching: Promise<number> | undefined;
  let watchingForward = false;
  const stopWatching = async () => {
    if (!watching) return;
    session.interruptBackground();
    await watching;
    watching = undefined;
  };
  for (const step of steps) {
    // A port-forward keeps listening while the script curls through it (a second terminal's work).
    const keep = step.argv[0] === 'sleep' || (watchingForward && step.argv[0] === 'curl');
    if (!keep) await stopWatching();
    write(`${atLineStart ? '' : '\n'}$ ${step.echo}\n`);
    if (step.pipes?.length) {
      // Collect the command's output, then pass it through the filters.
      let text = '';
      await runStep({ ...step, pipes: undefined }, session, (s) => (text += s), () => {});
      write(applyFilters(text, step.pipes));
      continue;
    }
    await runStep(step, session, write, (p) => {
      watching = p;
      watchingForward = step.argv[0] === 'kubectl' && step.argv.includes('port-forward');
    });
  }
  await stopWatching();
}

async function runStep(step: Step, session: Session, write: (s: string) => void, background: (p: Promise<number>) => void): Promise<void> {
  const [cmd, ...args] = step.argv;
  switch (cmd) {
    case 'kubectl': {
      const { done, background: bg } = session.run(args, write, step.stdin);
      const first = await Promise.race([done.then(() => 'done' as const), bg.then(() => 'background' as const)]);
      if (first === 'background') background(done);
      return;
    }
    case 'sleep': {
      const ms = sleepMs(args[0] ?? '');
      session.cluster.advance(ms);
      return;
    }
    case 'cat': {
      if (step.redirect) {
        const body = step.stdin ?? '';
        const prev = step.redirect.append ? (session.files.get(step.redirect.path) ?? '') : '';
        session.files.set(step.redirect.path.replace(/^\.\//, ''), prev + body);
        return;
      }
      for (const f of args) {
        const text = session.fileSource().read(f);
        write(text ?? `cat: ${f}: No such file or directory\n`);
      }
      return;
    }
    case 'node':
      write(nodeCommand(session, args));
      return;
    case 'curl': {
      const network = session.cluster.network;
      write(network ? curlWithForwards(args, network, session.forwards).output : 'curl: (7) the simulated network is not running\n');
      return;
    }
    case 'echo':
      if (step.redirect) session.files.set(step.redirect.path, args.join(' ') + '\n');
      else write(args.join(' ') + '\n');
      return;
    default:
      write(`sim: ${cmd}: command not found\n`);
  }
}

/**
 * `node add NAME [--cpu N] [--memory Q] [--label k=v]`, `node fail|recover|remove NAME`: cluster
 * operations a script can do that kubectl cannot (a new machine, a crash, a recovery).
 */
export function nodeCommand(session: Session, args: string[]): string {
  const [op, name, ...rest] = args;
  if (!op || !name) return 'sim: usage: node add|fail|recover|remove NAME [--cpu N] [--memory Q]\n';
  const nodes = session.cluster.nodes;
  const exists = session.cluster.client.get(session.cluster.type('', 'Node'), undefined, name) !== undefined;
  switch (op) {
    case 'add': {
      if (exists) return `sim: node ${name} already exists\n`;
      const opt = (flag: string) => {
        const i = rest.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
        if (i < 0) return undefined;
        return rest[i].includes('=') ? rest[i].slice(rest[i].indexOf('=') + 1) : rest[i + 1];
      };
      const labels: Record<string, string> = {};
      for (let i = 0; i < rest.length; i++) {
        if (rest[i] === '--label' && rest[i + 1]?.includes('=')) {
          const [k, v] = rest[++i].split('=');
          labels[k] = v;
        }
      }
      nodes.add(name, { cpu: opt('--cpu'), memory: opt('--memory'), labels });
      return '';
    }
    case 'fail':
    case 'recover':
    case 'remove':
      if (!exists) return `sim: node ${name} not found\n`;
      nodes[op](name);
      return '';
    default:
      return `sim: node: unknown operation ${op}\n`;
  }
}

/**
 * The text filters a pipeline may end with, as coreutils/grep print them: `head [-n] N`,
 * `tail [-n] N`, `grep [-v] [-i] [-E] PATTERN`, `wc -l`. Anything else is reported.
 */
export function applyFilters(text: string, pipes: string[][]): string {
  for (const [cmd, ...args] of pipes) {
    const lines = text === '' ? [] : text.replace(/\n$/, '').split('\n');
    const count = () => {
      const a = args.filter((x) => x !== '-n');
      const n = Number((a[0] ?? '-10').replace(/^-/, ''));
      return Number.isFinite(n) ? n : 10;
    };
    const join = (ls: string[]) => (ls.length ? ls.join('\n') + '\n' : '');
    switch (cmd) {
      case 'head':
        text = join(lines.slice(0, count()));
        break;
      case 'tail':
        text = join(count() === 0 ? [] : lines.slice(-count()));
        break;
      case 'grep': {
        const invert = args.includes('-v');
        const flags = args.includes('-i') ? 'i' : '';
        const pattern = args.filter((x) => !x.startsWith('-')).at(0) ?? '';
        let re: RegExp;
        try {
          re = new RegExp(pattern, flags);
        } catch {
          return `grep: Invalid regular expression\n`;
        }
        text = join(lines.filter((l) => re.test(l) !== invert));
        break;
      }
      case 'wc':
        text = args.includes('-l') ? `${lines.length}\n` : `${lines.length} ${text.split(/\s+/).filter(Boolean).length} ${text.length}\n`;
        break;
      default:
        return `sim: ${cmd}: not supported after | (head, tail, grep, wc -l are)\n`;
    }
  }
  return text;
}
