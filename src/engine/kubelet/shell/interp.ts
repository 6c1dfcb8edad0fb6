// The container shell's interpreter: runs the parsed AST as generators that yield output lazily,
// so `while true; do date; sleep 5; done` produces one chunk at a time and never spins; `sleep`
// moves the shell's own clock forward instead of waiting.

import { parseScript, type Command, type List, type Redir } from './parser';
import { ShellSyntaxError } from './lexer';
import { expandFields, expandWord, expandWords, ExpansionError } from './expand';
import { runUtility } from './commands';
import type { Out, ShellContext } from './state';
import { resolvePath } from './fs';

/** Output, or a tick (fd 0) that marks progress without output (loop turns, sleeps). */
export type Yielded = Out | { fd: 0; text: '' };
/** A running piece of shell: yields output, returns the exit status. */
export type Gen = Generator<Yielded, number, void>;

const TICK: Yielded = { fd: 0, text: '' };
/** Steps a synchronous run (command substitution, pipe source, exec) may take before it is cut off. */
export const SYNC_STEP_LIMIT = 100_000;

/** `sh: 1: foo: not found` (dash) or `sh: foo: not found` (busybox ash). */
export function shErr(ctx: ShellContext, msg: string): string {
  return ctx.flavor === 'dash' ? `${ctx.argv0}: 1: ${msg}\n` : `${ctx.argv0}: ${msg}\n`;
}

/** Runs a generator to the end, collecting stdout; stderr goes to `err`. Cut off after `limit` steps. */
export function drain(g: Gen, limit = SYNC_STEP_LIMIT): { stdout: string; stderr: string; status: number; cut: boolean } {
  let stdout = '';
  let stderr = '';
  for (let n = 0; ; n++) {
    if (n > limit) return { stdout, stderr, status: 137, cut: true };
    const r = g.next();
    if (r.done) return { stdout, stderr, status: r.value, cut: false };
    if (r.value.fd === 1) stdout += r.value.text;
    else if (r.value.fd === 2) stderr += r.value.text;
  }
}

/** A subshell: a copy of the variables that shares files and time with its parent. */
function child(ctx: ShellContext): ShellContext {
  return { ...ctx, vars: new Map(ctx.vars), exported: new Set(ctx.exported), exiting: undefined };
}


/** Parses and runs a script text (`sh -c TEXT`). Syntax errors exit 2 as sh does. */
export function* runScript(script: string, ctx: ShellContext, stdin = ''): Gen {
  let list: List;
  try {
    list = parseScript(script);
  } catch (e) {
    if (e instanceof ShellSyntaxError) {
      yield { fd: 2, text: shErr(ctx, e.message) };
      return 2;
    }
    throw e;
  }
  const status = yield* runList(list, ctx, stdin);
  return ctx.exiting ?? status;
}

export function* runList(list: List, ctx: ShellContext, stdin: string): Gen {
  let status = 0;
  for (const ao of list) {
    if (ctx.exiting !== undefined) return ctx.exiting;
    status = yield* runPipeline(ao.first, ctx, stdin);
    for (const { op, p } of ao.rest) {
      if (ctx.exiting !== undefined) return ctx.exiting;
      if ((op === '&&') === (status === 0)) status = yield* runPipeline(p, ctx, stdin);
    }
    ctx.lastStatus = status;
  }
  return status;
}

function* runPipeline(p: { negate: boolean; cmds: Command[] }, ctx: ShellContext, stdin: string): Gen {
  let input = stdin;
  let status = 0;
  for (let k = 0; k < p.cmds.length; k++) {
    if (k === p.cmds.length - 1) {
      status = yield* runCommand(p.cmds[k], ctx, input);
    } else {
      // Earlier stages run to completion first; their stdout becomes the next stage's stdin.
      const c = child(ctx);
      const r = drain(runCommand(p.cmds[k], c, input));
      if (r.stderr) yield { fd: 2, text: r.stderr };
      input = r.stdout;
    }
  }
  ctx.lastStatus = p.negate ? +(status === 0) : status;
  return ctx.lastStatus;
}

type Target = { kind: 'pass'; fd: 1 | 2 } | { kind: 'file'; path: string } | { kind: 'null' };

/** Applies redirections around `body`: output goes to files, the terminal, or nowhere. */
function* withRedirs(redirs: Redir[], ctx: ShellContext, stdin: string, body: (stdin: string) => Gen, subst: (s: string) => string): Gen {
  if (redirs.length === 0) return yield* body(stdin);
  const targets: Record<1 | 2, Target> = { 1: { kind: 'pass', fd: 1 }, 2: { kind: 'pass', fd: 2 } };
  for (const r of redirs) {
    const word = expandWord(r.target, ctx, subst);
    if (r.op === '>&' || r.op === '<&') {
      if (r.fd === 1 || r.fd === 2) targets[r.fd] = word === '2' ? targets[2] : targets[1];
      continue;
    }
    if (r.op === '<') {
      const path = resolvePath(ctx, word);
      const content = ctx.files.get(path);
      if (content === undefined) {
        yield { fd: 2, text: shErr(ctx, ctx.flavor === 'dash' ? `cannot open ${word}: No such file` : `can't open '${word}': No such file or directory`) };
        return 1;
      }
      stdin = content;
      continue;
    }
    let t: Target;
    if (word === '/dev/null') t = { kind: 'null' };
    else if (word === '/dev/stdout') t = { kind: 'pass', fd: 1 };
    else if (word === '/dev/stderr') t = { kind: 'pass', fd: 2 };
    else {
      const path = resolvePath(ctx, word);
      if (r.op === '>' || !ctx.files.has(path)) ctx.files.set(path, '');
      t = { kind: 'file', path };
    }
    if (r.fd === 3) targets[1] = targets[2] = t;
    else if (r.fd === 1 || r.fd === 2) targets[r.fd] = t;
  }
  const g = body(stdin);
  for (;;) {
    const r = g.next();
    if (r.done) return r.value;
    const y = r.value;
    if (y.fd === 0) {
      yield y;
      continue;
    }
    const t = targets[y.fd];
    if (t.kind === 'pass') yield { fd: t.fd, text: y.text };
    else if (t.kind === 'file') ctx.files.set(t.path, (ctx.files.get(t.path) ?? '') + y.text);
  }
}

function* runCommand(cmd: Command, ctx: ShellContext, stdin: string): Gen {
  const errs: string[] = [];
  const subst = (script: string): string => {
    const c = child(ctx);
    const r = drain(runScript(script, c));
    ctx.lastStatus = r.status;
    if (r.stderr) errs.push(r.stderr);
    return r.stdout;
  };
  try {
    const status = yield* withRedirs(cmd.redirs, ctx, stdin, (input) => runBody(cmd, ctx, input, subst, errs), subst);
    for (const e of errs.splice(0)) yield { fd: 2, text: e };
    return status;
  } catch (e) {
    if (!(e instanceof ExpansionError)) throw e;
    for (const x of errs.splice(0)) yield { fd: 2, text: x };
    yield { fd: 2, text: shErr(ctx, e.message) };
    return ctx.flavor === 'dash' ? 2 : 1;
  }
}

function* runBody(cmd: Command, ctx: ShellContext, stdin: string, subst: (s: string) => string, errs: string[]): Gen {
  switch (cmd.type) {
    case 'simple':
      return yield* runSimple(cmd, ctx, stdin, subst, errs);
    case 'group': {
      if (!cmd.subshell) return yield* runList(cmd.body, ctx, stdin);
      const c = child(ctx);
      const s = yield* runList(cmd.body, c, stdin);
      return c.exiting ?? s;
    }
    case 'if': {
      for (const b of cmd.branches) {
        const s = yield* runList(b.cond, ctx, stdin);
        if (ctx.exiting !== undefined) return ctx.exiting;
        if (s === 0) return yield* runList(b.body, ctx, stdin);
      }
      return cmd.orElse ? yield* runList(cmd.orElse, ctx, stdin) : 0;
    }
    case 'while': {
      let status = 0;
      for (;;) {
        yield TICK;
        ctx.clock.steps++;
        const s = yield* runList(cmd.cond, ctx, stdin);
        if (ctx.exiting !== undefined) return ctx.exiting;
        if ((s === 0) === cmd.until) return status;
        status = yield* runList(cmd.body, ctx, stdin);
        if (ctx.exiting !== undefined) return ctx.exiting;
      }
    }
    case 'for': {
      const items = cmd.items ? expandWords(cmd.items, ctx, subst) : [...ctx.positional];
      for (const e of errs.splice(0)) yield { fd: 2, text: e };
      let status = 0;
      for (const item of items) {
        yield TICK;
        ctx.vars.set(cmd.name, item);
        status = yield* runList(cmd.body, ctx, stdin);
        if (ctx.exiting !== undefined) return ctx.exiting;
      }
      return status;
    }
  }
}

function* runSimple(
  cmd: { assigns: string[]; words: string[] },
  ctx: ShellContext,
  stdin: string,
  subst: (s: string) => string,
  errs: string[],
): Gen {
  ctx.clock.steps++;
  yield TICK;
  const argv = expandWords(cmd.words, ctx, subst);
  const assigns = cmd.assigns.map((a) => {
    const eq = a.indexOf('=');
    return [a.slice(0, eq), expandWord(a.slice(eq + 1), ctx, subst)] as const;
  });
  for (const e of errs.splice(0)) yield { fd: 2, text: e };
  if (argv.length === 0) {
    for (const [k, v] of assigns) ctx.vars.set(k, v);
    return cmd.words.length > 0 || cmd.assigns.some((a) => /\$\(|`/.test(a)) ? ctx.lastStatus : 0;
  }
  // `VAR=x cmd`: the assignment holds for that command only.
  const saved = assigns.map(([k]) => [k, ctx.vars.get(k), ctx.exported.has(k)] as const);
  for (const [k, v] of assigns) {
    ctx.vars.set(k, v);
    ctx.exported.add(k);
  }
  try {
    return yield* runArgv(argv, ctx, stdin);
  } finally {
    for (const [k, v, ex] of saved) {
      if (v === undefined) ctx.vars.delete(k);
      else ctx.vars.set(k, v);
      if (!ex) ctx.exported.delete(k);
    }
  }
}

/** Runs one argv: special builtins that change the shell, then `sh`, then the utilities. */
export function* runArgv(argv: string[], ctx: ShellContext, stdin: string): Gen {
  const [name, ...args] = argv;
  switch (name) {
    case 'exit': {
      const code = args[0] === undefined ? ctx.lastStatus : Number(args[0]);
      if (!Number.isInteger(code)) {
        yield { fd: 2, text: shErr(ctx, `exit: Illegal number: ${args[0]}`) };
        ctx.exiting = 2;
        return 2;
      }
      ctx.exiting = ((code % 256) + 256) % 256;
      return ctx.exiting;
    }
    case 'export':
    case 'readonly':
      for (const a of args) {
        const eq = a.indexOf('=');
        if (eq >= 0) ctx.vars.set(a.slice(0, eq), a.slice(eq + 1));
        ctx.exported.add(eq >= 0 ? a.slice(0, eq) : a);
      }
      return 0;
    case 'unset':
      for (const a of args.filter((x) => !x.startsWith('-'))) {
        ctx.vars.delete(a);
        ctx.exported.delete(a);
      }
      return 0;
    case 'set':
      if (args[0] === '--') ctx.positional = args.slice(1);
      else if (args.length > 0 && !args[0].startsWith('-') && !args[0].startsWith('+')) ctx.positional = args;
      return 0;
    case 'shift': {
      const n = args[0] ? Number(args[0]) : 1;
      if (n > ctx.positional.length) return 1;
      ctx.positional = ctx.positional.slice(n);
      return 0;
    }
    case 'cd': {
      const dir = resolvePath(ctx, args[0] ?? ctx.vars.get('HOME') ?? '/');
      ctx.cwd = dir;
      ctx.vars.set('PWD', dir);
      return 0;
    }
    case 'eval':
      return yield* runScript(args.join(' '), ctx, stdin);
    case 'read': {
      const names = args.filter((a) => !a.startsWith('-'));
      const nl = stdin.indexOf('\n');
      if (stdin === '') return 1;
      const line = nl < 0 ? stdin : stdin.slice(0, nl);
      const parts = line.trim().split(/[ \t]+/);
      names.forEach((n, k) => ctx.vars.set(n, k === names.length - 1 ? parts.slice(k).join(' ') : parts[k] ?? ''));
      return 0;
    }
    case 'sh':
    case 'bash':
    case 'ash':
    case '/bin/sh':
    case '/bin/bash':
    case '/bin/ash': {
      const base = name.replace(/^\/bin\//, '');
      if (ctx.programs && !ctx.programs.has(base) && base !== 'sh') break;
      return yield* runShell(base, args, ctx, stdin);
    }
  }
  return yield* runUtility(argv, ctx, stdin);
}

/** `sh [-c SCRIPT [NAME ARGS...]] | sh FILE ARGS | sh` (reads the script from stdin). */
export function* runShell(name: string, args: string[], ctx: ShellContext, stdin: string): Gen {
  const c = child(ctx);
  c.argv0 = name;
  let k = 0;
  while (k < args.length && /^-[a-bd-z]+$/.test(args[k])) k++; // -e, -x, -ex: accepted, ignored
  let script: string;
  if (args[k]?.startsWith('-') && args[k].includes('c')) {
    if (args[k + 1] === undefined) {
      yield { fd: 2, text: `${name}: -c requires an argument\n` };
      return 2;
    }
    script = args[k + 1];
    if (args[k + 2] !== undefined) c.argv0 = args[k + 2];
    c.positional = args.slice(k + 3);
  } else if (args[k] !== undefined) {
    const path = resolvePath(ctx, args[k]);
    const content = ctx.files.get(path);
    if (content === undefined) {
      yield { fd: 2, text: ctx.flavor === 'dash' ? `${name}: 0: cannot open ${args[k]}: No such file\n` : `${name}: can't open '${args[k]}': No such file or directory\n` };
      return 2;
    }
    script = content;
    c.argv0 = args[k];
    c.positional = args.slice(k + 1);
  } else {
    // No script and no terminal: sh reads commands from stdin, which is empty -> exits 0 at once.
    script = stdin;
    stdin = '';
  }
  const status = yield* runScript(script, c, stdin);
  return status;
}

export { expandFields };
