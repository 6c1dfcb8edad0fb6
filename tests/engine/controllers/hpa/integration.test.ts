// The HPA controller in a full cluster: a php-apache Deployment (hpa-example, 200m cpu requests)
// with an autoscaling/v1 HPA (1..10, 50%), served through the v1 conversion, scaled up by load.
import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import { conversionFor } from '../../../../src/engine/api/conversion';
import { handleConverted } from '../../../../src/engine/api/conversion/serve';
import { hpaControllerFactory } from '../../../../src/engine/controllers/hpa/controller';
import type { ApiRequest } from '../../../../src/engine/apiserver/request';
import type { KObject } from '../../../../src/engine/api/types';

const deployment = {
  apiVersion: 'apps/v1',
  kind: 'Deployment',
  metadata: { name: 'php-apache', namespace: 'default' },
  spec: {
    selector: { matchLabels: { run: 'php-apache' } },
    template: {
      metadata: { labels: { run: 'php-apache' } },
      spec: { containers: [{ name: 'php-apache', image: 'registry.k8s.io/hpa-example', ports: [{ containerPort: 80 }], resources: { limits: { cpu: '500m' }, requests: { cpu: '200m' } } }] },
    },
  },
};
const service = { apiVersion: 'v1', kind: 'Service', metadata: { name: 'php-apache', namespace: 'default' }, spec: { ports: [{ port: 80 }], selector: { run: 'php-apache' } } };
const hpaV1 = {
  apiVersion: 'autoscaling/v1',
  kind: 'HorizontalPodAutoscaler',
  metadata: { name: 'php-apache', namespace: 'default' },
  spec: { scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'php-apache' }, minReplicas: 1, maxReplicas: 10, targetCPUUtilizationPercentage: 50 },
};

describe('HPA controller (full cluster)', () => {
  it('shows the target, then scales up under load', () => {
    const c = createCluster({ seed: 7 });
    hpaControllerFactory(c.deps).start();
    const conv = conversionFor({ group: 'autoscaling', version: 'v1', kind: 'HorizontalPodAutoscaler' })!;
    const v1 = (req: ApiRequest) => handleConverted(conv, req, (r) => c.server.handle(r));
    c.client.create(c.type('apps', 'Deployment'), deployment as unknown as KObject);
    c.client.create(c.type('', 'Service'), service as unknown as KObject);
    const created = v1({ method: 'POST', path: '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers', body: hpaV1 });
    expect(created.status).toBe(201);
    expect((created.body as KObject).apiVersion).toBe('autoscaling/v1');
    c.settle();
    const stored = c.client.get(c.type('autoscaling', 'HorizontalPodAutoscaler'), 'default', 'php-apache')!;
    expect((stored.spec as { metrics: unknown[] }).metrics).toEqual([{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 50 } } }]);

    c.advance(90_000);
    const idle = v1({ method: 'GET', path: '/apis/autoscaling/v1/namespaces/default/horizontalpodautoscalers/php-apache' }).body as KObject;
    expect(idle.status).toMatchObject({ currentReplicas: 1, desiredReplicas: 1, currentCPUUtilizationPercentage: 0 });
    const table = c.server.handle({ method: 'GET', path: '/apis/autoscaling/v2/namespaces/default/horizontalpodautoscalers', accept: 'application/json;as=Table;v=v1;g=meta.k8s.io' }).body as { rows: { cells: unknown[] }[] };
    expect(table.rows[0].cells[2]).toBe('cpu: 0%/50%');

    // Load: a busy loop of requests to the Service, as the walkthrough's load generator.
    const net = c.network!;
    const ip = (c.client.get(c.type('', 'Service'), 'default', 'php-apache')!.spec as { clusterIP: string }).clusterIP;
    expect(net.request(`http://${ip}/`)).toMatchObject({ ok: true });
    for (let s = 0; s < 120; s++) {
      for (let i = 0; i < 20; i++) net.request(`http://${ip}/`);
      c.advance(1000);
    }
    const dep = c.client.get(c.type('apps', 'Deployment'), 'default', 'php-apache')!;
    expect((dep.spec as { replicas: number }).replicas).toBeGreaterThan(1);
    const events = c.client.list(c.type('', 'Event'), 'default').items.filter((e) => e.reason === 'SuccessfulRescale');
    expect(String(events[0]?.message)).toMatch(/^New size: \d+; reason: cpu resource utilization \(percentage of request\) above target$/);
  });
});
