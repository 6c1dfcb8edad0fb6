// The namespace filter shared by the cluster map and the events timeline: one namespace, or all of
// them with kube-system hidden unless asked for (a learner's objects are not drowned by the system's).

export const ALL = '*';
export const SYSTEM_NAMESPACES = new Set(['kube-system']);

/** Namespaces of the cluster's own add-ons (kube-system, kube-public, ingress-nginx, ...). */
export function isAddOnNamespace(ns: string | undefined): boolean {
  return ns !== undefined && (ns.startsWith('kube-') || ns === 'ingress-nginx' || ns === 'local-path-storage');
}

export interface NamespaceFilter {
  /** A namespace name, or ALL. */
  namespace: string;
  /** With ALL: also show kube-system. */
  showSystem: boolean;
}

export const DEFAULT_FILTER: NamespaceFilter = { namespace: ALL, showSystem: false };

/** A predicate for namespaced objects; cluster-scoped objects (no namespace) always pass. */
export function namespaceVisible(f: NamespaceFilter): (ns: string | undefined) => boolean {
  if (f.namespace !== ALL) return (ns) => ns === undefined || ns === f.namespace;
  if (f.showSystem) return () => true;
  return (ns) => ns === undefined || !SYSTEM_NAMESPACES.has(ns);
}

/** The sorted namespaces of `items`, for the filter's choices. */
export function namespacesOf(items: Iterable<{ namespace?: string }>): string[] {
  const seen = new Set<string>();
  for (const i of items) if (i.namespace !== undefined) seen.add(i.namespace);
  return [...seen].sort();
}
