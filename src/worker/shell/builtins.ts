// The small shell around kubectl that tutorials assume: ls, cat, echo, rm, sleep, curl, node,
// history and help, over the session's files (the ones the editor shows and `-f NAME` reads).

import { curlWithForwards } from '../../headless/forwards';
import { nodeCommand, sleepMs } from '../../headless/runner';
import type { RunControl } from './control';
import type { CommandIO, ShellWorld } from './world';

export interface BuiltinCall {
  args: string[];
  stdin?: string;
  io: CommandIO;
  world: ShellWorld;
  control: RunControl;
}

type Builtin = (c: BuiltinCall) => number | Promise<number>;

const norm = (p: string) => p.replace(/^\.\//, '').replace(/\/+$/, '');

/** What `help` prints: every command this shell knows. */
export const HELP_TEXT = `kubeplay shell: a Kubernetes cluster simulated in your browser.

Commands:
  kubectl ...              talk to the cluster (kubectl --help for more)
  ls [DIR]                 list the session's files (the editor shows the same files)
  cat FILE...              print files
  cat > FILE <<EOF         write a file from the lines up to EOF
  echo TEXT [> FILE]       print text, or write it to a file (>> appends)
  rm FILE...               remove files
  sleep DURATION           let simulated time pass (5, 30s, 2m)
  curl [-sSiI] URL         an HTTP request from your machine (NodePort, LoadBalancer IP, Ingress, localhost port-forward)
  node add NAME [--cpu N] [--memory Q] | node fail|recover|remove NAME
                           machine-level actions kubectl cannot do
  history                  commands typed so far
  clear                    clear the screen (also Ctrl-L)
  help                     this text

Pipes to head, tail, grep and wc -l work; Ctrl-C stops a watching command.
`;

function ls({ args, io, world }: BuiltinCall): number {
  const files = [...world.session.files.keys()].sort();
  const targets = args.filter((a) => !a.startsWith('-'));
  if (targets.length === 0) targets.push('.');
  let code = 0;
  for (const t of targets) {
    const dir = norm(t) === '.' || norm(t) === '' ? '' : norm(t) + '/';
    if (dir && world.session.files.has(norm(t))) {
      io.out(norm(t) + '\n');
      continue;
    }
    const names = new Set<string>();
    for (const f of files) if (f.startsWith(dir)) names.add(f.slice(dir.length).split('/')[0]);
    if (dir && names.size === 0) {
      io.err(`ls: cannot access '${t}': No such file or directory\n`);
      code = 2;
      continue;
    }
    for (const n of [...names].sort()) io.out(n + '\n');
  }
  return code;
}

function cat({ args, stdin, io, world }: BuiltinCall): number {
  const files = args.filter((a) => a !== '-');
  if (files.length === 0) {
    io.out(stdin ?? '');
    return 0;
  }
  let code = 0;
  for (const f of files) {
    const text = world.session.files.get(norm(f));
    if (text === undefined) {
      const isDir = [...world.session.files.keys()].some((k) => k.startsWith(norm(f) + '/'));
      io.err(isDir ? `cat: ${f}: Is a directory\n` : `cat: ${f}: No such file or directory\n`);
      code = 1;
    } else io.out(text);
  }
  return code;
}

function echo({ args, io }: BuiltinCall): number {
  const noNewline = args[0] === '-n';
  io.out((noNewline ? args.slice(1) : args).join(' ') + (noNewline ? '' : '\n'));
  return 0;
}

function rm({ args, io, world }: BuiltinCall): number {
  const force = args.some((a) => /^-[a-zA-Z]*f/.test(a));
  const recursive = args.some((a) => /^-[a-zA-Z]*r/i.test(a));
  let code = 0;
  for (const a of args.filter((x) => !x.startsWith('-'))) {
    const p = norm(a);
    const under = [...world.session.files.keys()].filter((k) => k.startsWith(p + '/'));
    if (world.session.files.delete(p)) continue;
    if (under.length && recursive) {
      for (const k of under) world.session.files.delete(k);
      continue;
    }
    if (under.length) io.err(`rm: cannot remove '${a}': Is a directory\n`);
    else if (!force) io.err(`rm: cannot remove '${a}': No such file or directory\n`);
    else continue;
    code = 1;
  }
  world.filesChanged();
  return code;
}

async function sleep({ args, io, world, control }: BuiltinCall): Promise<number> {
  let ms: number;
  try {
    ms = sleepMs(args[0] ?? '');
  } catch {
    ms = NaN;
  }
  if (!Number.isFinite(ms) || ms < 0) {
    io.err(args.length ? `sleep: invalid time interval '${args[0]}'\n` : 'sleep: missing operand\n');
    return 1;
  }
  await control.guard(world.driver.waitUntil(world.session.cluster.clock.now() + ms));
  return 0;
}

function curl({ args, io, world }: BuiltinCall): number {
  const network = world.session.cluster.network;
  if (!network) {
    io.err('curl: (7) the simulated network is not running\n');
    return 7;
  }
  const r = curlWithForwards(args, network, world.session.forwards);
  io.out(r.output);
  return r.status;
}

/** `node add|fail|recover|remove NAME`: journalled as a `node` entry when it succeeded. */
function node({ args, io, world }: BuiltinCall): number {
  const msg = nodeCommand(world.session, args);
  if (msg !== '') {
    io.err(msg.replace(/^sim: /, 'node: '));
    return 1;
  }
  const [op, name] = args as ['add' | 'fail' | 'recover' | 'remove', string];
  const opt = (flag: string) => {
    const i = args.findIndex((a) => a === flag || a.startsWith(`${flag}=`));
    if (i < 0) return undefined;
    return args[i].includes('=') ? args[i].slice(args[i].indexOf('=') + 1) : args[i + 1];
  };
  const shape = op === 'add' && (opt('--cpu') || opt('--memory')) ? { cpu: opt('--cpu'), memory: opt('--memory') } : undefined;
  world.record(shape ? { op: 'node', action: op, name, shape } : { op: 'node', action: op, name });
  return 0;
}

function history({ io, world }: BuiltinCall): number {
  const h = world.history();
  // bash: the entry number right-aligned in 5 columns, two spaces, the command.
  io.out(h.map((line, i) => `${String(i + 1).padStart(5)}  ${line}\n`).join(''));
  return 0;
}

function help({ io }: BuiltinCall): number {
  io.out(HELP_TEXT);
  return 0;
}

export const BUILTINS: Record<string, Builtin> = { ls, cat, echo, rm, sleep, curl, node, history, help };
