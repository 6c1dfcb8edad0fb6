// Aggregated discovery (apidiscovery.k8s.io/v2 APIGroupDiscoveryList), which kubectl 1.32 asks
// for first on /api and /apis: every group, version and resource in one document per root.

import type { Registry, ResourceType } from '../api/registry';
import { SUBRESOURCE_VERBS } from './discovery';

/** The media type of an aggregated discovery answer (also its response Content-Type). */
export const AGGREGATED_DISCOVERY_V2 = 'application/json;g=apidiscovery.k8s.io;v=v2;as=APIGroupDiscoveryList';

/** Whether an Accept header asks for apidiscovery.k8s.io/v2 (v2beta1 is not served, as on v1.32 when disabled). */
export function wantsAggregatedDiscovery(accept: string | undefined): boolean {
  if (!accept) return false;
  return accept.split(',').some((part) => {
    const params = new Map(
      part.split(';').slice(1).map((p) => {
        const i = p.indexOf('=');
        return [p.slice(0, i).trim(), p.slice(i + 1).trim()] as [string, string];
      }),
    );
    return params.get('g') === 'apidiscovery.k8s.io' && params.get('v') === 'v2' && params.get('as') === 'APIGroupDiscoveryList';
  });
}

/** Which response kind a subresource answers with (group/version empty = the parent's). */
function subresourceKind(t: ResourceType, sub: string): { group: string; version: string; kind: string } {
  if (sub === 'scale') return { group: 'autoscaling', version: 'v1', kind: 'Scale' };
  if (sub === 'eviction') return { group: 'policy', version: 'v1', kind: 'Eviction' };
  if (sub === 'binding') return { group: '', version: '', kind: 'Binding' };
  if (sub === 'log' || sub === 'exec' || sub === 'attach' || sub === 'portforward' || sub === 'proxy') {
    const kinds: Record<string, string> = { log: 'Pod', exec: 'PodExecOptions', attach: 'PodAttachOptions', portforward: 'PodPortForwardOptions', proxy: `${t.kind}ProxyOptions` };
    return { group: '', version: '', kind: kinds[sub] };
  }
  if (sub === 'token') return { group: 'authentication.k8s.io', version: 'v1', kind: 'TokenRequest' };
  return { group: '', version: '', kind: t.kind };
}

function resourceDoc(t: ResourceType): Record<string, unknown> {
  const r: Record<string, unknown> = {
    resource: t.plural,
    responseKind: { group: '', version: '', kind: t.kind },
    scope: t.namespaced ? 'Namespaced' : 'Cluster',
    singularResource: t.singular,
    verbs: t.verbs,
  };
  if (t.shortNames.length) r.shortNames = t.shortNames;
  if (t.categories.length) r.categories = t.categories;
  if (t.subresources.length) {
    r.subresources = t.subresources.map((s) => ({
      subresource: s,
      responseKind: subresourceKind(t, s),
      verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
    }));
  }
  return r;
}

function groupDoc(name: string | undefined, types: ResourceType[]): Record<string, unknown> {
  const versions: string[] = [];
  for (const t of types) if (!versions.includes(t.version)) versions.push(t.version);
  return {
    metadata: name === undefined ? { creationTimestamp: null } : { name, creationTimestamp: null },
    versions: versions.map((v) => ({
      version: v,
      resources: types
        .filter((t) => t.version === v)
        .sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0))
        .map(resourceDoc),
      freshness: 'Current',
    })),
  };
}

/**
 * The APIGroupDiscoveryList for `/api` (root 'api': the core group, an item without a name) or
 * `/apis` (root 'apis': every named group, in registry order).
 */
export function aggregatedDiscovery(registry: Registry, root: 'api' | 'apis'): unknown {
  const items: unknown[] = [];
  if (root === 'api') {
    items.push(groupDoc(undefined, registry.types.filter((t) => t.group === '')));
  } else {
    const groups: string[] = [];
    for (const t of registry.types) if (t.group !== '' && !groups.includes(t.group)) groups.push(t.group);
    for (const g of groups) items.push(groupDoc(g, registry.types.filter((t) => t.group === g)));
  }
  return { kind: 'APIGroupDiscoveryList', apiVersion: 'apidiscovery.k8s.io/v2', metadata: {}, items };
}
