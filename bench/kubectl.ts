// kubectl benchmarks: how long `kubectl get pods -A` takes to print with 10,000 pods.
import { createCluster } from '../src/engine/cluster';
import { Session } from '../src/headless/session';
import type { BenchResult } from './types';

export async function runKubectlBenchmarks(): Promise<BenchResult[]> {
  // No controllers: the pods stay as created, so only the read path is measured.
  const cluster = createCluster({ seed: 1, components: [] });
  for (let n = 0; n < 20; n++) {
    cluster.server.handle({ method: 'POST', path: '/api/v1/namespaces', body: { apiVersion: 'v1', kind: 'Namespace', metadata: { name: `team-${n}` } } });
  }
  for (let i = 0; i < 10_000; i++) {
    const res = cluster.server.handle({
      method: 'POST',
      path: `/api/v1/namespaces/team-${i % 20}/pods`,
      body: { apiVersion: 'v1', kind: 'Pod', metadata: { name: `pod-${i}`, labels: { app: 'bench' } }, spec: { containers: [{ name: 'c', image: 'nginx:1.27' }] } },
    });
    if (res.status !== 201) throw new Error(`create failed: ${JSON.stringify(res.body)}`);
  }
  const session = new Session(cluster);
  let bytes = 0;
  const t0 = performance.now();
  const { done } = session.run(['get', 'pods', '-A'], (s) => (bytes += s.length));
  await done;
  const ms = performance.now() - t0;
  if (bytes < 10_000 * 20) throw new Error('the table was not printed');
  return [{ name: 'kubectl.get_pods_all_namespaces_10k', value: Math.round(ms * 10) / 10, unit: 'ms' }];
}
