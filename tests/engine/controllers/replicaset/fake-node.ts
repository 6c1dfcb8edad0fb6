// Test stand-ins for the scheduler and kubelets (built elsewhere): binds every new pod to a worker
// (round robin), marks it Running and Ready after `readyMs` unless its first image is `bad`, and
// removes terminating pods after `terminateMs`. Writes go straight to the store (no Binding API).

import type { Cluster } from '../../../../src/engine/cluster';
import type { KObject } from '../../../../src/engine/api/types';
import { clone } from '../../../../src/engine/api/types';
import type { ComponentFactory } from '../../../../src/engine/controllers/deps';
import { rfc3339 } from '../../../../src/engine/util/time';

export interface FakeNodeOptions {
  readyMs?: number;
  terminateMs?: number;
  nodes?: string[];
}

/** A factory for createCluster's components; `cluster()` must return the cluster once built. */
export function fakeNodes(cluster: () => Cluster, opts: FakeNodeOptions = {}): ComponentFactory {
  const readyMs = opts.readyMs ?? 1000;
  const terminateMs = opts.terminateMs ?? 500;
  const nodes = opts.nodes ?? ['kind-worker', 'kind-worker2', 'kind-worker3'];
  return (deps) => ({
    start() {
      let next = 0;
      const pending = new Set<string>();
      const podType = deps.type('', 'Pod');
      const key = (o: KObject) => `${o.metadata.namespace}/${o.metadata.name}`;
      const write = (ns: string, name: string, f: (p: KObject) => void) => {
        const store = cluster().store;
        const cur = store.get('/pods', ns, name);
        if (!cur) return;
        const p = clone(cur) as KObject;
        f(p);
        store.update('/pods', p);
      };
      deps.client.watch(podType, undefined, {
        onEvent: (e) => {
          if (e.type === 'DELETED') return;
          const pod = e.object as KObject;
          const spec = pod.spec as { nodeName?: string; containers: Array<{ image: string }> };
          const ns = pod.metadata.namespace!;
          const name = pod.metadata.name!;
          if (pod.metadata.deletionTimestamp) {
            if (pending.has(`del:${key(pod)}`)) return;
            pending.add(`del:${key(pod)}`);
            deps.clock.schedule(terminateMs, () => {
              const store = cluster().store;
              if (store.get('/pods', ns, name)?.metadata.uid === pod.metadata.uid) store.delete('/pods', ns, name);
            });
            return;
          }
          if (spec.nodeName || pending.has(`bind:${key(pod)}`)) return;
          pending.add(`bind:${key(pod)}`);
          const node = nodes[next++ % nodes.length];
          deps.clock.schedule(0, () => {
            write(ns, name, (p) => {
              (p.spec as { nodeName?: string }).nodeName = node;
              const st = (p.status ?? {}) as Record<string, unknown>;
              st.conditions = [{ type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: rfc3339(deps.clock.now()) }];
              p.status = st;
            });
            if (spec.containers[0]?.image === 'bad') return;
            deps.clock.schedule(readyMs, () => {
              write(ns, name, (p) => {
                if (p.metadata.deletionTimestamp) return;
                const t = rfc3339(deps.clock.now());
                const st = (p.status ?? {}) as Record<string, unknown>;
                st.phase = 'Running';
                st.conditions = [
                  { type: 'PodScheduled', status: 'True', lastProbeTime: null, lastTransitionTime: t },
                  { type: 'Ready', status: 'True', lastProbeTime: null, lastTransitionTime: t },
                ];
                p.status = st;
              });
            });
          });
        },
      });
    },
  });
}
