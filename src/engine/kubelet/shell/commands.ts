// The programs a container shell can run besides its own builtins: the busybox/coreutils
// utilities tutorials use. Output and error texts follow busybox (ash images) or coreutils (dash).

import type { Gen } from './interp';
import { shErr } from './interp';
import type { ShellContext } from './state';
import { nowMs } from './state';
import { isDir, listDir, resolvePath } from './fs';
import { dateCommand } from './date';
import { echo, printf } from './printf';
import { testCommand } from './test-cmd';
import { cut, grep, head, seq, sort, tail, tr, uniq, wc, type UtilResult } from './text';
import { curl, nslookup, wget } from './net';

/** Builtins of both ash and dash: available even when the image has no such program file. */
const BUILTINS = new Set(['echo', 'printf', 'test', '[', 'true', 'false', ':', 'pwd', 'kill', 'wait', 'trap', 'type', 'command', 'umask']);

type Util = (args: string[], ctx: ShellContext, stdin: string) => UtilResult & { sleepMs?: number };

/** Parses `sleep` durations: `5`, `0.5`, `1m`, `2h`, `1d`, `infinity`. */
export function parseSleep(arg: string): number | undefined {
  if (arg === 'infinity' || arg === 'inf') return Infinity;
  const m = /^(\d+(?:\.\d*)?|\.\d+)([smhd]?)$/.exec(arg);
  if (!m) return undefined;
  const mult = { '': 1000, s: 1000, m: 60_000, h: 3_600_000, d: 86_400_000 }[m[2]]!;
  return Math.round(Number(m[1]) * mult);
}

function missing(ctx: ShellContext, tool: string, path: string, kind: 'open' | 'access'): string {
  if (ctx.flavor === 'ash') return kind === 'open' ? `${tool}: can't open '${path}': No such file or directory\n` : `${tool}: ${path}: No such file or directory\n`;
  return kind === 'open' ? `${tool}: ${path}: No such file or directory\n` : `${tool}: cannot access '${path}': No such file or directory\n`;
}

const UTILS: Record<string, Util> = {
  echo: (a, ctx) => ({ out: echo(a, ctx.flavor), status: 0 }),
  printf: (a) => printf(a),
  true: () => ({ status: 0 }),
  ':': () => ({ status: 0 }),
  false: () => ({ status: 1 }),
  test: (a, ctx) => testCommand('test', a, ctx),
  '[': (a, ctx) => testCommand('[', a, ctx),
  pwd: (_a, ctx) => ({ out: ctx.cwd + '\n', status: 0 }),
  hostname: (_a, ctx) => ({ out: ctx.hostname + '\n', status: 0 }),
  whoami: () => ({ out: 'root\n', status: 0 }),
  id: () => ({ out: 'uid=0(root) gid=0(root) groups=0(root)\n', status: 0 }),
  uname: (a, ctx) => ({ out: a.includes('-a') ? `Linux ${ctx.hostname} 6.8.0-1015-gcp #17-Ubuntu SMP x86_64 GNU/Linux\n` : 'Linux\n', status: 0 }),
  nproc: () => ({ out: '2\n', status: 0 }),
  kill: () => ({ status: 0 }),
  wait: () => ({ status: 0 }),
  trap: () => ({ status: 0 }),
  umask: () => ({ out: '0022\n', status: 0 }),
  date: (a, ctx) => dateCommand(a, nowMs(ctx)),
  sleep: (a, ctx) => {
    if (a.length === 0) {
      return ctx.flavor === 'ash'
        ? { err: 'BusyBox v1.36.1 (2023-05-18 22:34:17 UTC) multi-call binary.\n\nUsage: sleep [N]...\n\nPause for a time equal to the total of the args given, where each arg can\nhave an optional suffix of (s)econds, (m)inutes, (h)ours, or (d)ays\n', status: 1 }
        : { err: "sleep: missing operand\nTry 'sleep --help' for more information.\n", status: 1 };
    }
    let total = 0;
    for (const x of a) {
      const ms = parseSleep(x);
      if (ms === undefined) {
        return ctx.flavor === 'ash'
          ? { err: `sleep: invalid number '${x}'\n`, status: 1 }
          : { err: `sleep: invalid time interval '${x}'\nTry 'sleep --help' for more information.\n`, status: 1 };
      }
      total += ms;
    }
    return { status: 0, sleepMs: total };
  },
  env: (_a, ctx) => ({ out: [...ctx.exported].filter((k) => ctx.vars.has(k)).map((k) => `${k}=${ctx.vars.get(k)}\n`).join(''), status: 0 }),
  printenv: (a, ctx) => {
    if (a.length === 0) return UTILS.env(a, ctx, '');
    const vals = a.map((k) => (ctx.exported.has(k) ? ctx.vars.get(k) : undefined));
    return { out: vals.filter((v) => v !== undefined).map((v) => v + '\n').join(''), status: vals.includes(undefined) ? 1 : 0 };
  },
  cat: (a, ctx, stdin) => {
    const paths = a.filter((x) => x === '-' || !x.startsWith('-'));
    if (paths.length === 0) return { out: stdin, status: 0 };
    let out = '';
    let err = '';
    for (const p of paths) {
      if (p === '-') {
        out += stdin;
        continue;
      }
      const abs = resolvePath(ctx, p);
      const c = ctx.files.get(abs);
      if (c !== undefined) out += c;
      else if (isDir(ctx.files, abs)) err += ctx.flavor === 'ash' ? 'cat: read error: Is a directory\n' : `cat: ${p}: Is a directory\n`;
      else err += missing(ctx, 'cat', p, 'open');
    }
    return { out, err, status: err ? 1 : 0 };
  },
  ls: (a, ctx) => {
    const all = a.some((x) => /^-[a-zA-Z]*a/.test(x));
    const paths = a.filter((x) => !x.startsWith('-'));
    const targets = paths.length ? paths : ['.'];
    let out = '';
    let err = '';
    targets.forEach((p, k) => {
      const abs = resolvePath(ctx, p);
      if (ctx.files.has(abs)) out += p + '\n';
      else if (isDir(ctx.files, abs)) {
        const names = (all ? ['.', '..'] : []).concat(listDir(ctx.files, abs).filter((n) => all || !n.startsWith('.')));
        if (targets.length > 1) out += `${k > 0 ? '\n' : ''}${p}:\n`;
        out += names.map((n) => n + '\n').join('');
      } else err += missing(ctx, 'ls', p, 'access');
    });
    return { out, err, status: err ? (ctx.flavor === 'ash' ? 1 : 2) : 0 };
  },
  mkdir: (a, ctx) => {
    for (const p of a.filter((x) => !x.startsWith('-'))) {
      const abs = resolvePath(ctx, p);
      if (!isDir(ctx.files, abs)) ctx.files.set(abs + '/.keep', '');
    }
    return { status: 0 };
  },
  touch: (a, ctx) => {
    for (const p of a.filter((x) => !x.startsWith('-'))) {
      const abs = resolvePath(ctx, p);
      if (!ctx.files.has(abs)) ctx.files.set(abs, '');
    }
    return { status: 0 };
  },
  rm: (a, ctx) => {
    const force = a.some((x) => /^-[a-zA-Z]*f/.test(x));
    let err = '';
    for (const p of a.filter((x) => !x.startsWith('-'))) {
      const abs = resolvePath(ctx, p);
      const dir = isDir(ctx.files, abs);
      if (ctx.files.delete(abs)) continue;
      if (dir && a.some((x) => /^-[a-zA-Z]*r/i.test(x))) {
        for (const k of [...ctx.files.keys()]) if (k.startsWith(abs + '/')) ctx.files.delete(k);
      } else if (!force) err += ctx.flavor === 'ash' ? `rm: can't remove '${p}': No such file or directory\n` : `rm: cannot remove '${p}': No such file or directory\n`;
    }
    return { err, status: err ? 1 : 0 };
  },
  tee: (a, ctx, stdin) => {
    const append = a.includes('-a');
    for (const p of a.filter((x) => !x.startsWith('-'))) {
      const abs = resolvePath(ctx, p);
      ctx.files.set(abs, (append ? ctx.files.get(abs) ?? '' : '') + stdin);
    }
    return { out: stdin, status: 0 };
  },
  basename: (a) => ({ out: (a[0] ?? '').replace(/\/+$/, '').split('/').pop()!.replace(a[1] ?? '\0', '') + '\n', status: 0 }),
  dirname: (a) => {
    const p = (a[0] ?? '').replace(/\/+$/, '');
    const k = p.lastIndexOf('/');
    return { out: (k < 0 ? '.' : k === 0 ? '/' : p.slice(0, k)) + '\n', status: 0 };
  },
  head: (a, _c, i) => head(a, i),
  tail: (a, _c, i) => tail(a, i),
  wc: (a, _c, i) => wc(a, i),
  grep: (a, ctx, i) => {
    const files = a.filter((x) => !x.startsWith('-')).slice(1);
    const input = files.length ? files.map((f) => ctx.files.get(resolvePath(ctx, f)) ?? '').join('') : i;
    return grep(a.filter((x, k) => !files.includes(x) || k === a.findIndex((y) => !y.startsWith('-'))), input);
  },
  sort: (a, _c, i) => sort(a, i),
  uniq: (a, _c, i) => uniq(a, i),
  tr: (a, _c, i) => tr(a, i),
  cut: (a, _c, i) => cut(a, i),
  seq: (a) => seq(a),
  nslookup: (a, ctx) => nslookup(a, ctx.net),
};

/** Runs a utility by name (a path like `/bin/sleep` works too); unknown ones are `not found`. */
export function* runUtility(argv: string[], ctx: ShellContext, stdin: string): Gen {
  const [path, ...args] = argv;
  const name = path.includes('/') ? path.slice(path.lastIndexOf('/') + 1) : path;
  const known = name in UTILS || name === 'curl' || name === 'wget';
  const onPath = BUILTINS.has(name) || !ctx.programs || ctx.programs.has(name);
  if (!known || !onPath) {
    yield { fd: 2, text: shErr(ctx, `${path}: not found`) };
    return 127;
  }
  if (name === 'curl' || name === 'wget') {
    const r = name === 'curl' ? curl(args, ctx.net) : wget(args, ctx.net);
    if (r.elapsedMs) ctx.clock.time += r.elapsedMs;
    if (r.file) ctx.files.set(resolvePath(ctx, r.file.path), r.file.content);
    if (r.err) yield { fd: 2, text: r.err };
    if (r.out) yield { fd: 1, text: r.out };
    return r.status;
  }
  const r = UTILS[name](args, ctx, stdin);
  if (r.out) yield { fd: 1, text: r.out };
  if (r.err) yield { fd: 2, text: r.err };
  if (r.sleepMs) {
    ctx.clock.time += r.sleepMs;
    yield { fd: 0, text: '' };
  }
  return r.status;
}
