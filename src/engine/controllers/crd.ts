// CustomResourceDefinitions come alive (apiextensions-apiserver's naming and establishing
// controllers + its dynamic handlers): a CRD's served versions are registered as resource types,
// so /apis/GROUP/VERSION serves its custom resources; its status reports NamesAccepted and
// Established; deleting the CRD unregisters the type and deletes its custom resources.

import type { ResourceType } from '../api/registry';
import type { KObject } from '../api/types';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import { rfc3339 } from '../util/time';
import type { Component, ComponentDeps } from './deps';

interface CrdVersion {
  name: string;
  served?: boolean;
  storage?: boolean;
  subresources?: { status?: unknown; scale?: unknown };
  additionalPrinterColumns?: { name: string; type: string; jsonPath: string; description?: string; priority?: number; format?: string }[];
}

interface CrdSpec {
  group: string;
  scope: 'Namespaced' | 'Cluster';
  names: { plural: string; singular?: string; kind: string; listKind?: string; shortNames?: string[]; categories?: string[] };
  versions: CrdVersion[];
}

/** Resource types a CRD serves (one per served version). */
export function typesForCrd(crd: KObject): ResourceType[] {
  const spec = crd.spec as CrdSpec;
  return (spec.versions ?? [])
    .filter((v) => v.served !== false)
    .map((v) => ({
      group: spec.group,
      version: v.name,
      kind: spec.names.kind,
      listKind: spec.names.listKind ?? `${spec.names.kind}List`,
      plural: spec.names.plural,
      singular: spec.names.singular ?? spec.names.kind.toLowerCase(),
      shortNames: spec.names.shortNames ?? [],
      namespaced: spec.scope !== 'Cluster',
      verbs: ['delete', 'deletecollection', 'get', 'list', 'patch', 'create', 'update', 'watch'],
      categories: spec.names.categories ?? [],
      subresources: [...(v.subresources?.status !== undefined ? ['status'] : []), ...(v.subresources?.scale !== undefined ? ['scale'] : [])],
      custom: true,
      printerColumns: v.additionalPrinterColumns ?? [],
    }));
}

export class CrdController implements Component {
  private informer: Informer;
  private queue: WorkQueue;
  private served = new Map<string, ResourceType[]>();

  constructor(private readonly deps: ComponentDeps) {
    const t = deps.type('apiextensions.k8s.io', 'CustomResourceDefinition');
    this.informer = deps.informers.informerFor(t);
    this.queue = new WorkQueue(deps.clock, (k) => this.sync(k));
    this.informer.addHandlers({
      add: (o) => this.queue.add(o.metadata.name!),
      update: (_o, n) => this.queue.add(n.metadata.name!),
      delete: (o) => this.removed(o),
    });
  }

  start(): void {
    this.informer.start();
  }

  stop(): void {
    this.informer.stop();
  }

  private sync(name: string): void {
    const crd = this.informer.get(name);
    if (!crd) return;
    const crdType = this.deps.type('apiextensions.k8s.io', 'CustomResourceDefinition');
    if (crd.metadata.deletionTimestamp) {
      this.unregister(name);
      return;
    }
    const spec = crd.spec as CrdSpec;
    const types = typesForCrd(crd);
    const previous = this.served.get(name) ?? [];
    for (const t of previous) this.deps.registry.remove(t);
    // Names already taken by another type are refused (the naming controller's NamesAccepted=False).
    const conflict = types.find((t) => this.deps.registry.forResource(t.group, t.version, t.plural));
    if (!conflict) for (const t of types) this.deps.registry.add(t);
    this.served.set(name, conflict ? [] : types);
    const now = rfc3339(this.deps.clock.now());
    const status = (crd.status ?? {}) as { conditions?: { type: string; status: string; lastTransitionTime?: string }[] };
    const keep = (type: string, st: string) => status.conditions?.find((c) => c.type === type && c.status === st)?.lastTransitionTime ?? now;
    const storage = spec.versions.find((v) => v.storage)?.name ?? spec.versions[0]?.name;
    const next = {
      ...crd,
      status: {
        acceptedNames: { ...spec.names, singular: spec.names.singular ?? spec.names.kind.toLowerCase(), listKind: spec.names.listKind ?? `${spec.names.kind}List` },
        conditions: conflict
          ? [{ lastTransitionTime: keep('NamesAccepted', 'False'), message: `"${conflict.plural}" is already in use`, reason: 'NameConflict', status: 'False', type: 'NamesAccepted' }]
          : [
              { lastTransitionTime: keep('NamesAccepted', 'True'), message: 'no conflicts found', reason: 'NoConflicts', status: 'True', type: 'NamesAccepted' },
              { lastTransitionTime: keep('Established', 'True'), message: 'the initial names have been accepted', reason: 'InitialNamesAccepted', status: 'True', type: 'Established' },
            ],
        storedVersions: storage ? [storage] : [],
      },
    };
    if (JSON.stringify(next.status) !== JSON.stringify(crd.status)) this.deps.client.updateStatus(crdType, next);
  }

  private removed(crd: KObject): void {
    const types = this.served.get(crd.metadata.name!) ?? [];
    // Custom resources go with their definition.
    for (const t of types) {
      try {
        for (const o of this.deps.client.list(t).items) this.deps.client.delete(t, o.metadata.namespace, o.metadata.name!);
      } catch {
        // The type may already be gone.
      }
    }
    this.unregister(crd.metadata.name!);
  }

  private unregister(name: string): void {
    for (const t of this.served.get(name) ?? []) this.deps.registry.remove(t);
    this.served.delete(name);
  }
}

export const crdControllerFactory = (deps: ComponentDeps): Component => new CrdController(deps);
