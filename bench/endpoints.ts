// Endpoints benchmark: 1,000 Ready pods behind one Service, then the wall time for one pod's
// readiness change to reach its EndpointSlice (and Endpoints), averaged over many flips. The
// controllers index pods by label, so a flip recomputes only the one Service that selects it.

import { createCluster } from '../src/engine/cluster';
import { clone, type KObject } from '../src/engine/api/types';
import { endpointsControllerFactory } from '../src/engine/controllers/endpoints';
import { endpointSliceControllerFactory } from '../src/engine/controllers/endpointslice';
import { rfc3339 } from '../src/engine/util/time';
import type { BenchResult } from './types';

const PODS = 1000;
const FLIPS = 100;
/** Flips run first and not counted, so the figure is of warmed-up (JIT-compiled) code. */
const WARMUP = 20;

function readyStatus(i: number, ready: boolean, now: number): Record<string, unknown> {
  return { phase: 'Running', podIP: `10.244.${1 + (i >> 8)}.${i & 255}`, conditions: [{ type: 'Ready', status: ready ? 'True' : 'False', lastTransitionTime: rfc3339(now) }] };
}

/** Mean ms from a pod's status write to its endpoint's `ready` in the slice matching it. */
function updateMs(): number {
  const c = createCluster({ seed: 1, nodes: 10, components: [endpointsControllerFactory, endpointSliceControllerFactory] });
  const podT = c.type('', 'Pod');
  const sliceT = c.type('discovery.k8s.io', 'EndpointSlice');
  // Other pods in the namespace that the Service does not select: they must not be rescanned.
  for (let i = 0; i < PODS; i++) {
    for (const app of ['web', 'other']) {
      const p = c.client.create(podT, {
        apiVersion: 'v1',
        kind: 'Pod',
        metadata: { name: `${app}-${i}`, namespace: 'default', labels: { app } },
        spec: { nodeName: `kubeplay-worker${(i % 10) + 1}`, containers: [{ name: 'c', image: 'nginx', ports: [{ containerPort: 80 }] }] },
      } as KObject);
      c.client.updateStatus(podT, { ...clone(p), status: readyStatus(i, true, c.clock.now()) });
    }
  }
  c.client.create(c.type('', 'Service'), { apiVersion: 'v1', kind: 'Service', metadata: { name: 'web', namespace: 'default' }, spec: { selector: { app: 'web' }, ports: [{ port: 80 }] } } as KObject);
  c.settle();
  let total = 0;
  for (let f = 0; f < WARMUP + FLIPS; f++) {
    const i = (f * 37) % PODS;
    const ready = f % 2 === 1;
    const p = c.client.get(podT, 'default', `web-${i}`)!;
    c.advance(1000);
    const t0 = performance.now();
    c.client.updateStatus(podT, { ...clone(p), status: readyStatus(i, ready, c.clock.now()) });
    c.settle();
    if (f >= WARMUP) total += performance.now() - t0;
    const seen = c.client
      .list(sliceT, 'default')
      .items.flatMap((s) => (s as { endpoints?: { targetRef?: { name: string }; conditions: { ready: boolean } }[] }).endpoints ?? [])
      .find((e) => e.targetRef?.name === `web-${i}`);
    if (seen?.conditions.ready !== ready) throw new Error(`slice did not follow web-${i}`);
  }
  return Math.round((total / FLIPS) * 1000) / 1000;
}

export function runEndpointsBenchmarks(): BenchResult[] {
  return [{ name: 'endpoints.update_ms_1k_pods', value: updateMs(), unit: 'ms' }];
}
