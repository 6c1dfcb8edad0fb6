// The first phase's cluster: a snapshot's objects in a store behind the read-only apiserver, with
// time standing still. Enough for the change feed and `kubectl get`; the full engine takes over
// from the same snapshot (boot-facade.ts).

import { Registry, type ResourceType } from '../../engine/api/registry';
import { NotServedHere, ReadApiServer } from '../../engine/apiserver/read-server';
import { printerFor } from '../../engine/apiserver/printers';
import { EngineClient } from '../../engine/client/client';
import { Clock } from '../../engine/clock';
import type { ClusterSnapshot } from '../../engine/snapshot';
import { Store } from '../../engine/store/store';
import type { FeedSource } from '../feed/feed';

export class ReadOnlyCluster implements FeedSource {
  readonly clock: Clock;
  readonly server: ReadApiServer;
  readonly client: EngineClient;
  readonly registry = new Registry();

  constructor(snap: ClusterSnapshot) {
    const store = new Store();
    store.load(snap.objects, snap.rv);
    this.clock = new Clock(snap.now);
    this.server = new ReadApiServer({
      clock: this.clock,
      store,
      registry: this.registry,
      // Custom resources' printers come with the CRD controller: theirs is the full engine's job.
      printerFor: (t) => {
        if (t.custom) throw new NotServedHere(`${t.plural}.${t.group}`);
        return printerFor(t.group, t.kind);
      },
    });
    this.client = new EngineClient(this.server);
  }

  type(group: string, kind: string): ResourceType {
    return this.registry.typeOf(group, kind);
  }
}
