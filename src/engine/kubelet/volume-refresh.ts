// Mounted ConfigMap/Secret volumes follow their source (kubelet re-syncs each pod about once a
// minute and rewrites the atomic-writer files); subPath mounts are bind mounts of one file and
// never change, env vars only change on restart. This file holds the pure parts of that refresh.

import type { KObject } from '../api/types';
import { resolveVolumeFiles, type ConfigSource } from './env';

type Json = Record<string, unknown>;

/**
 * How often a running pod's ConfigMap/Secret volumes are refreshed. Upstream the delay is the
 * kubelet sync period (1 min) plus the config cache propagation, i.e. up to 60-90 s.
 */
export const VOLUME_REFRESH_MS = 60_000;

const arr = (v: unknown): Json[] => (Array.isArray(v) ? (v as Json[]) : []);

/** Whether any container mounts a ConfigMap or Secret volume without subPath (something can change). */
export function hasRefreshableVolumes(pod: KObject): boolean {
  const spec = (pod.spec ?? {}) as Json;
  const cfg = new Set(arr(spec.volumes).filter((v) => v.configMap !== undefined || v.secret !== undefined).map((v) => String(v.name)));
  if (cfg.size === 0) return false;
  return [...arr(spec.initContainers), ...arr(spec.containers)].some((c) => arr(c.volumeMounts).some((m) => cfg.has(String(m.name)) && !m.subPath));
}

/**
 * The files of the container's ConfigMap/Secret mounts that follow updates (all but subPath
 * mounts), or undefined when a source is missing (upstream keeps the old content then).
 */
export function refreshableFiles(pod: KObject, container: Json, src: ConfigSource): Record<string, string> | undefined {
  const mounts = arr(container.volumeMounts).filter((m) => !m.subPath);
  const r = resolveVolumeFiles(pod, { ...container, volumeMounts: mounts }, src);
  return r.ok ? r.value : undefined;
}

/** What changed between two file sets: paths to write (new or different) and paths to remove. */
export function diffFiles(prev: Record<string, string>, next: Record<string, string>): { set: Record<string, string>; removed: string[] } {
  const set: Record<string, string> = {};
  for (const [p, c] of Object.entries(next)) if (prev[p] !== c) set[p] = c;
  const removed = Object.keys(prev).filter((p) => !(p in next));
  return { set, removed };
}
