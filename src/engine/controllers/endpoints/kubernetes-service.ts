// The apiserver's own endpoint reconciler (pkg/controlplane/reconcilers, EndpointsAdapter):
// keeps the `kubernetes` Service's Endpoints and EndpointSlice in `default` pointing at the
// apiserver, i.e. the control-plane node's InternalIP on port 6443 named https.

import type { KObject } from '../../api/types';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';

/** How often the reconciler re-checks (upstream's --endpoint-reconciler interval, 10 s). */
export const KUBERNETES_ENDPOINTS_INTERVAL_MS = 10_000;
export const APISERVER_PORT = 6443;
const NS = 'default';
const NAME = 'kubernetes';

/** The Endpoints object the apiserver writes for itself at `ip`. */
export function kubernetesEndpoints(ip: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'Endpoints',
    metadata: { name: NAME, namespace: NS, labels: { 'endpointslice.kubernetes.io/skip-mirror': 'true' } },
    subsets: [{ addresses: [{ ip }], ports: [{ name: 'https', port: APISERVER_PORT, protocol: 'TCP' }] }],
  } as KObject;
}

/** endpointSliceFromEndpoints: the matching EndpointSlice (same name, only a ready condition). */
export function kubernetesEndpointSlice(ip: string): KObject {
  return {
    apiVersion: 'discovery.k8s.io/v1',
    kind: 'EndpointSlice',
    metadata: { name: NAME, namespace: NS, labels: { 'kubernetes.io/service-name': NAME } },
    addressType: 'IPv4',
    endpoints: [{ addresses: [ip], conditions: { ready: true } }],
    ports: [{ name: 'https', protocol: 'TCP', port: APISERVER_PORT }],
  } as KObject;
}

/** The InternalIP of the first control-plane node (the apiserver's advertise address). */
export function apiserverAddress(nodes: readonly KObject[]): string | undefined {
  const sorted = [...nodes].sort((a, b) => ((a.metadata.name ?? '') < (b.metadata.name ?? '') ? -1 : 1));
  for (const n of sorted) {
    if (n.metadata.labels?.['node-role.kubernetes.io/control-plane'] === undefined) continue;
    const addrs = ((n as { status?: { addresses?: Array<{ type?: string; address?: string }> } }).status?.addresses ?? []);
    const ip = addrs.find((a) => a.type === 'InternalIP')?.address;
    if (ip) return ip;
  }
  return undefined;
}

function differs(cur: KObject, want: KObject, fields: string[]): boolean {
  const pick = (o: KObject) => JSON.stringify([o.metadata.labels ?? {}, ...fields.map((f) => (o as Record<string, unknown>)[f] ?? null)]);
  return pick(cur) !== pick(want);
}

export class KubernetesServiceEndpoints implements Component {
  private timer: { cancel(): void } | undefined;
  private address: string | undefined;

  constructor(private readonly deps: ComponentDeps) {}

  start(): void {
    this.tick();
  }

  stop(): void {
    this.timer?.cancel();
    this.timer = undefined;
  }

  private tick(): void {
    try {
      this.reconcile();
    } finally {
      this.timer = this.deps.clock.schedule(KUBERNETES_ENDPOINTS_INTERVAL_MS, () => this.tick());
    }
  }

  /** Creates or repairs both objects; a no-op when they are as they should be. */
  reconcile(): void {
    const { client, type } = this.deps;
    if (!this.address) {
      const nodes = client.list(type('', 'Node')).items as KObject[];
      this.address = apiserverAddress(nodes);
      if (!this.address) return;
    }
    this.ensure(type('', 'Endpoints'), kubernetesEndpoints(this.address), ['subsets']);
    this.ensure(type('discovery.k8s.io', 'EndpointSlice'), kubernetesEndpointSlice(this.address), ['addressType', 'endpoints', 'ports']);
  }

  private ensure(t: ReturnType<ComponentDeps['type']>, want: KObject, fields: string[]): void {
    const cur = this.deps.client.get(t, NS, NAME);
    if (!cur) {
      this.deps.client.create(t, want);
      return;
    }
    if (!differs(cur, want, fields)) return;
    const next = { ...cur, ...want, metadata: { ...cur.metadata, labels: want.metadata.labels } } as KObject;
    this.deps.client.update(t, next);
  }
}

/** The apiserver's `kubernetes` Service endpoint reconciler as a cluster component. */
export const kubernetesServiceEndpointsFactory: ComponentFactory = (deps) => new KubernetesServiceEndpoints(deps);
