// Test helpers: a fresh cluster and terse request calls against its apiserver.
import { createCluster, type Cluster } from '../../../src/engine/cluster';
import type { ApiRequest, ApiResponse } from '../../../src/engine/apiserver/request';

export function cluster(): Cluster {
  // No controllers, scheduler or kubelets: these tests look at the apiserver alone.
  return createCluster({ seed: 7, components: [] });
}

export function call(c: Cluster, method: ApiRequest['method'], path: string, body?: unknown, extra: Partial<ApiRequest> = {}): ApiResponse {
  const res = c.server.handle({ method, path, body, ...extra });
  c.settle();
  return res;
}

export const deployment = (name: string, labels: Record<string, string> = { app: name }) => ({
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name },
  spec: {
    replicas: 2,
    selector: { matchLabels: labels },
    template: { metadata: { labels }, spec: { containers: [{ name: 'nginx', image: 'nginx:1.27' }] } },
  },
});

export const configMap = (name: string, extra: Record<string, unknown> = {}) => ({
  apiVersion: 'v1',
  kind: 'ConfigMap',
  metadata: { name, ...extra },
  data: { k: 'v' },
});
