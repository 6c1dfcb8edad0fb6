// A kubectl session on an in-process cluster: the session's files, the kubeconfig state and
// the host hooks (time, waiting, interrupts) that kubectl needs. The headless runner, the
// lessons' checks and the tests drive clusters through it; the browser worker will too.

import type { Cluster } from '../engine/cluster';
import { defaultKubeconfig, type FileSource, type KubeconfigState } from '../kubectl/env';
import type { Host } from '../kubectl/env';
import { runKubectl } from '../kubectl/root';
import { inProcessTransport, type Transport } from '../kubectl/transport';
import { Forwards } from './forwards';

/** Optional access to files outside the session (the disk, in Node). */
export interface DiskFiles {
  read(path: string): string | undefined;
  isDir(path: string): boolean;
  list(path: string): string[];
}

/**
 * Per-run overrides for a host other than the script runner (the browser's terminal tabs): its own
 * wait and interrupt (one Ctrl-C per tab) and a wrapper around the transport (the journal).
 */
export interface RunHooks {
  host?: Partial<Pick<Host, 'wait' | 'untilInterrupted'>>;
  wrapTransport?: (t: Transport) => Transport;
}

export class Session {
  readonly files = new Map<string, string>();
  readonly config: KubeconfigState = defaultKubeconfig();
  /** kubectl's discovery cache (~/.kube/cache); the worker's kept answers run on a copy. */
  readonly cache = new Map<string, unknown>();
  private interrupt: (() => void) | undefined;
  private backgrounded: (() => void) | undefined;
  /** Open port-forward listeners (what `curl localhost:PORT` reaches). */
  readonly forwards: Forwards;

  constructor(
    readonly cluster: Cluster,
    private readonly disk?: DiskFiles,
  ) {
    this.forwards = new Forwards(cluster);
  }

  /** Files as kubectl sees them: the session's first, then the disk. */
  fileSource(stdin?: string): FileSource {
    const norm = (p: string) => p.replace(/^\.\//, '');
    const sessionDir = (p: string) => {
      const prefix = norm(p).replace(/\/$/, '') + '/';
      return [...this.files.keys()].filter((k) => k.startsWith(prefix));
    };
    return {
      stdin,
      read: (p) => this.files.get(norm(p)) ?? this.disk?.read(p),
      exists: (p) => this.files.has(norm(p)) || sessionDir(p).length > 0 || this.disk?.read(p) !== undefined || !!this.disk?.isDir(p),
      isDir: (p) => (!this.files.has(norm(p)) && sessionDir(p).length > 0) || !!this.disk?.isDir(p),
      list: (p) => {
        const prefix = norm(p).replace(/\/$/, '') + '/';
        const names = new Set(sessionDir(p).map((k) => k.slice(prefix.length).split('/')[0]));
        for (const n of this.disk?.isDir(p) ? this.disk.list(p) : []) names.add(n);
        return [...names].sort();
      },
    };
  }

  /**
   * Runs one kubectl command line. Output goes to `write` in order (stderr included, unless
   * `writeErr` is given: the differential test compares the two streams separately). Resolves
   * with the exit code, or with 'background' when the command keeps watching (get -w) until
   * `interruptBackground()` is called.
   */
  run(
    argv: string[],
    write: (s: string) => void,
    stdin?: string,
    writeErr: (s: string) => void = write,
    hooks: RunHooks = {},
  ): { done: Promise<number>; background: Promise<void> } {
    const cluster = this.cluster;
    let signalBackground!: () => void;
    const background = new Promise<void>((r) => (signalBackground = r));
    this.backgrounded = signalBackground;
    const transport = inProcessTransport(cluster.server, () => cluster.settle());
    const done = runKubectl(argv, {
      transport: hooks.wrapTransport ? hooks.wrapTransport(transport) : transport,
      io: { out: write, err: writeErr },
      files: this.fileSource(stdin),
      config: this.config,
      cache: this.cache,
      host: {
        now: () => cluster.clock.now(),
        wait: hooks.host?.wait ?? (async (ms) => {
          const now = cluster.clock.now();
          const next = cluster.clock.nextEventTime();
          const target = next !== undefined && next > now && next < now + ms ? next : now + ms;
          cluster.clock.runUntil(target);
        }),
        untilInterrupted: hooks.host?.untilInterrupted ?? (() =>
          new Promise<void>((resolve) => {
            this.interrupt = resolve;
            signalBackground();
          })),
        forward: (local, target, out, lost) => this.forwards.listen(local, target, out, lost),
      },
    }).finally(() => cluster.settle());
    return { done, background };
  }

  /** Stops a backgrounded command (Ctrl-C / the script's next command). */
  interruptBackground(): void {
    const i = this.interrupt;
    this.interrupt = undefined;
    i?.();
  }
}
