// What a pod worker gets from its kubelet: the node's clock, randomness, images, logs, config
// lookups, IP allocation, event recording and status writing. One per node, shared by its pods.

import type { NetHooks } from './shell/state';
import type { KObject } from '../api/types';
import type { Clock, Random } from '../clock';
import type { Backoff } from './backoff';
import type { ConfigSource } from './env';
import type { LogStore } from './logs';
import type { ImageCatalog } from './process';
import type { ImagePuller } from './pull';

export interface WorkerHost {
  clock: Clock;
  random: Random;
  catalog: ImageCatalog;
  puller: ImagePuller;
  logs: LogStore;
  config: ConfigSource;
  nodeName: string;
  hostIP: string;
  nodeAllocatable: { cpu: number; memory: number };
  /** Back-off of image pulls (key `uid_image`) and of container restarts (key `uid/name`). */
  pullBackoff: Backoff;
  restartBackoff: Backoff;
  allocateIP(): string | undefined;
  releaseIP(ip: string): void;
  /** Marks an adopted pod's IP in use. */
  reserveIP(ip: string): void;
  /** Records a kubelet event on the pod (fieldPath `spec.containers{name}` for container events). */
  event(pod: KObject, type: 'Normal' | 'Warning', reason: string, message: string, fieldPath?: string): void;
  /** Asks for the pod's status to be written (coalesced: one write per pod per instant). */
  statusChanged(uid: string): void;
  /** Deletes the pod with grace 0 once its containers are stopped. */
  finishDeletion(pod: KObject): void;
  /** The cluster network as seen from a pod (curl, wget, nslookup inside containers). */
  net?: (pod: KObject, podIP: string) => NetHooks;
}

/** Timings of the simulated runtime (ms). */
export const SANDBOX_MS = 1000;
/** How long the kubelet waits before retrying a container whose config could not be built. */
export const CONFIG_RETRY_MS = 10_000;
/** How long after a failed pull the kubelet's next sync shows ImagePullBackOff. */
export const PULL_RESYNC_MS = 1000;
/** From the last container's exit to the pod object's deletion (sandbox teardown, unmounts). */
export const TEARDOWN_MS = 2000;
/** How long a server takes to exit on SIGTERM. */
export const SIGTERM_EXIT_MS = 100;
/** Mount retries while a ConfigMap/Secret volume source is missing. */
export const MOUNT_RETRY_MS = 2000;
