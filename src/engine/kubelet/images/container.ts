// A running container as the kubelet sees it (SimProcess): picks what argv runs (the image's
// own behaviour, the shell, or a start failure), merges startup output with per-request access
// logs in time order, answers HTTP/TCP while listening, runs exec'd commands in the same files,
// and reports CPU/memory from the image's profile and the traffic it served.

import type { ExecResult, HttpRequest, HttpResponse, ProcessEvent, SimProcess } from '../process';
import { execSync, hasProgram, newContext, runArgv, ShellStream, type ShellContext } from '../shell/index';
import { PROGRAMS } from './catalog';
import type { Behaviour, FullSpec, ImageDef, TagInfo } from './types';

/** Window over which per-request CPU is averaged, like metrics-server's resolution. */
const CPU_WINDOW_MS = 15_000;
/** When an over-limit process gets OOM-killed: once it has allocated (shortly after start). */
const OOM_AFTER_MS = 1_000;

const base = (p: string) => p.slice(p.lastIndexOf('/') + 1);

/** The container's argv from the image's ENTRYPOINT/CMD and the pod's command/args (Kubernetes' rules). */
export function containerArgv(image: Pick<ImageDef, 'entrypoint' | 'cmd'>, command?: string[], args?: string[]): string[] {
  if (command && command.length > 0) return [...command, ...(args ?? [])];
  return [...image.entrypoint, ...(args ?? image.cmd)];
}

/** containerd's message when the first argv entry does not exist in the image. */
export function startFailure(name: string): string {
  return `failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: exec: "${name}": executable file not found in $PATH: unknown`;
}

type Source = { peek(): ProcessEvent | undefined; take(): ProcessEvent | undefined };

// The per-container functions below are object methods, not named arrow functions: tsx runs
// esbuild with keepNames, which redefines `name` on every named closure it creates (~250 bytes
// each), and each of 10,000 containers made about ten of them.

function listSource(events: ProcessEvent[]): Source {
  let k = 0;
  return {
    peek() {
      return events[k];
    },
    take() {
      return events[k++];
    },
  };
}

function streamSource(s: ShellStream): Source {
  let buf: ProcessEvent | undefined;
  let loaded = false;
  const src: Source = {
    peek() {
      if (!loaded) {
        buf = s.next();
        loaded = true;
      }
      return buf;
    },
    take() {
      src.peek();
      loaded = false;
      return buf;
    },
  };
  return src;
}

/** The image's programs as a set, one per catalog row (read only: shared by its containers). */
const programSets = new WeakMap<ImageDef, ReadonlySet<string>>();
function programsOf(image: ImageDef): ReadonlySet<string> {
  let set = programSets.get(image);
  if (!set) programSets.set(image, (set = new Set(image.programs)));
  return set;
}

/** Starts a container from a catalog row; see the file comment for what it models. */
export function startContainer(image: ImageDef, tag: TagInfo, spec: FullSpec): SimProcess {
  const env = { ...(image.env ?? {}), ...spec.env };
  const files = new Map(Object.entries(spec.files));
  const programs = programsOf(image);
  const shell = {
    ctx(sinceStartMs: number): ShellContext {
      return newContext({ env, files, hostname: spec.hostname, flavor: image.shell ?? 'ash', programs, cwd: spec.workingDir ?? image.workingDir, startedAtMs: spec.startedAtMs, sinceStartMs, net: spec.net });
    },
  };

  let argv = containerArgv(image, spec.command, spec.args);
  let viaEntrypoint = false;
  if (argv.length > 0 && base(argv[0]) === 'docker-entrypoint.sh' && image.mains['docker-entrypoint.sh']) {
    // The official entrypoints run their setup, then exec "$@"; a first argument that is a flag
    // goes to the image's main binary (`mysql --character-set-server=...`).
    viaEntrypoint = true;
    const rest = argv.slice(1);
    argv = rest.length === 0 || rest[0].startsWith('-') ? [image.cmd[0] ?? 'docker-entrypoint.sh', ...rest] : rest;
  }

  let behaviour: Behaviour | undefined;
  let source: Source;
  let stream: ShellStream | undefined;
  const main = argv.length > 0 ? image.mains[base(argv[0])] : undefined;
  if (main) {
    behaviour = PROGRAMS[main]({ spec, argv, image, tag, env, files, viaEntrypoint });
    source = listSource(behaviour.events);
  } else if (argv.length > 0 && image.shell && hasProgram(shell.ctx(0), argv[0])) {
    const ctx = shell.ctx(0);
    stream = new ShellStream(runArgv(argv, ctx, ''), ctx);
    source = streamSource(stream);
  } else {
    const text = argv.length === 0 ? 'failed to create containerd task: failed to create shim task: OCI runtime create failed: runc create failed: unable to start container process: no command specified: unknown' : startFailure(argv[0]);
    source = listSource([{ at: 0, kind: 'stderr', text: text + '\n' }, { at: 0, kind: 'exit', code: 128, reason: 'Error' }]);
  }

  const memoryBytes = behaviour?.memoryBytes ?? image.profile.idleMemoryBytes;
  const oom = spec.memoryLimitBytes !== undefined && memoryBytes > spec.memoryLimitBytes;
  const pendingLogs: ProcessEvent[] = [];
  const requests: number[] = [];
  let lastAt = 0;
  let exitedAt: number | undefined;

  const own = {
    record(at: number): void {
      requests.push(at);
      while (requests.length > 0 && requests[0] < at - CPU_WINDOW_MS) requests.shift();
    },
    listening(port: number, since: number): boolean {
      return !oom && behaviour?.listen !== undefined && since >= behaviour.listen.afterMs && behaviour.listen.ports.includes(port) && (exitedAt === undefined || since < exitedAt);
    },
    emit(e: ProcessEvent): ProcessEvent {
      lastAt = Math.max(lastAt, e.at);
      if (e.kind === 'exit') exitedAt = e.at;
      return { ...e, at: Math.max(e.at, lastAt) };
    },
  };

  return {
    listensAfterMs: oom ? undefined : behaviour?.listen?.afterMs,
    next() {
      if (exitedAt !== undefined) return undefined;
      const p = source.peek();
      if (oom && (p === undefined || p.at >= OOM_AFTER_MS)) return own.emit({ at: OOM_AFTER_MS, kind: 'exit', code: 137, reason: 'OOMKilled' });
      if (pendingLogs.length > 0 && (p === undefined || pendingLogs[0].at <= p.at)) return own.emit(pendingLogs.shift()!);
      const e = source.take();
      return e ? own.emit(e) : undefined;
    },
    http(req: HttpRequest, since: number): HttpResponse | 'refused' {
      if (!own.listening(req.port, since) || !behaviour?.http) return 'refused';
      const r = behaviour.http(req, (spec.startedAtMs ?? 0) + since);
      own.record(since);
      if (r.log) pendingLogs.push({ at: Math.max(since, lastAt), kind: r.log.kind, text: r.log.text });
      return r.response;
    },
    tcp(port: number, since: number): boolean {
      return own.listening(port, since);
    },
    updateFiles(set: Record<string, string>, removed: string[]): void {
      // Both views of the file system: the shell's Map and the spec servers read pages from.
      for (const p of removed) {
        files.delete(p);
        delete spec.files[p];
      }
      for (const [p, c] of Object.entries(set)) {
        files.set(p, c);
        spec.files[p] = c;
      }
    },
    exec(command: string[], since: number, stdin?: string): ExecResult {
      if (!image.shell && !programs.has(base(command[0] ?? ''))) {
        return { stdout: '', stderr: `OCI runtime exec failed: exec failed: unable to start container process: exec: "${command[0] ?? ''}": executable file not found in $PATH: unknown`, exitCode: 127 };
      }
      return execSync(command, shell.ctx(since), stdin ?? '');
    },
    usage(since: number) {
      const recent = requests.filter((t) => t > since - CPU_WINDOW_MS && t <= since).length;
      // 12 requests/s at 40 ms each over a 15 s window: 180 * 40 / 15 = 480 millicores.
      const perRequest = (recent * (image.profile.cpuMsPerRequest ?? 0)) / (CPU_WINDOW_MS / 1000);
      const busy = stream?.busy ? 1000 : 0;
      const cpu = image.profile.idleCpuMillicores + (behaviour?.cpuMillicores ?? 0) + perRequest + busy;
      return { cpuMillicores: Math.round(cpu), memoryBytes: Math.round(memoryBytes) };
    },
    onRequest(since: number) {
      own.record(since);
    },
  };
}
