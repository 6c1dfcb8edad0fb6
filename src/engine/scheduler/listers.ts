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
    const svc = new Informer(deps.type('', 'Service'), deps.client);
    const put = (o: KObject) => {
      const ns = o.metadata.namespace ?? '';
      let m = this.services.get(ns);
      if (!m) this.services.set(ns, (m = new Map()));
      m.set(o.metadata.name ?? '', o);
    };
    svc.addHandlers({ add: put, update: (_o, n) => put(n), delete: (o) => this.services.get(o.metadata.namespace ?? '')?.delete(o.metadata.name ?? '') });
    this.rs = new Informer(deps.type('apps', 'ReplicaSet'), deps.client);
    this.sts = new Informer(deps.type('apps', 'StatefulSet'), deps.client);
    this.pvcs = new Informer(deps.type('', 'PersistentVolumeClaim'), deps.client);
    this.classes = new Informer(deps.type('storage.k8s.io', 'StorageClass'), deps.client);
    this.namespaces = new Informer(deps.type('', 'Namespace'), deps.client);
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
