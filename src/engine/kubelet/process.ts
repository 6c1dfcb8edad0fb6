// The contract between the kubelet simulation and the image catalog: what an image is (size,
// ports, digest) and how a container started from it behaves over simulated time (output,
// exit, HTTP answers, exec, resource use). The catalog is data plus pure functions; the kubelet
// only drives what it describes.

import type { Random } from '../clock';
import type { NetHooks } from './shell/state';

/** A pullable image as a registry describes it. */
export interface ImageInfo {
  /** Fully qualified repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  tag: string;
  /** `sha256:...` (deterministic per repository:tag). */
  digest: string;
  /** Compressed size in bytes (drives pull time). */
  sizeBytes: number;
  /** Ports the image listens on by default (EXPOSE). */
  exposedPorts: number[];
}

/** A reference that could not be pulled: the registry's answer, as containerd words it. */
export interface PullFailure {
  /** e.g. `pull access denied, repository does not exist or may require authorization: ...` */
  message: string;
}

/** Everything a started container gets from its pod spec. */
export interface ProcessSpec {
  image: ImageInfo;
  /** The container's `command` (overrides ENTRYPOINT), if set. */
  command?: string[];
  /** The container's `args` (overrides CMD), if set. */
  args?: string[];
  /** Environment after resolving env / envFrom (values are final strings). */
  env: Record<string, string>;
  workingDir?: string;
  /** Pod name (the container's hostname). */
  hostname: string;
  podIP: string;
  /** Files visible in the container (mounted ConfigMaps/Secrets, /etc/hosts, /etc/resolv.conf), path -> content. */
  files: Record<string, string>;
  /** Memory limit in bytes, if any (exceeding it is an OOMKill). */
  memoryLimitBytes?: number;
  /** Seeded randomness for anything that varies (e.g. mysql's generated root password). */
  random: Random;
  /** Simulated epoch ms when the container started (log timestamps, `date`). */
  startedAtMs?: number;
  /** The node's CPU count (nginx starts one worker per CPU). */
  nodeCpus?: number;
  /** The simulated network for curl/wget/nslookup inside the container (the network issue provides it). */
  net?: NetHooks;
}

/** One thing a process does, `at` ms after it started. */
export type ProcessEvent =
  | { at: number; kind: 'stdout' | 'stderr'; text: string }
  | { at: number; kind: 'exit'; code: number; reason?: 'Completed' | 'Error' | 'OOMKilled' };

export interface HttpRequest {
  method: string;
  path: string;
  port: number;
  host?: string;
  headers?: Record<string, string>;
  body?: string;
  /** The client's address, for servers that echo it. */
  clientIP?: string;
}

export interface HttpResponse {
  status: number;
  headers: Record<string, string>;
  body: string;
}

export interface ExecResult {
  stdout: string;
  stderr: string;
  exitCode: number;
}

/** A running simulated container process. */
export interface SimProcess {
  /**
   * The next event in time order, or undefined when the process runs on with nothing more to
   * say (a server waiting for requests). Called repeatedly; the kubelet schedules each event on
   * the clock. Events must not go backwards in time.
   */
  next(): ProcessEvent | undefined;
  /** Ms after start when the process listens on its ports (servers), undefined if it never does. */
  listensAfterMs?: number;
  /** Answers an HTTP request to a port (probes, Service traffic); 'refused' when nothing listens there. */
  http(req: HttpRequest, sinceStartMs: number): HttpResponse | 'refused';
  /** Whether a TCP connection to `port` is accepted at `sinceStartMs`. */
  tcp(port: number, sinceStartMs: number): boolean;
  /** Runs a command inside the container (kubectl exec, exec probes). */
  exec(command: string[], sinceStartMs: number, stdin?: string): ExecResult;
  /** Simulated usage at a point in time: CPU in millicores and memory in bytes. */
  usage(sinceStartMs: number): { cpuMillicores: number; memoryBytes: number };
  /** Notes that a request was served (adds to CPU use, for the autoscaler). */
  onRequest?(sinceStartMs: number): void;
  /** Rewrites mounted files after a ConfigMap/Secret update (volume refresh): `set` written, `removed` deleted. */
  updateFiles?(set: Record<string, string>, removed: string[]): void;
}

/** The image catalog: what exists in the simulated registries and how each image behaves. */
export interface ImageCatalog {
  /** Resolves an image reference (`nginx`, `nginx:1.7.9`, `registry.k8s.io/echoserver:1.4`, `x@sha256:..`). */
  resolve(ref: string): ImageInfo | PullFailure;
  /** Starts a container process from a resolved image. */
  start(spec: ProcessSpec): SimProcess;
}
