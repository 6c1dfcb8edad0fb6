// The ingress-nginx controller on a cluster with the real install objects and a fake kubelet:
// nothing happens until its pod runs, then `Sync` events and the node (or LB) address in status.

import { describe, expect, it } from 'vitest';
import { createCluster } from '../../../../src/engine/cluster';
import { clone, type KObject } from '../../../../src/engine/api/types';
import type { ComponentDeps, ComponentFactory } from '../../../../src/engine/controllers/deps';
import { IngressNginxController } from '../../../../src/engine/controllers/ingress';
import { ingressNginxObjects } from '../../../../src/engine/system/ingress-nginx';
import { rfc3339 } from '../../../../src/engine/util/time';

const SELECTOR = { 'app.kubernetes.io/component': 'controller', 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' };

/** Marks every bound pod Running + Ready one second after it appears. */
const fakeKubelet: ComponentFactory = (deps) => ({
  start() {
    const podT = deps.type('', 'Pod');
    const tick = () => {
      for (const p of deps.client.list(podT).items) {
        const spec = p.spec as { nodeName?: string };
        if (!spec.nodeName || (p.status as { phase?: string }).phase === 'Running') continue;
        const next = clone(p);
        next.status = { ...(next.status as object), phase: 'Running', conditions: [{ type: 'Ready', status: 'True', lastTransitionTime: rfc3339(deps.clock.now()) }] };
        deps.client.updateStatus(podT, next);
      }
      deps.clock.schedule(1000, tick);
    };
    deps.clock.schedule(1000, tick);
  },
});

function setup(serviceType: 'NodePort' | 'LoadBalancer' = 'NodePort') {
  let ctl: IngressNginxController | undefined;
  const factory: ComponentFactory = (deps: ComponentDeps) => (ctl = new IngressNginxController(deps, { statusIntervalMs: 60_000 }));
  const c = createCluster({ seed: 3, components: [fakeKubelet, factory] });
  for (const o of ingressNginxObjects({ serviceType })) {
    const [group] = o.apiVersion.includes('/') ? o.apiVersion.split('/') : [''];
    c.client.create(c.type(group ?? '', o.kind), o);
  }
  c.settle();
  const ingT = c.type('networking.k8s.io', 'Ingress');
  const podT = c.type('', 'Pod');
  const svcT = c.type('', 'Service');
  const evT = c.type('', 'Event');
  /** The controller pod the Deployment would create, bound to worker2 (no RS controller here). */
  const startPod = (node = 'kubeplay-worker2') =>
    c.client.create(podT, {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: { name: 'ingress-nginx-controller-5f8d7d7b6-x2x7k', namespace: 'ingress-nginx', labels: { ...SELECTOR } },
      spec: { nodeName: node, containers: [{ name: 'controller', image: 'registry.k8s.io/ingress-nginx/controller:v1.12.1' }] },
    });
  const createIngress = (name: string, spec: Record<string, unknown>, ns = 'default') =>
    c.client.create(ingT, { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name, namespace: ns }, spec });
  const address = (name: string, ns = 'default') => (c.client.get(ingT, ns, name)!.status as { loadBalancer?: { ingress?: unknown[] } }).loadBalancer?.ingress;
  const events = (name: string) =>
    c.client
      .list(evT, 'default')
      .items.filter((e) => (e.involvedObject as { name: string }).name === name)
      .map((e) => `${e.type} ${e.reason} ${(e.source as { component: string }).component} ${e.message} x${e.count}`);
  return { c, ctl: () => ctl!, svcT, createIngress, address, events, startPod };
}

const simple = { ingressClassName: 'nginx', rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: { number: 80 } } } }] } }] };

describe('IngressNginxController', () => {
  it('the install objects pass validation and include the default class', () => {
    const { c } = setup();
    const cls = c.client.get(c.type('networking.k8s.io', 'IngressClass'), undefined, 'nginx')!;
    expect(cls.metadata.annotations).toEqual({ 'ingressclass.kubernetes.io/is-default-class': 'true' });
    expect((c.client.get(c.type('apps', 'Deployment'), 'ingress-nginx', 'ingress-nginx-controller')!.spec as { template: { spec: { containers: Array<{ image: string }> } } }).template.spec.containers[0]!.image).toBe(
      'registry.k8s.io/ingress-nginx/controller:v1.12.1',
    );
  });

  it('does nothing while no controller pod runs', () => {
    const { c, createIngress, address, events } = setup();
    createIngress('web', simple);
    c.advance(120_000);
    expect(address('web')).toBeUndefined();
    expect(events('web')).toEqual([]);
  });

  it('announces existing Ingresses when its pod starts, then publishes the node IP', () => {
    const { c, createIngress, address, events, startPod } = setup();
    createIngress('web', simple);
    startPod();
    c.advance(1000); // the fake kubelet marks the pod Running
    // Announced on start; the first status sync runs at once and its update is itself announced
    // (`Sync ... (x2 over ...)` as `kubectl describe ingress` shows upstream).
    expect(address('web')).toEqual([{ ip: '172.18.0.4' }]);
    expect(events('web')).toEqual(['Normal Sync nginx-ingress-controller Scheduled for sync x2']);
  });

  it('a new Ingress gets its address at the next status sync (every 60 s)', () => {
    const { c, createIngress, address, events, startPod } = setup();
    startPod('kubeplay-worker');
    c.advance(1000);
    c.advance(10_000);
    createIngress('later', simple);
    c.settle();
    expect(events('later')).toEqual(['Normal Sync nginx-ingress-controller Scheduled for sync x1']);
    expect(address('later')).toBeUndefined();
    c.advance(50_000); // 61 s after the pod started
    expect(address('later')).toEqual([{ ip: '172.18.0.3' }]);
  });

  it('ignores Ingresses of another class', () => {
    const { c, createIngress, address, events, startPod } = setup();
    c.client.create(c.type('networking.k8s.io', 'IngressClass'), { apiVersion: 'networking.k8s.io/v1', kind: 'IngressClass', metadata: { name: 'other' }, spec: { controller: 'example.com/other' } });
    createIngress('theirs', { ...simple, ingressClassName: 'other' });
    createIngress('classless', { rules: simple.rules });
    startPod();
    c.advance(61_000);
    expect(address('theirs')).toBeUndefined();
    expect(events('theirs')).toEqual([]);
    expect(address('classless')).toEqual([{ ip: '172.18.0.4' }]);
  });

  it('publishes the LoadBalancer address once assigned, not the node', () => {
    const { c, svcT, createIngress, address, startPod } = setup('LoadBalancer');
    createIngress('web', simple);
    startPod();
    c.advance(61_000);
    expect(address('web')).toBeUndefined(); // pending LB: nothing to publish
    const svc = clone(c.client.get(svcT, 'ingress-nginx', 'ingress-nginx-controller')!);
    svc.status = { loadBalancer: { ingress: [{ ip: '203.0.113.7', ipMode: 'VIP' }] } };
    c.client.updateStatus(svcT, svc);
    c.advance(60_000);
    expect(address('web')).toEqual([{ ip: '203.0.113.7' }]);
  });

  it('logs a missing TLS Secret and a missing Service once', () => {
    const { c, createIngress, startPod, ctl } = setup();
    startPod();
    c.advance(1000);
    createIngress('tls', { ...simple, tls: [{ hosts: ['a.example.com'], secretName: 'a-tls' }] });
    c.advance(120_000);
    expect(ctl().logs).toEqual([
      'Error getting SSL certificate "default/a-tls": local SSL certificate default/a-tls was not found. Using default certificate',
      'Error obtaining Endpoints for Service "default/web": no object matching key "default/web" in local store',
    ]);
  });

  it('stops syncing when its pod goes away', () => {
    const { c, createIngress, address, startPod } = setup();
    startPod();
    c.advance(1000);
    c.client.delete(c.type('', 'Pod'), 'ingress-nginx', 'ingress-nginx-controller-5f8d7d7b6-x2x7k', { gracePeriodSeconds: 0 });
    c.settle();
    createIngress('after', simple);
    c.advance(120_000);
    expect(address('after')).toBeUndefined();
  });
});
