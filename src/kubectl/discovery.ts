// kubectl's view of the server's API (discovery + RESTMapper + shortcut expander): which
// resource a word like `deploy`, `deployments.apps`, `Deployment` or `deployment.v1.apps`
// means, and which kind/apiVersion maps to which resource. Read through requests and cached.

import type { Api } from './api';

export interface Mapping {
  group: string;
  version: string;
  kind: string;
  plural: string;
  singular: string;
  shortNames: string[];
  namespaced: boolean;
  verbs: string[];
  categories: string[];
}

interface ResourceListDoc {
  groupVersion: string;
  resources: { name: string; singularName: string; namespaced: boolean; kind: string; verbs: string[]; shortNames?: string[]; categories?: string[] }[];
}

export class NoResourceTypeError extends Error {
  constructor(readonly resource: string) {
    super(`the server doesn't have a resource type "${resource}"`);
  }
}

export class Discovery {
  private mappings: Mapping[] | undefined;

  constructor(
    private readonly api: Api,
    private readonly cache: Map<string, unknown>,
  ) {}

  /** All resources in discovery order: core first, then groups as the server lists them. */
  async all(): Promise<Mapping[]> {
    if (this.mappings) return this.mappings;
    const cached = this.cache.get('discovery') as Mapping[] | undefined;
    if (cached) return (this.mappings = cached);
    const out: Mapping[] = [];
    const gvs: string[] = [];
    const core = (await this.api.raw('GET', '/api')) as { versions: string[] };
    for (const v of core.versions) gvs.push(v);
    const groups = (await this.api.raw('GET', '/apis')) as { groups: { name: string; preferredVersion: { groupVersion: string }; versions: { groupVersion: string }[] }[] };
    // Every served version, the preferred one first (the RESTMapper's priority order).
    for (const g of groups.groups) {
      gvs.push(g.preferredVersion.groupVersion);
      for (const v of g.versions) if (v.groupVersion !== g.preferredVersion.groupVersion) gvs.push(v.groupVersion);
    }
    for (const gv of gvs) {
      const doc = (await this.api.raw('GET', gv.includes('/') ? `/apis/${gv}` : `/api/${gv}`)) as ResourceListDoc;
      const [group, version] = gv.includes('/') ? gv.split('/') : ['', gv];
      for (const r of doc.resources) {
        if (r.name.includes('/')) continue;
        out.push({
          group,
          version,
          kind: r.kind,
          plural: r.name,
          singular: r.singularName || r.kind.toLowerCase(),
          shortNames: r.shortNames ?? [],
          namespaced: r.namespaced,
          verbs: r.verbs,
          categories: r.categories ?? [],
        });
      }
    }
    this.cache.set('discovery', out);
    return (this.mappings = out);
  }

  /** Forgets the cached discovery (after CRDs change). */
  invalidate(): void {
    this.mappings = undefined;
    this.cache.delete('discovery');
  }

  /**
   * Resolves a resource word as kubectl does: short names first, then plural, singular or kind
   * (case-insensitive), optionally qualified `res.group` or `res.version.group`.
   */
  async resolve(word: string, refreshed = false): Promise<Mapping> {
    const all = await this.all();
    const lower = word.toLowerCase();
    const candidates: { res: string; group?: string; version?: string }[] = [{ res: lower }];
    const parts = lower.split('.');
    if (parts.length >= 3) candidates.unshift({ res: parts[0], version: parts[1], group: parts.slice(2).join('.') });
    if (parts.length >= 2) candidates.push({ res: parts[0], group: parts.slice(1).join('.') });
    for (const c of candidates) {
      const hit = all.find(
        (m) =>
          (c.group === undefined || m.group === c.group) &&
          (c.version === undefined || m.version === c.version) &&
          (m.plural === c.res || m.singular === c.res || m.shortNames.includes(c.res) || m.kind.toLowerCase() === c.res),
      );
      if (hit) return hit;
    }
    // A miss may be a type added since discovery was cached (a new CRD): look again once.
    if (!refreshed) {
      this.invalidate();
      return this.resolve(word, true);
    }
    throw new NoResourceTypeError(parts.length > 1 ? parts[0] : word);
  }

  /** The mapping for an object's apiVersion and kind, or undefined (no matches for kind). */
  async forKind(apiVersion: string, kind: string): Promise<Mapping | undefined> {
    const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
    const find = async () => (await this.all()).find((m) => m.group === group && m.version === version && m.kind === kind);
    const hit = await find();
    if (hit) return hit;
    this.invalidate();
    return find();
  }

  /** Resources in a category (`all`), in discovery order, each kind once (its preferred version). */
  async category(name: string): Promise<Mapping[]> {
    return preferred(await this.all()).filter((m) => m.categories.includes(name));
  }

  /** One mapping per group and resource: the preferred version's (what api-resources lists). */
  async preferred(): Promise<Mapping[]> {
    return preferred(await this.all());
  }
}

/** `deployment.apps`, `pod`: how kubectl names a kind in `-o name` and operation messages. */
export function kindPrefix(m: Pick<Mapping, 'group' | 'kind'>): string {
  const k = m.kind.toLowerCase();
  return m.group ? `${k}.${m.group}` : k;
}

/** `deployments.apps`, `pods`: the qualified resource. */
export function resourcePrefix(m: Pick<Mapping, 'group' | 'plural'>): string {
  return m.group ? `${m.plural}.${m.group}` : m.plural;
}

function preferred(all: Mapping[]): Mapping[] {
  const seen = new Set<string>();
  return all.filter((m) => {
    const key = `${m.group}/${m.plural}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
