// The shape of the image catalog's data: one row per repository (tags, sizes, ports, ENTRYPOINT
// and CMD, shell, programs on PATH, resource profile) and the behaviour programs rows point to.

import type { HttpRequest, HttpResponse, ProcessEvent, ProcessSpec } from '../process';
import type { NetHooks, ShellFlavor } from '../shell/index';

/** What the kubelet may pass beyond ProcessSpec (optional until the contract gains them). */
export interface ProcessExtras {
  /** Epoch ms when the container started (for log timestamps and `date`); default 0. */
  startedAtMs?: number;
  /** The node's CPU count (nginx starts one worker per CPU); default 2. */
  nodeCpus?: number;
  /** The simulated network, for curl/wget/nslookup inside the container. */
  net?: NetHooks;
}

export type FullSpec = ProcessSpec & ProcessExtras;

/** Idle use and cost per request, from which `usage()` is computed. */
export interface ResourceProfile {
  idleCpuMillicores: number;
  idleMemoryBytes: number;
  /** CPU time one request costs, in ms (hpa-example burns ~40 ms computing square roots). */
  cpuMsPerRequest?: number;
}

export interface TagInfo {
  sizeBytes: number;
  /** The software version this tag ships (`1.27.4`), for Server headers and logs. */
  version: string;
  /** Alpine-based variant (busybox sh, different build lines). */
  alpine?: boolean;
}

/** One repository in the catalog. */
export interface ImageDef {
  /** Fully qualified repository, e.g. `docker.io/library/nginx`. */
  repository: string;
  /** Other repositories that serve the same image (k8s.gcr.io mirrors). */
  aliases?: string[];
  tags: Record<string, TagInfo>;
  entrypoint: string[];
  cmd: string[];
  workingDir?: string;
  /** ENV baked into the image. */
  env?: Record<string, string>;
  exposedPorts: number[];
  /** The image's /bin/sh, if it has one (scratch/distroless images have none). */
  shell?: ShellFlavor;
  /** Programs on PATH besides the shell's builtins (`sh` included when there is a shell). */
  programs: readonly string[];
  /** Which behaviour runs when argv[0] is one of these names (`nginx`, `docker-entrypoint.sh`). */
  mains: Record<string, string>;
  profile: ResourceProfile;
}

/** What a behaviour program gets: the spec, the resolved argv, the image row and tag. */
export interface ProgramInput {
  spec: FullSpec;
  argv: string[];
  image: ImageDef;
  tag: TagInfo;
  env: Record<string, string>;
  files: Map<string, string>;
  /** True when the image's docker-entrypoint.sh ran first (nginx then prints its setup lines). */
  viaEntrypoint: boolean;
}

/** A started behaviour: startup events, when it listens, how it answers, what it costs. */
export interface Behaviour {
  /** Events in time order (finite; a server's list ends once it is up). */
  events: ProcessEvent[];
  /** Ports it listens on and from when (ms after start). */
  listen?: { ports: number[]; afterMs: number };
  /** Answers a request; may return log lines to append (access logs). */
  http?(req: HttpRequest, atMs: number): { response: HttpResponse; log?: { kind: 'stdout' | 'stderr'; text: string } };
  /** Memory the process settles at, when it differs from the image profile (stress --vm-bytes). */
  memoryBytes?: number;
  /** CPU it burns continuously (stress --cpu N), in millicores. */
  cpuMillicores?: number;
}

export type Program = (input: ProgramInput) => Behaviour;
