// Table-driven tests for the container shell: scripts with env -> stdout, stderr, exit status.
import { describe, expect, it } from 'vitest';
import { newContext, runShell, ShellStream, execSync } from '../../../../src/engine/kubelet/shell/index';
import type { ShellFlavor } from '../../../../src/engine/kubelet/shell/index';

function run(script: string, opts: { env?: Record<string, string>; flavor?: ShellFlavor; files?: Record<string, string>; startedAtMs?: number } = {}) {
  const ctx = newContext({
    env: opts.env ?? {},
    files: new Map(Object.entries(opts.files ?? {})),
    hostname: 'web-0',
    flavor: opts.flavor,
    startedAtMs: opts.startedAtMs,
  });
  const s = new ShellStream(runShell('sh', ['-c', script], ctx, ''), ctx);
  let stdout = '';
  let stderr = '';
  const times: number[] = [];
  for (let k = 0; k < 1000; k++) {
    const e = s.next();
    if (!e) return { stdout, stderr, exit: undefined, times, ctx };
    times.push(e.at);
    if (e.kind === 'stdout') stdout += e.text;
    else if (e.kind === 'stderr') stderr += e.text;
    else if (e.kind === 'exit') return { stdout, stderr, exit: e.code, times, ctx };
  }
  return { stdout, stderr, exit: undefined, times, ctx };
}

describe('shell scripts', () => {
  const rows: { script: string; env?: Record<string, string>; flavor?: ShellFlavor; stdout: string; stderr?: string; exit: number }[] = [
    { script: 'echo hi', stdout: 'hi\n', exit: 0 },
    { script: 'echo hi; exit 1', stdout: 'hi\n', exit: 1 },
    { script: 'echo a b   c', stdout: 'a b c\n', exit: 0 },
    { script: 'echo "a b   c"', stdout: 'a b   c\n', exit: 0 },
    { script: "echo 'a $X b'", env: { X: '1' }, stdout: 'a $X b\n', exit: 0 },
    { script: 'echo $X ${X}y "$X"', env: { X: 'v' }, stdout: 'v vy v\n', exit: 0 },
    { script: 'echo ${UNSET:-def} ${X:+alt}', env: { X: 'v' }, stdout: 'def alt\n', exit: 0 },
    { script: 'echo ${#X}', env: { X: 'hello' }, stdout: '5\n', exit: 0 },
    { script: 'X=1; echo $X', stdout: '1\n', exit: 0 },
    { script: 'echo -n hi; echo there', stdout: 'hithere\n', exit: 0 },
    { script: 'echo -e "a\\tb"', stdout: 'a\tb\n', exit: 0 },
    { script: 'echo "a\\nb"', stdout: 'a\\nb\n', exit: 0 },
    { script: 'echo "a\\nb"', flavor: 'dash', stdout: 'a\nb\n', exit: 0 },
    { script: 'true && echo yes', stdout: 'yes\n', exit: 0 },
    { script: 'false && echo yes', stdout: '', exit: 1 },
    { script: 'false || echo no', stdout: 'no\n', exit: 0 },
    { script: 'false; echo $?', stdout: '1\n', exit: 0 },
    { script: 'exit 3', stdout: '', exit: 3 },
    { script: 'exit 256', stdout: '', exit: 0 },
    { script: 'for i in 1 2 3; do echo $i; done', stdout: '1\n2\n3\n', exit: 0 },
    { script: 'for i in $(seq 1 3); do echo n$i; done', stdout: 'n1\nn2\nn3\n', exit: 0 },
    { script: 'i=0; while [ $i -lt 3 ]; do echo $i; i=$((i+1)); done', stdout: '0\n1\n2\n', exit: 0 },
    { script: 'i=5; until [ $i -le 3 ]; do i=$((i-1)); done; echo $i', stdout: '3\n', exit: 0 },
    { script: 'if [ "$A" = "x" ]; then echo yes; else echo no; fi', env: { A: 'x' }, stdout: 'yes\n', exit: 0 },
    { script: 'if [ -z "$A" ]; then echo empty; elif true; then echo e; fi', stdout: 'empty\n', exit: 0 },
    { script: 'if test 2 -gt 3; then echo a; elif test 3 -gt 2; then echo b; fi', stdout: 'b\n', exit: 0 },
    { script: 'echo $((2 + 3 * 4)) $((10 / 3)) $((10 % 3)) $(( (1+2)*3 ))', stdout: '14 3 1 9\n', exit: 0 },
    { script: 'printf "%s-%d\\n" a 1 b 2', stdout: 'a-1\nb-2\n', exit: 0 },
    { script: 'printf "%5s|%-5s|%03d\\n" ab cd 7', stdout: '   ab|cd   |007\n', exit: 0 },
    { script: 'printf hello', stdout: 'hello', exit: 0 },
    { script: 'printf "%x %o %c\\n" 255 8 xyz', stdout: 'ff 10 x\n', exit: 0 },
    { script: 'foo', stdout: '', stderr: 'sh: foo: not found\n', exit: 127 },
    { script: 'foo', flavor: 'dash', stdout: '', stderr: 'sh: 1: foo: not found\n', exit: 127 },
    { script: 'echo $(echo inner)', stdout: 'inner\n', exit: 0 },
    { script: 'echo `echo back`', stdout: 'back\n', exit: 0 },
    { script: 'X="a b"; for w in $X; do echo [$w]; done', stdout: '[a]\n[b]\n', exit: 0 },
    { script: 'X="a b"; for w in "$X"; do echo [$w]; done', stdout: '[a b]\n', exit: 0 },
    { script: 'hostname', stdout: 'web-0\n', exit: 0 },
    { script: 'whoami; pwd', stdout: 'root\n/\n', exit: 0 },
    { script: 'cd /tmp && pwd', stdout: '/tmp\n', exit: 0 },
    { script: 'printenv GREETING', env: { GREETING: 'hello' }, stdout: 'hello\n', exit: 0 },
    { script: 'printenv NOPE', stdout: '', exit: 1 },
    { script: 'env', env: { A: '1' }, stdout: 'PATH=/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin\nHOSTNAME=web-0\nA=1\nHOME=/root\n', exit: 0 },
    { script: 'echo hi > /tmp/f; cat /tmp/f', stdout: 'hi\n', exit: 0 },
    { script: 'echo a > /f; echo b >> /f; cat /f', stdout: 'a\nb\n', exit: 0 },
    { script: 'echo a > /f; echo b > /f; cat /f', stdout: 'b\n', exit: 0 },
    { script: 'cat /nope', stdout: '', stderr: "cat: can't open '/nope': No such file or directory\n", exit: 1 },
    { script: 'cat /nope', flavor: 'dash', stdout: '', stderr: 'cat: /nope: No such file or directory\n', exit: 1 },
    { script: 'ls /nope', stdout: '', stderr: 'ls: /nope: No such file or directory\n', exit: 1 },
    { script: 'ls /nope', flavor: 'dash', stdout: '', stderr: "ls: cannot access '/nope': No such file or directory\n", exit: 2 },
    { script: 'echo x > /data/a.txt; echo y > /data/b.txt; ls /data', stdout: 'a.txt\nb.txt\n', exit: 0 },
    { script: 'foo 2>/dev/null; echo $?', stdout: '127\n', exit: 0 },
    { script: 'echo err 1>&2', stdout: '', stderr: 'err\n', exit: 0 },
    { script: 'foo 2>&1', stdout: 'sh: foo: not found\n', exit: 127 },
    { script: 'echo a; echo b | grep b', stdout: 'a\nb\n', exit: 0 },
    { script: 'printf "x\\ny\\nz\\n" | wc -l', stdout: '3\n', exit: 0 },
    { script: 'printf "x\\ny\\nz\\n" | head -n 2', stdout: 'x\ny\n', exit: 0 },
    { script: 'printf "x\\ny\\nz\\n" | tail -1', stdout: 'z\n', exit: 0 },
    { script: 'printf "b\\na\\nb\\n" | sort | uniq', stdout: 'a\nb\n', exit: 0 },
    { script: 'echo hello | tr a-z A-Z', stdout: 'HELLO\n', exit: 0 },
    { script: 'echo a:b:c | cut -d: -f2', stdout: 'b\n', exit: 0 },
    { script: 'echo hi | grep -q nope', stdout: '', exit: 1 },
    { script: '! false', stdout: '', exit: 0 },
    { script: '[ 1 -eq 1 ] && [ abc != abd ] && echo ok', stdout: 'ok\n', exit: 0 },
    { script: '[ 1 -eq 1', stdout: '', stderr: 'sh: missing ]\n', exit: 2 },
    { script: '[ a -eq 1 ]', stdout: '', stderr: "sh: invalid number 'a'\n", exit: 2 },
    { script: '[ a -eq 1 ]', flavor: 'dash', stdout: '', stderr: 'sh: 1: [: Illegal number: a\n', exit: 2 },
    { script: 'echo "unterminated', stdout: '', stderr: 'sh: Unterminated quoted string\n', exit: 2 },
    { script: 'sleep abc', stdout: '', stderr: "sleep: invalid number 'abc'\n", exit: 1 },
    { script: '{ echo a; echo b; } > /g; cat /g', stdout: 'a\nb\n', exit: 0 },
    { script: '(X=in; echo $X); echo ${X:-out}', stdout: 'in\nout\n', exit: 0 },
    { script: 'A=1 sh -c \'echo $A\'', stdout: '1\n', exit: 0 },
    { script: 'sh -c "exit 4"; echo $?', stdout: '4\n', exit: 0 },
    { script: 'date +%Y-%m-%dT%H:%M:%S', stdout: '2024-08-14T12:00:00\n', exit: 0 },
    { script: 'date', stdout: 'Wed Aug 14 12:00:00 UTC 2024\n', exit: 0 },
    { script: 'sleep 5; date +%T', stdout: '12:00:05\n', exit: 0 },
    { script: 'echo "$(date +%s)"', stdout: '1723636800\n', exit: 0 },
    { script: 'set -- a b; echo $# $1 $2', stdout: '2 a b\n', exit: 0 },
    { script: 'echo one # a comment', stdout: 'one\n', exit: 0 },
    { script: 'echo a\necho b', stdout: 'a\nb\n', exit: 0 },
    { script: 'curl -s http://web', stdout: '', exit: 127, stderr: 'sh: curl: not found\n', flavor: undefined },
    { script: 'wget -qO- http://web', stdout: '', stderr: "wget: bad address 'web'\n", exit: 1 },
    { script: 'nslookup web', stdout: ';; connection timed out; no servers could be reached\n\n', exit: 1 },
    { script: 'touch /a; [ -f /a ] && echo file; [ -d /tmp ] && echo dir', stdout: 'file\ndir\n', exit: 0 },
    { script: 'echo $HOME', stdout: '/root\n', exit: 0 },
    { script: 'x=3; x=$((x*x)); echo $x', stdout: '9\n', exit: 0 },
    { script: 'echo "${A}"/"${B}"', env: { A: 'x', B: 'y' }, stdout: 'x/y\n', exit: 0 },
  ];
  for (const row of rows) {
    it(`${row.flavor ?? 'ash'}: ${row.script.replace(/\n/g, '\\n')}`, () => {
      const programs = row.script.startsWith('curl') ? new Set(['sh', 'wget']) : undefined;
      const ctx0 = { ...row };
      const r = programs
        ? (() => {
            const ctx = newContext({ env: {}, files: new Map(), hostname: 'web-0', programs });
            const s = new ShellStream(runShell('sh', ['-c', row.script], ctx, ''), ctx);
            let stdout = '';
            let stderr = '';
            for (;;) {
              const e = s.next()!;
              if (e.kind === 'stdout') stdout += e.text;
              else if (e.kind === 'stderr') stderr += e.text;
              else if (e.kind === 'exit') return { stdout, stderr, exit: e.code };
            }
          })()
        : run(row.script, { env: ctx0.env, flavor: ctx0.flavor, startedAtMs: Date.UTC(2024, 7, 14, 12) });
      expect({ stdout: r.stdout, stderr: r.stderr, exit: r.exit }).toEqual({ stdout: row.stdout, stderr: row.stderr ?? '', exit: row.exit });
    });
  }
});

describe('lazy output over simulated time', () => {
  it('while true with sleep yields one line per period and never ends', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p', startedAtMs: 0 });
    const s = new ShellStream(runShell('sh', ['-c', 'while true; do echo tick; sleep 5; done'], ctx, ''), ctx);
    const got = [s.next(), s.next(), s.next()];
    expect(got).toEqual([
      { at: 0, kind: 'stdout', text: 'tick\n' },
      { at: 5000, kind: 'stdout', text: 'tick\n' },
      { at: 10000, kind: 'stdout', text: 'tick\n' },
    ]);
  });

  it('a silent sleeping loop ends the stream instead of spinning', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p' });
    const s = new ShellStream(runShell('sh', ['-c', 'while true; do sleep 1; done'], ctx, ''), ctx);
    expect(s.next()).toBeUndefined();
    expect(s.busy).toBe(false);
  });

  it('a busy loop is flagged busy', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p' });
    const s = new ShellStream(runShell('sh', ['-c', 'while :; do :; done'], ctx, ''), ctx);
    expect(s.next()).toBeUndefined();
    expect(s.busy).toBe(true);
  });

  it('sleep infinity runs forever silently', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p' });
    const s = new ShellStream(runShell('sh', ['-c', 'echo up; sleep infinity'], ctx, ''), ctx);
    expect(s.next()).toEqual({ at: 0, kind: 'stdout', text: 'up\n' });
    expect(s.next()).toBeUndefined();
  });

  it('sleep then exit stamps the exit at the sleep end', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p' });
    const s = new ShellStream(runShell('sh', ['-c', 'sleep 30; exit 2'], ctx, ''), ctx);
    expect(s.next()).toEqual({ at: 30000, kind: 'exit', code: 2, reason: 'Error' });
  });

  it('sh with no script and empty stdin exits 0 at once', () => {
    const ctx = newContext({ env: {}, files: new Map(), hostname: 'p' });
    const s = new ShellStream(runShell('sh', [], ctx, ''), ctx);
    expect(s.next()).toEqual({ at: 0, kind: 'exit', code: 0, reason: 'Completed' });
  });
});

describe('exec', () => {
  const rows: { argv: string[]; files?: Record<string, string>; programs?: string[]; want: { stdout: string; stderr: string; exitCode: number } }[] = [
    { argv: ['cat', '/etc/config/a'], files: { '/etc/config/a': 'v1' }, want: { stdout: 'v1', stderr: '', exitCode: 0 } },
    { argv: ['ls', '/etc/config'], files: { '/etc/config/a': '', '/etc/config/b': '' }, want: { stdout: 'a\nb\n', stderr: '', exitCode: 0 } },
    { argv: ['sh', '-c', 'echo $HOSTNAME'], want: { stdout: 'pod-1\n', stderr: '', exitCode: 0 } },
    { argv: ['sh', '-c', 'exit 7'], want: { stdout: '', stderr: '', exitCode: 7 } },
    { argv: ['bash'], programs: ['sh'], want: { stdout: '', stderr: 'OCI runtime exec failed: exec failed: unable to start container process: exec: "bash": executable file not found in $PATH: unknown', exitCode: 127 } },
    { argv: ['/bin/echo', 'x'], want: { stdout: 'x\n', stderr: '', exitCode: 0 } },
    { argv: ['sh', '-c', 'while true; do :; done'], want: { stdout: '', stderr: '', exitCode: 137 } },
  ];
  for (const row of rows) {
    it(row.argv.join(' '), () => {
      const ctx = newContext({ env: {}, files: new Map(Object.entries(row.files ?? {})), hostname: 'pod-1', programs: row.programs ? new Set(row.programs) : undefined });
      expect(execSync(row.argv, ctx)).toEqual(row.want);
    });
  }

  it('exec sees files the main process wrote', () => {
    const files = new Map<string, string>();
    const main = newContext({ env: {}, files, hostname: 'p' });
    const s = new ShellStream(runShell('sh', ['-c', 'echo data > /out.txt; sleep 3600'], main, ''), main);
    s.next();
    const ex = newContext({ env: {}, files, hostname: 'p' });
    expect(execSync(['cat', '/out.txt'], ex).stdout).toBe('data\n');
  });
});
