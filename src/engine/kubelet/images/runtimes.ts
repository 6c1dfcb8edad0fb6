// Language runtimes (node, python, ruby: a REPL that exits at once without a terminal, or a
// one-liner), the cert-manager controller (long-running, logs a few lines) and polinux/stress.

import type { Behaviour, Program } from './types';
import { formatDate } from '../shell/index';

type Ev = Behaviour['events'][number];
const exit = (at: number, code: number): Ev => ({ at, kind: 'exit', code, reason: code === 0 ? 'Completed' : 'Error' });

/** String literals printed by `print('x')` / `console.log("x")` / `puts 'x'` in a one-liner. */
function printed(code: string, fn: RegExp): string {
  let out = '';
  for (const m of code.matchAll(fn)) out += (m[2] ?? m[3] ?? '') + '\n';
  return out;
}

/** Shared by node, python and ruby: argv[1] picks REPL (none), `-c`/`-e` one-liner, or a script. */
function runtime(kind: 'node' | 'python' | 'ruby'): Program {
  return ({ argv, files, spec }) => {
    const args = argv.slice(1);
    if (args.length === 0) return { events: [exit(200, 0)] }; // REPL with no TTY: reads EOF, exits 0
    const flag = args[0];
    if ((kind === 'python' && flag === '-c') || ((kind === 'node' || kind === 'ruby') && flag === '-e')) {
      const code = args[1] ?? '';
      const re = kind === 'python' ? /print\((['"])(.*?)\1\)/g : kind === 'node' ? /console\.log\((['"`])(.*?)\1\)/g : /puts\s*\(?\s*(['"])(.*?)\1/g;
      const out = printed(code, re);
      return { events: [...(out ? [{ at: 300, kind: 'stdout' as const, text: out }] : []), exit(300, 0)] };
    }
    if (kind === 'python' && flag === '-m' && args[1] === 'http.server') {
      const port = Number(args[2] ?? 8000);
      return {
        events: [{ at: 300, kind: 'stdout', text: `Serving HTTP on 0.0.0.0 port ${port} (http://0.0.0.0:${port}/) ...\n` }],
        listen: { ports: [port], afterMs: 300 },
      };
    }
    if (flag === '--version' || flag === '-v' || flag === '-V') {
      const v = { node: 'v22.12.0', python: 'Python 3.13.1', ruby: 'ruby 3.4.1 (2024-12-25 revision 48d4efcb85) +PRISM [x86_64-linux]' }[kind];
      return { events: [{ at: 100, kind: 'stdout', text: v + '\n' }, exit(100, 0)] };
    }
    const script = flag.startsWith('/') ? flag : `${spec.workingDir ?? '/'}${spec.workingDir?.endsWith('/') === false ? '/' : ''}${flag}`;
    if (files.has(script)) return { events: [] }; // an app we cannot interpret: assume it serves on
    const err = {
      python: `python: can't open file '${script}': [Errno 2] No such file or directory\n`,
      node: `node:internal/modules/cjs/loader:1228\n  throw err;\n  ^\n\nError: Cannot find module '${script}'\n    at Module._resolveFilename (node:internal/modules/cjs/loader:1225:15)\n    at Module._load (node:internal/modules/cjs/loader:1051:27)\n    at Function.executeUserEntryPoint [as runMain] (node:internal/modules/run_main:174:12)\n    at node:internal/main/run_main_module:28:49 {\n  code: 'MODULE_NOT_FOUND',\n  requireStack: []\n}\n\nNode.js v22.12.0\n`,
      ruby: `ruby: No such file or directory -- ${flag} (LoadError)\n`,
    }[kind];
    return { events: [{ at: 200, kind: 'stderr', text: err }, exit(200, kind === 'python' ? 2 : 1)] };
  };
}

export const nodeProgram = runtime('node');
export const pythonProgram = runtime('python');
export const rubyProgram = runtime('ruby');

/** quay.io/jetstack/cert-manager-controller: klog lines, then runs on. */
export const certManagerProgram: Program = ({ spec, tag }) => {
  const start = spec.startedAtMs ?? 0;
  const k = (at: number, file: string, msg: string): Ev => ({
    at,
    kind: 'stderr',
    text: `I${formatDate(start + at, '%m%d %H:%M:%S.')}${String(((start + at) % 1000) * 1000).padStart(6, '0')}       1 ${file}] ${msg}\n`,
  });
  return {
    events: [
      k(200, 'controller.go:284', `"configured acme dns01 nameservers" logger="cert-manager.controller.build-context" nameservers=["10.96.0.10:53"]`),
      k(250, 'controller.go:90', `"enabled controllers: [certificaterequests-approver certificaterequests-issuer-acme certificates-issuing certificates-key-manager certificates-trigger clusterissuers issuers orders challenges]" logger="cert-manager.controller"`),
      k(300, 'server.go:208', `"listening for requests" logger="cert-manager.controller" address="0.0.0.0:9402" version="${tag.version}"`),
      k(400, 'leaderelection.go:257', `attempting to acquire leader lease kube-system/cert-manager-controller...`),
    ],
    listen: { ports: [9402], afterMs: 300 },
  };
};

/** polinux/stress: `stress --vm 1 --vm-bytes 150M --vm-hang 1` holds that much memory; `--cpu N` burns N cores. */
export const stressProgram: Program = ({ argv }) => {
  const opt = (name: string) => {
    const k = argv.indexOf(name);
    return k >= 0 ? argv[k + 1] : undefined;
  };
  const vm = Number(opt('--vm') ?? 0);
  const cpu = Number(opt('--cpu') ?? opt('-c') ?? 0);
  const bytesArg = opt('--vm-bytes') ?? '256M';
  const m = /^(\d+)([BKMG]?)$/i.exec(bytesArg);
  const unit = { '': 1, B: 1, K: 1024, M: 1024 ** 2, G: 1024 ** 3 }[(m?.[2] ?? '').toUpperCase()] ?? 1;
  const memory = vm * Number(m?.[1] ?? 0) * unit + 1024 * 1024;
  return {
    events: [{ at: 50, kind: 'stdout', text: `stress: info: [1] dispatching hogs: ${cpu} cpu, 0 io, ${vm} vm, 0 hdd\n` }],
    memoryBytes: memory,
    cpuMillicores: cpu * 1000,
  };
};
