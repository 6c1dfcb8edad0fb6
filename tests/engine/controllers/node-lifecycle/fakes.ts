// Small stand-ins for components other helpers build (kubelet, ReplicaSet controller + scheduler),
// just enough to drive the node lifecycle controllers in integration tests.

import { clone, type KObject } from '../../../../src/engine/api/types';
import type { ComponentFactory } from '../../../../src/engine/controllers/deps';
import { rfc3339, rfc3339Micro } from '../../../../src/engine/util/time';

const HEALTHY: Record<string, [string, string, string]> = {
  MemoryPressure: ['False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'],
  DiskPressure: ['False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'],
  PIDPressure: ['False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'],
  Ready: ['True', 'KubeletReady', 'kubelet is posting ready status'],
};

/**
 * Every `period` ms, for each node not in `failed`: renews its Lease, re-posts healthy conditions
 * when they are not, runs bound pods (Running + Ready) and finishes terminating ones.
 */
export function fakeKubelet(failed: Set<string>, period = 10_000): ComponentFactory {
  return (deps) => ({
    start() {
      const nodeT = deps.type('', 'Node');
      const podT = deps.type('', 'Pod');
      const leaseT = deps.type('coordination.k8s.io', 'Lease');
      const tick = () => {
        const now = deps.clock.now();
        for (const node of deps.client.list(nodeT).items) {
          const name = node.metadata.name!;
          if (failed.has(name)) continue;
          const lease = deps.client.get(leaseT, 'kube-node-lease', name);
          const spec = { holderIdentity: name, leaseDurationSeconds: 40, renewTime: rfc3339Micro(now) };
          if (lease) deps.client.update(leaseT, { ...clone(lease), spec });
          else deps.client.create(leaseT, { apiVersion: 'coordination.k8s.io/v1', kind: 'Lease', metadata: { name, namespace: 'kube-node-lease' }, spec });
          const conds = (node.status as { conditions: Record<string, string>[] }).conditions;
          if (conds.some((c) => HEALTHY[c.type] && c.status !== HEALTHY[c.type][0])) {
            const next = clone(node);
            (next.status as { conditions: unknown[] }).conditions = Object.entries(HEALTHY).map(([type, [status, reason, message]]) => ({
              type, status, reason, message, lastHeartbeatTime: rfc3339(now), lastTransitionTime: rfc3339(now),
            }));
            deps.client.updateStatus(nodeT, next);
          }
          for (const pod of deps.client.list(podT, undefined, { fieldSelector: `spec.nodeName=${name}` }).items) {
            if (pod.metadata.deletionTimestamp) {
              deps.client.delete(podT, pod.metadata.namespace, pod.metadata.name!, { gracePeriodSeconds: 0 });
              continue;
            }
            const st = pod.status as { phase?: string; conditions?: { type: string; status: string }[] };
            if (st.phase === 'Running' && st.conditions?.some((c) => c.type === 'Ready' && c.status === 'True')) continue;
            const next = clone(pod);
            next.status = { ...(next.status as object), phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(now) }] };
            deps.client.updateStatus(podT, next);
          }
        }
        deps.clock.schedule(period, tick);
      };
      deps.clock.schedule(0, tick);
    },
  });
}

function schedulable(node: KObject): boolean {
  const ready = ((node.status as { conditions: { type: string; status: string }[] }).conditions ?? []).find((c) => c.type === 'Ready');
  const taints = ((node.spec as { taints?: { effect: string }[] }).taints ?? []);
  return ready?.status === 'True' && !taints.some((t) => t.effect === 'NoSchedule' || t.effect === 'NoExecute');
}

/**
 * Keeps `replicas` live (not terminating) pods labelled app=<name> in default, creating them
 * already bound to the first schedulable worker with the fewest of them (RS + scheduler in one).
 */
export function fakeReplicaSet(name: string, replicas: number): ComponentFactory {
  return (deps) => ({
    start() {
      const nodeT = deps.type('', 'Node');
      const podT = deps.type('', 'Pod');
      const tick = () => {
        const pods = deps.client.list(podT, 'default', { labelSelector: `app=${name}` }).items.filter((p) => !p.metadata.deletionTimestamp);
        for (let i = pods.length; i < replicas; i++) {
          const nodes = deps.client.list(nodeT).items.filter((n) => !n.metadata.name!.includes('control-plane') && schedulable(n));
          if (nodes.length === 0) break;
          const count = (n: KObject) => pods.filter((p) => (p.spec as { nodeName: string }).nodeName === n.metadata.name).length;
          nodes.sort((a, b) => count(a) - count(b));
          const pod = deps.client.create(podT, {
            apiVersion: 'v1',
            kind: 'Pod',
            metadata: { generateName: `${name}-`, namespace: 'default', labels: { app: name } },
            spec: { nodeName: nodes[0].metadata.name, containers: [{ name: 'c', image: 'nginx' }] },
          });
          pods.push(pod);
        }
        deps.clock.schedule(1000, tick);
      };
      deps.clock.schedule(0, tick);
    },
  });
}
