// The state a container shell runs against: variables, files, simulated time, the container's
// identity, and the optional hooks through which curl/wget/nslookup reach the simulated network.

/** What an HTTP client in the container gets back from the network hook. */
export type NetResult =
  | { ok: true; status: number; statusText?: string; headers: Record<string, string>; body: string; ip?: string; elapsedMs?: number }
  | { ok: false; error: 'unresolved' | 'refused' | 'timeout' | 'unreachable'; host: string; ip?: string; port: number; elapsedMs?: number };

/** Network hooks the network layer supplies; absent means no network at all (DNS fails). */
export interface NetHooks {
  /** Performs an HTTP request from this container (`url` as typed, e.g. `http://web:8080/x`). */
  http?(req: { url: string; method: string; headers: Record<string, string>; body?: string }): NetResult;
  /** Resolves a name through the cluster DNS (search domains applied by the hook). */
  lookup?(name: string): { server: string; name: string; addresses: string[] } | { server: string; error: 'NXDOMAIN' };
}

/** Which sh the image ships: busybox ash (busybox, alpine) or dash (Debian/Ubuntu-based images). */
export type ShellFlavor = 'ash' | 'dash';

/** Everything the interpreter needs that lives longer than one command. */
export interface ShellContext {
  vars: Map<string, string>;
  exported: Set<string>;
  positional: string[];
  argv0: string;
  lastStatus: number;
  cwd: string;
  /** The container's files (mutable; shared with exec'd commands). */
  files: Map<string, string>;
  hostname: string;
  flavor: ShellFlavor;
  /** Programs on the image's PATH besides the shell builtins; undefined = everything we know. */
  programs?: ReadonlySet<string>;
  /**
   * The process's own clock, shared by subshells: `time` is ms since the process started
   * (`sleep` moves it forward); `steps` counts simple commands run (a runaway loop costs 1 ms of
   * simulated time per 1000).
   */
  clock: { time: number; steps: number };
  /** Epoch ms at which the process started (so `date` prints simulated wall time). */
  startedAtMs: number;
  net?: NetHooks;
  /** Set when the script called `exit`: unwinds all loops. */
  exiting?: number;
}

/** A chunk of output: fd 1 (stdout) or 2 (stderr). */
export interface Out {
  fd: 1 | 2;
  text: string;
}

/** Epoch ms now, as the shell sees it. */
export function nowMs(ctx: ShellContext): number {
  return ctx.startedAtMs + ctx.clock.time + Math.floor(ctx.clock.steps / 1000);
}

/** A fresh context from a container's env and files. */
export function newContext(opts: {
  env: Record<string, string>;
  files: Map<string, string>;
  hostname: string;
  flavor?: ShellFlavor;
  programs?: ReadonlySet<string>;
  cwd?: string;
  startedAtMs?: number;
  /** Where the shell's clock starts (an exec at 30 s into the container's life). */
  sinceStartMs?: number;
  net?: NetHooks;
}): ShellContext {
  const vars = new Map<string, string>();
  const exported = new Set<string>();
  // The order `env` prints in a pod: PATH and HOSTNAME first, the container's env, HOME last.
  const ordered: [string, string][] = [
    ['PATH', '/usr/local/sbin:/usr/local/bin:/usr/sbin:/usr/bin:/sbin:/bin'],
    ['HOSTNAME', opts.hostname],
    ...Object.entries(opts.env),
  ];
  if (!('HOME' in opts.env)) ordered.push(['HOME', '/root']);
  for (const [k, v] of ordered) {
    vars.delete(k);
    vars.set(k, v);
    exported.add(k);
  }
  return {
    vars,
    exported,
    positional: [],
    argv0: 'sh',
    lastStatus: 0,
    cwd: opts.cwd || '/',
    files: opts.files,
    hostname: opts.hostname,
    flavor: opts.flavor ?? 'ash',
    programs: opts.programs,
    clock: { time: opts.sinceStartMs ?? 0, steps: 0 },
    startedAtMs: opts.startedAtMs ?? 0,
    net: opts.net,
  };
}
