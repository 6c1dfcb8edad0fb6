// Everything a kubectl invocation needs from its host: the transport, output streams, the
// session's files, the kubeconfig state (context, default namespace), and time (to print ages
// and to wait, which in the headless runner advances simulated time).

import type { Transport } from './transport';
import type { ForwardListen, ForwardTarget } from './commands/port-forward';

export interface Output {
  out(text: string): void;
  err(text: string): void;
}

/** The session's files (shared with the editor) and, in Node, the disk. */
export interface FileSource {
  /** Contents, or undefined when there is no such file. */
  read(path: string): string | undefined;
  exists(path: string): boolean;
  isDir(path: string): boolean;
  /** Entries of a directory (names, not paths), sorted. */
  list(path: string): string[];
  /** Standard input for `-f -` (a heredoc in scripts). */
  stdin?: string;
}

export interface KubeconfigState {
  currentContext: string;
  contexts: { name: string; cluster: string; user: string; namespace?: string }[];
  clusterServer: string;
}

export interface Host {
  /** Current time in ms since the epoch (simulated). */
  now(): number;
  /** Lets simulated time pass: up to `ms`, returning early when the host has something to show. */
  wait(ms: number): Promise<void>;
  /**
   * Resolves when the user stops a long-running command (Ctrl-C in the terminal; in a script,
   * the next command line). Until then the command keeps printing what it watches.
   */
  untilInterrupted(): Promise<void>;
  /** port-forward: listen on `local` (0 = any) for the target; absent = nothing to connect through. */
  forward?(local: number, target: ForwardTarget, out: (s: string) => void, lost: () => void): ForwardListen;
}

export interface KubectlEnv {
  transport: Transport;
  io: Output;
  files: FileSource;
  config: KubeconfigState;
  host: Host;
  /** Discovery cache shared across invocations, like ~/.kube/cache. */
  cache: Map<string, unknown>;
}

export function currentNamespace(cfg: KubeconfigState): string {
  return cfg.contexts.find((c) => c.name === cfg.currentContext)?.namespace || 'default';
}

export function defaultKubeconfig(): KubeconfigState {
  return {
    currentContext: 'kubeplay',
    contexts: [{ name: 'kubeplay', cluster: 'kubeplay', user: 'kubeplay-admin' }],
    clusterServer: 'https://127.0.0.1:6443',
  };
}
