// Wires the engine together: clock + PRNG, store, registry, apiserver with admission, the
// controllers, and the bootstrap objects of a fresh default cluster (namespaces, the kubernetes
// Service, one control-plane node and N workers). createCluster is what the browser worker, the
// headless runner, the HTTP front and the tests all use.

import { Clock, Random } from './clock';
import { Registry, type ResourceType } from './api/registry';
import { strategyFor } from './api/kinds';
import type { KObject } from './api/types';
import { Store } from './store/store';
import { ApiServer } from './apiserver/server';
import type { ServerContext } from './apiserver/context';
import { namespaceLifecycle } from './apiserver/admission/namespace-lifecycle';
import { podAdmission } from './apiserver/admission/pod-defaults';
import { serviceAllocation } from './apiserver/admission/service-allocation';
import { printerFor } from './apiserver/printers';
import { customResourcePrinter } from './apiserver/printers/custom';
import type { KindPrinter } from './apiserver/printers/types';
import { crdControllerFactory } from './controllers/crd';
import { EngineClient } from './client/client';
import { GarbageCollector } from './controllers/garbage-collector';
import { NamespaceController } from './controllers/namespace';
import { bootstrapObjects, type NodeShape } from './bootstrap';
import { EventRecorder } from './client/events';
import type { ComponentDeps, ComponentFactory } from './controllers/deps';
import { rfc3339 } from './util/time';

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes besides the control-plane node (default 3). */
  nodes?: number;
  /** The simulated instant the cluster starts at, in ms since the epoch. */
  startTime?: number;
  /** Shape of each worker (default 2 CPU / 4Gi). */
  worker?: Partial<NodeShape>;
  /**
   * Components to start instead of the built-in set (tests start only what they exercise, e.g.
   * one controller with a fake kubelet). The garbage collector and namespace controller always run.
   */
  components?: ComponentFactory[];
}

/** The headless runner's fixed starting instant: same seed + same script = same bytes. */
export const DEFAULT_START_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

export interface Cluster {
  clock: Clock;
  random: Random;
  registry: Registry;
  store: Store;
  server: ApiServer;
  client: EngineClient;
  /** Advances simulated time by `ms`, running everything due on the way. */
  advance(ms: number): void;
  /** Runs the work that is due now (controllers reacting to a request). */
  settle(): void;
  type(group: string, kind: string): ResourceType;
  /** What components get; for tests that start extra components. */
  deps: ComponentDeps;
}

/** The components a default cluster runs (filled in as controllers arrive). */
export const DEFAULT_COMPONENTS: ComponentFactory[] = [crdControllerFactory];

const customPrinters = new WeakMap<ResourceType, KindPrinter>();
function customPrinter(t: ResourceType): KindPrinter {
  let p = customPrinters.get(t);
  if (!p) customPrinters.set(t, (p = customResourcePrinter(t.printerColumns ?? [])));
  return p;
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  const clock = new Clock(opts.startTime ?? DEFAULT_START_TIME);
  const random = new Random(opts.seed ?? 1);
  const registry = new Registry();
  const store = new Store();
  const ctx: ServerContext = {
    clock,
    random,
    store,
    registry,
    strategyFor: (t) => strategyFor(t.group, t.kind),
    printerFor: (t) => (t.custom ? customPrinter(t) : printerFor(t.group, t.kind)),
    admission: [namespaceLifecycle, podAdmission, serviceAllocation],
  };
  const server = new ApiServer(ctx);
  const client = new EngineClient(server);
  const type = (group: string, kind: string): ResourceType => {
    const t = registry.types.find((x) => x.group === group && x.kind === kind);
    if (!t) throw new Error(`unknown kind ${group}/${kind}`);
    return t;
  };

  for (const obj of bootstrapObjects({ workers: opts.nodes ?? 3, worker: opts.worker, now: rfc3339(clock.now()) })) {
    const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [''];
    client.create(type(group, obj.kind), obj as KObject);
  }

  new GarbageCollector(client, clock, registry.types).start();
  new NamespaceController(client, clock, type('', 'Namespace'), () => registry.types).start();
  const deps: ComponentDeps = {
    client,
    clock,
    random,
    registry,
    type,
    events: new EventRecorder(client, clock, type('', 'Event')),
  };
  for (const make of opts.components ?? DEFAULT_COMPONENTS) make(deps).start();
  clock.settle();

  return {
    clock,
    random,
    registry,
    store,
    server,
    client,
    type,
    advance: (ms) => clock.advance(ms),
    settle: () => clock.settle(),
    deps,
  };
}
