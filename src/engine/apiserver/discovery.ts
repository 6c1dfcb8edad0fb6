// Discovery documents as the apiserver serves them: /api (APIVersions), /apis (APIGroupList),
// /api/v1 and /apis/GROUP/VERSION (APIResourceList, with subresources as `plural/sub`).

import { groupVersion, type Registry, type ResourceType } from '../api/registry';

/** Verbs upstream lists for subresources. */
export const SUBRESOURCE_VERBS: Record<string, string[]> = {
  status: ['get', 'patch', 'update'],
  scale: ['get', 'patch', 'update'],
  log: ['get'],
  exec: ['create', 'get'],
  attach: ['create', 'get'],
  portforward: ['create', 'get'],
  binding: ['create'],
  eviction: ['create'],
  ephemeralcontainers: ['get', 'patch', 'update'],
  proxy: ['create', 'delete', 'get', 'patch', 'update'],
  resize: ['get', 'patch', 'update'],
  finalize: ['update'],
  token: ['create'],
};

export function apiVersions(): unknown {
  return {
    kind: 'APIVersions',
    versions: ['v1'],
    serverAddressByClientCIDRs: [{ clientCIDR: '0.0.0.0/0', serverAddress: '10.0.0.1:6443' }],
  };
}

function groups(registry: Registry): Map<string, string[]> {
  const m = new Map<string, string[]>();
  for (const t of registry.types) {
    if (t.group === '') continue;
    const vs = m.get(t.group) ?? [];
    if (!vs.includes(t.version)) vs.push(t.version);
    m.set(t.group, vs);
  }
  return m;
}

function groupDoc(group: string, versions: string[]): unknown {
  const vs = versions.map((v) => ({ groupVersion: `${group}/${v}`, version: v }));
  return { name: group, versions: vs, preferredVersion: vs[0] };
}

export function apiGroupList(registry: Registry): unknown {
  return {
    kind: 'APIGroupList',
    apiVersion: 'v1',
    groups: [...groups(registry)].map(([g, vs]) => groupDoc(g, vs)),
  };
}

export function apiGroup(registry: Registry, group: string): unknown | undefined {
  const vs = groups(registry).get(group);
  if (!vs) return undefined;
  return { kind: 'APIGroup', apiVersion: 'v1', ...(groupDoc(group, vs) as object) };
}

function resourceEntry(t: ResourceType): unknown[] {
  const main: Record<string, unknown> = {
    name: t.plural,
    singularName: t.singular,
    namespaced: t.namespaced,
    kind: t.kind,
    verbs: t.verbs,
  };
  if (t.shortNames.length) main.shortNames = t.shortNames;
  if (t.categories.length) main.categories = t.categories;
  const subs = t.subresources.map((s) => {
    const e: Record<string, unknown> = {
      name: `${t.plural}/${s}`,
      singularName: '',
      namespaced: t.namespaced,
      kind: s === 'scale' ? 'Scale' : s === 'eviction' ? 'Eviction' : s === 'binding' ? 'Binding' : t.kind,
      verbs: SUBRESOURCE_VERBS[s] ?? ['get'],
    };
    if (s === 'scale') e.group = 'autoscaling', e.version = 'v1';
    if (s === 'eviction') e.group = 'policy', e.version = 'v1';
    return e;
  });
  return [main, ...subs];
}

export function apiResourceList(registry: Registry, group: string, version: string): unknown | undefined {
  const types = registry.types.filter((t) => t.group === group && t.version === version);
  if (types.length === 0) return undefined;
  const sorted = [...types].sort((a, b) => (a.plural < b.plural ? -1 : a.plural > b.plural ? 1 : 0));
  return {
    kind: 'APIResourceList',
    apiVersion: 'v1',
    groupVersion: groupVersion({ group, version }),
    resources: sorted.flatMap(resourceEntry),
  };
}
