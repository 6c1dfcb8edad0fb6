// Stand-ins for the controllers other helpers build, just enough for the kubectl commands: a
// Deployment controller that makes one ReplicaSet per template (revision annotations, undo reuse)
// and moves the Deployment's status one step per second, and a kubelet that runs bound pods.

import type { KObject } from '../../../src/engine/api/types';
import type { Component, ComponentDeps } from '../../../src/engine/controllers/deps';
import { equalIgnoreHash } from '../../../src/kubectl/describe/controller-pods';
import { rfc3339 } from '../../../src/engine/util/time';

// eslint-disable-next-line @typescript-eslint/no-explicit-any
type J = any;

function hashOf(v: unknown): string {
  let h = 0x811c9dc5;
  const s = JSON.stringify(v);
  for (let i = 0; i < s.length; i++) h = Math.imul(h ^ s.charCodeAt(i), 0x01000193) >>> 0;
  const alphabet = 'bcdfghjklmnpqrstvwxz2456789';
  let out = '';
  for (let i = 0; i < 10; i++) {
    out += alphabet[h % alphabet.length];
    h = Math.floor(h / alphabet.length) + i * 7919;
  }
  return out;
}

/** A deployment controller: one RS per template, status advances one replica per second. */
export function fakeDeploymentController(deps: ComponentDeps): Component {
  const dt = deps.type('apps', 'Deployment');
  const rst = deps.type('apps', 'ReplicaSet');
  const sync = (d: J) => {
    const ns = d.metadata.namespace;
    const rss = deps.client.list(rst, ns).items.filter((rs: J) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid);
    const rev = (o: J) => Number(o.metadata.annotations?.['deployment.kubernetes.io/revision'] ?? 0);
    const max = rss.reduce((m: number, rs: J) => Math.max(m, rev(rs)), 0);
    let cur: J = rss.find((rs: J) => equalIgnoreHash(rs.spec.template, d.spec.template));
    const status = { ...(d.status ?? {}) };
    let changed = false;
    if (!d.spec.paused && (!cur || rev(cur) !== max)) {
      const cause = d.metadata.annotations?.['kubernetes.io/change-cause'];
      const annotations: Record<string, string> = { 'deployment.kubernetes.io/revision': String(max + 1) };
      if (cause) annotations['kubernetes.io/change-cause'] = cause;
      if (!cur) {
        const hash = hashOf(d.spec.template);
        const template = JSON.parse(JSON.stringify(d.spec.template));
        template.metadata.labels = { ...template.metadata.labels, 'pod-template-hash': hash };
        cur = deps.client.create(rst, {
          apiVersion: 'apps/v1',
          kind: 'ReplicaSet',
          metadata: {
            name: `${d.metadata.name}-${hash}`,
            namespace: ns,
            labels: template.metadata.labels,
            annotations,
            ownerReferences: [{ apiVersion: 'apps/v1', kind: 'Deployment', name: d.metadata.name, uid: d.metadata.uid, controller: true, blockOwnerDeletion: true }],
          },
          spec: { replicas: d.spec.replicas, selector: { matchLabels: { ...d.spec.selector.matchLabels, 'pod-template-hash': hash } }, template },
        } as KObject);
      } else {
        deps.client.patch(rst, ns, cur.metadata.name, { metadata: { annotations } });
      }
      const meta = { ...d.metadata, annotations: { ...d.metadata.annotations, 'deployment.kubernetes.io/revision': String(max + 1) } };
      d = deps.client.update(dt, { ...d, metadata: meta });
      // A new template: everything running so far is old.
      status.updatedReplicas = 0;
      status.availableReplicas = 0;
      changed = true;
    }
    if (status.observedGeneration !== d.metadata.generation) {
      status.observedGeneration = d.metadata.generation;
      status.replicas ??= 0;
      status.updatedReplicas ??= 0;
      status.availableReplicas ??= 0;
      changed = true;
    }
    if (changed) deps.client.updateStatus(dt, { ...d, status });
  };
  const step = () => {
    for (const d of deps.client.list(dt).items as J[]) {
      const s = { ...(d.status ?? {}) };
      const want = d.spec.replicas ?? 1;
      const old = (s.replicas ?? 0) - (s.updatedReplicas ?? 0);
      if ((s.updatedReplicas ?? 0) < want) {
        s.updatedReplicas = (s.updatedReplicas ?? 0) + 1;
        s.replicas = s.updatedReplicas + old;
      } else if (old > 0) s.replicas = s.replicas - 1;
      else if (s.replicas > want) s.replicas = want;
      else if ((s.availableReplicas ?? 0) < s.updatedReplicas) s.availableReplicas = (s.availableReplicas ?? 0) + 1;
      else continue;
      s.readyReplicas = s.availableReplicas;
      deps.client.updateStatus(dt, { ...d, status: s });
    }
    deps.clock.schedule(1000, step);
  };
  return {
    start() {
      for (const d of deps.client.list(dt).items) sync(d);
      deps.client.watch(dt, undefined, {
        onEvent: (e) => {
          if (e.type === 'DELETED') return;
          const d = e.object as J;
          if (d.status?.observedGeneration === d.metadata.generation && !d.spec.paused && d.metadata.annotations?.['deployment.kubernetes.io/revision']) {
            const cur = deps.client.list(rst, d.metadata.namespace).items.find((rs: J) => rs.metadata.ownerReferences?.[0]?.uid === d.metadata.uid && equalIgnoreHash(rs.spec.template, d.spec.template));
            if (cur) return;
          }
          deps.clock.schedule(0, () => {
            const fresh = deps.client.get(dt, d.metadata.namespace, d.metadata.name);
            if (fresh) sync(fresh);
          });
        },
      });
      deps.clock.schedule(1000, step);
    },
  };
}

/** Marks new pods Running and Ready 1 s after they appear (wherever they are bound). */
export function fakeKubelet(deps: ComponentDeps): Component {
  const pt = deps.type('', 'Pod');
  return {
    start() {
      deps.client.watch(pt, undefined, {
        onEvent: (e) => {
          const p = e.object as J;
          if (e.type !== 'ADDED' || p.status?.phase === 'Running') return;
          deps.clock.schedule(1000, () => {
            const pod = deps.client.get(pt, p.metadata.namespace, p.metadata.name) as J;
            if (!pod || pod.metadata.deletionTimestamp) return;
            const now = rfc3339(deps.clock.now());
            deps.client.updateStatus(pt, {
              ...pod,
              status: {
                phase: 'Running',
                hostIP: '10.0.0.2',
                podIP: '10.244.1.5',
                startTime: now,
                conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: now }],
                containerStatuses: (pod.spec.containers as J[]).map((c) => ({ name: c.name, image: c.image, ready: true, restartCount: 0, started: true, state: { running: { startedAt: now } } })),
              },
            } as KObject);
          });
        },
      });
    },
  };
}

/** Finishes terminating pods 2 s after deletion starts, as a kubelet would after the process exits. */
export function fakeTerminator(deps: ComponentDeps): Component {
  const pt = deps.type('', 'Pod');
  return {
    start() {
      deps.client.watch(pt, undefined, {
        onEvent: (e) => {
          const p = e.object as J;
          if (e.type !== 'MODIFIED' || !p.metadata.deletionTimestamp) return;
          deps.clock.schedule(2000, () => deps.client.delete(pt, p.metadata.namespace, p.metadata.name, { gracePeriodSeconds: 0, uid: p.metadata.uid }));
        },
      });
    },
  };
}
