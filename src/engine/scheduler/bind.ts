// Binding a pod to a node: a POST of a Binding to pods/NAME/binding, which sets spec.nodeName
// and the PodScheduled=True condition in one write (upstream's BindingREST).

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { clone } from '../api/types';
import type { EngineClient } from '../client/client';

/** Assigns `pod` to `nodeName`; throws the apiserver's ApiError when the write is refused. */
export function bindPod(client: EngineClient, podType: ResourceType, pod: KObject, nodeName: string): void {
  // The bound pod arrives through the watch; no read-back (upstream's binder does not read either).
  client.post(podType, pod.metadata.namespace, pod.metadata.name!, 'binding', {
    apiVersion: 'v1',
    kind: 'Binding',
    metadata: { name: pod.metadata.name, namespace: pod.metadata.namespace },
    target: { apiVersion: 'v1', kind: 'Node', name: nodeName },
  });
}

/**
 * Rewrites a pod's status through /status when `change` reports a change. A PUT of the whole
 * status (not a merge patch) keeps `lastProbeTime: null`, which a merge patch would delete.
 */
export function writeStatus(client: EngineClient, podType: ResourceType, pod: KObject, change: (status: Record<string, unknown>) => boolean): KObject {
  const next = clone(pod);
  delete next.metadata.resourceVersion;
  const status = (next.status ?? {}) as Record<string, unknown>;
  if (!change(status)) return pod;
  next.status = status;
  return client.updateStatus(podType, next);
}
