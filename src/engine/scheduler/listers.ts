// The informer-backed lookups plugins use besides the node cache: Services by namespace (kept in
// an index, default spreading asks for every pod), ReplicaSets, StatefulSets, PVCs, StorageClasses
// and namespace labels.

import type { KObject } from '../api/types';
import { Informer } from '../client/informer';
import type { ComponentDeps } from '../controllers/deps';
import type { Listers } from './types';

export class InformerListers implements Listers {
  readonly informers: Informer[];
  private readonly services = new Map<string, Map<string, KObject>>();
  private readonly rs: Informer;
  private readonly sts: Informer;
  readonly pvcs: Informer;
  readonly classes: Informer;
  private readonly namespaces: Informer;

  constructor(deps: ComponentDeps) {
    const svc = deps.informers.informerFor(deps.type('', 'Service'));
    const put = (o: KObject) => {
      const ns = o.metadata.namespace ?? '';
      let m = this.services.get(ns);
      if (!m) this.services.set(ns, (m = new Map()));
      m.set(o.metadata.name ?? '', o);
    };
    svc.addHandlers({ add: put, update: (_o, n) => put(n), delete: (o) => this.services.get(o.metadata.namespace ?? '')?.delete(o.metadata.name ?? '') });
    this.rs = deps.informers.informerFor(deps.type('apps', 'ReplicaSet'));
    this.sts = deps.informers.informerFor(deps.type('apps', 'StatefulSet'));
    this.pvcs = deps.informers.informerFor(deps.type('', 'PersistentVolumeClaim'));
    this.classes = deps.informers.informerFor(deps.type('storage.k8s.io', 'StorageClass'));
    this.namespaces = deps.informers.informerFor(deps.type('', 'Namespace'));
    this.informers = [svc, this.rs, this.sts, this.pvcs, this.classes, this.namespaces];
  }

  inNamespace(_kind: 'Service', ns: string): Iterable<KObject> {
    return this.services.get(ns)?.values() ?? [];
  }

  get(kind: 'ReplicaSet' | 'StatefulSet', ns: string, name: string): KObject | undefined {
    return (kind === 'ReplicaSet' ? this.rs : this.sts).get(`${ns}/${name}`);
  }

  pvc(ns: string, name: string): KObject | undefined {
    return this.pvcs.get(`${ns}/${name}`);
  }

  storageClass(name: string): KObject | undefined {
    return this.classes.get(name);
  }

  namespaceLabels(ns: string): Record<string, string> | undefined {
    return this.namespaces.get(ns)?.metadata.labels;
  }
}
