// Plain-object fixtures for the scheduler's pure parts: nodes, pods, a cache and a cycle state.
import type { KObject } from '../../../src/engine/api/types';
import { SchedulerCache } from '../../../src/engine/scheduler/cache';
import { podInfoOf } from '../../../src/engine/scheduler/pod-info';
import type { CycleState, Listers } from '../../../src/engine/scheduler/types';

export function nodeObj(name: string, o: { labels?: Record<string, string>; taints?: unknown[]; unschedulable?: boolean; cpu?: string; memory?: string; pods?: string; images?: unknown[] } = {}): KObject {
  const alloc = { cpu: o.cpu ?? '4', memory: o.memory ?? '8Gi', pods: o.pods ?? '110', 'ephemeral-storage': '100Gi' };
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: { name, labels: { 'kubernetes.io/hostname': name, ...(o.labels ?? {}) } },
    spec: { ...(o.taints ? { taints: o.taints } : {}), ...(o.unschedulable ? { unschedulable: true } : {}) },
    status: { allocatable: alloc, capacity: alloc, ...(o.images ? { images: o.images } : {}) },
  };
}

export function podObj(name: string, spec: Record<string, unknown> = {}, meta: Record<string, unknown> = {}): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: { name, namespace: 'default', creationTimestamp: '2025-01-01T00:00:00Z', ...meta },
    spec: { containers: [{ name: 'c', image: 'nginx' }], ...spec },
  };
}

export const req = (cpu?: string, memory?: string) => ({ resources: { requests: { ...(cpu ? { cpu } : {}), ...(memory ? { memory } : {}) } } });

export function emptyListers(over: Partial<Listers> = {}): Listers {
  return {
    inNamespace: () => [],
    get: () => undefined,
    pvc: () => undefined,
    storageClass: () => undefined,
    namespaceLabels: () => undefined,
    ...over,
  };
}

/** A cache holding `nodes` and the assigned pods (spec.nodeName set). */
export function cacheWith(nodes: KObject[], pods: KObject[] = []): SchedulerCache {
  const c = new SchedulerCache();
  for (const n of nodes) c.upsertNode(n);
  for (const p of pods) c.upsertPod(podInfoOf(p));
  return c;
}

export function stateFor(pod: KObject, cache: SchedulerCache, listers: Listers = emptyListers()): CycleState {
  return { pod: podInfoOf(pod), cache, listers, data: new Map() };
}
