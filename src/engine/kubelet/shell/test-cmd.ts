// `test` / `[` for the container shell: string, integer and file tests with `!`, `-a`, `-o`.

import { isDir, resolvePath } from './fs';
import type { ShellContext } from './state';

class TestError extends Error {}

/** Evaluates `test ARGS` / `[ ARGS ]`: 0 true, 1 false, 2 with a message on misuse. */
export function testCommand(name: string, args: string[], ctx: ShellContext): { status: number; err?: string } {
  const pre = ctx.flavor === 'dash' ? `${ctx.argv0}: 1: ${name}: ` : `${ctx.argv0}: `;
  if (name === '[') {
    if (args[args.length - 1] !== ']') return { status: 2, err: `${pre}missing ]\n` };
    args = args.slice(0, -1);
  }
  try {
    if (args.length === 0) return { status: 1 };
    return { status: orExpr(args, 0, ctx).value ? 0 : 1 };
  } catch (e) {
    if (e instanceof TestError) return { status: 2, err: `${pre}${e.message}\n` };
    throw e;
  }
}

type R = { value: boolean; next: number };

function orExpr(a: string[], i: number, ctx: ShellContext): R {
  let r = andExpr(a, i, ctx);
  while (a[r.next] === '-o') {
    const rhs = andExpr(a, r.next + 1, ctx);
    r = { value: r.value || rhs.value, next: rhs.next };
  }
  if (i === 0 && r.next < a.length) throw new TestError(`${a[r.next]}: unexpected operator`);
  return r;
}

function andExpr(a: string[], i: number, ctx: ShellContext): R {
  let r = notExpr(a, i, ctx);
  while (a[r.next] === '-a') {
    const rhs = notExpr(a, r.next + 1, ctx);
    r = { value: r.value && rhs.value, next: rhs.next };
  }
  return r;
}

function notExpr(a: string[], i: number, ctx: ShellContext): R {
  if (a[i] === '!' && i + 1 < a.length) {
    const r = notExpr(a, i + 1, ctx);
    return { value: !r.value, next: r.next };
  }
  return primary(a, i, ctx);
}

function int(s: string, ctx: ShellContext): number {
  if (!/^\s*-?\d+\s*$/.test(s)) throw new TestError(ctx.flavor === 'dash' ? `Illegal number: ${s}` : `invalid number '${s}'`);
  return Number(s);
}

const BINARY = new Set(['=', '==', '!=', '-eq', '-ne', '-lt', '-le', '-gt', '-ge', '<', '>']);

function primary(a: string[], i: number, ctx: ShellContext): R {
  if (a[i] === '(') {
    const r = orExprInner(a, i + 1, ctx);
    if (a[r.next] !== ')') throw new TestError('closing paren expected');
    return { value: r.value, next: r.next + 1 };
  }
  if (i + 2 < a.length + 0 && BINARY.has(a[i + 1]) && i + 2 <= a.length - 1) {
    const [l, op, r] = [a[i], a[i + 1], a[i + 2]];
    const cmp: Record<string, () => boolean> = {
      '=': () => l === r,
      '==': () => l === r,
      '!=': () => l !== r,
      '<': () => l < r,
      '>': () => l > r,
      '-eq': () => int(l, ctx) === int(r, ctx),
      '-ne': () => int(l, ctx) !== int(r, ctx),
      '-lt': () => int(l, ctx) < int(r, ctx),
      '-le': () => int(l, ctx) <= int(r, ctx),
      '-gt': () => int(l, ctx) > int(r, ctx),
      '-ge': () => int(l, ctx) >= int(r, ctx),
    };
    return { value: cmp[op](), next: i + 3 };
  }
  const op = a[i];
  if (/^-[a-zA-Z]$/.test(op) && i + 1 < a.length) {
    const arg = a[i + 1];
    const path = resolvePath(ctx, arg);
    const file = ctx.files.has(path);
    const dir = isDir(ctx.files, path);
    const tests: Record<string, () => boolean> = {
      z: () => arg === '',
      n: () => arg !== '',
      e: () => file || dir,
      f: () => file,
      d: () => dir,
      s: () => (ctx.files.get(path) ?? '') !== '' || dir,
      r: () => file || dir,
      w: () => file || dir,
      x: () => dir || /^\/(usr\/)?s?bin\//.test(path),
      L: () => false,
      h: () => false,
    };
    const t = tests[op.slice(1)];
    if (!t) throw new TestError(`${op}: unexpected operator`);
    return { value: t(), next: i + 2 };
  }
  return { value: (a[i] ?? '') !== '', next: i + 1 };
}

function orExprInner(a: string[], i: number, ctx: ShellContext): R {
  let r = andExpr(a, i, ctx);
  while (a[r.next] === '-o') {
    const rhs = andExpr(a, r.next + 1, ctx);
    r = { value: r.value || rhs.value, next: rhs.next };
  }
  return r;
}
