// Wires the engine together: clock + PRNG, store, registry, apiserver with admission, the
// control plane (controllers, scheduler), one kubelet per node, and the bootstrap objects of a
// fresh default cluster. createCluster is what the browser worker, the headless runner, the HTTP
// front and the tests all use.

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
import { defaultIngressClass } from './apiserver/admission/default-ingress-class';
import { limitRanger } from './apiserver/admission/limit-range';
import { resourceQuotaAdmission } from './apiserver/admission/resource-quota';
import { resourceQuotaControllerFactory } from './controllers/resourcequota/controller';
import { defaultStorageClass } from './apiserver/admission/default-storage-class';
import { volumeControllerFactory } from './controllers/volume';
import { standardStorageClass } from './system/storage';
import { printerFor } from './apiserver/printers';
import { customResourcePrinter } from './apiserver/printers/custom';
import type { KindPrinter } from './apiserver/printers/types';
import { EngineClient } from './client/client';
import { EventRecorder } from './client/events';
import { InformerFactory } from './client/informer-factory';
import { GarbageCollector } from './controllers/garbage-collector';
import { NamespaceController } from './controllers/namespace';
import { crdControllerFactory } from './controllers/crd';
import { replicaSetControllerFactory } from './controllers/replicaset/controller';
import { deploymentControllerFactory } from './controllers/deployment/controller';
import { daemonSetControllerFactory } from './controllers/daemonset';
import { statefulSetControllerFactory } from './controllers/statefulset';
import { jobControllerFactory } from './controllers/job';
import { cronJobControllerFactory } from './controllers/cronjob';
import { endpointsControllerFactory, kubernetesServiceEndpointsFactory } from './controllers/endpoints';
import { endpointSliceControllerFactory } from './controllers/endpointslice';
import { serviceLoadBalancerControllerFactory } from './controllers/service-lb';
import { ingressNginxControllerFactory } from './controllers/ingress';
import { hpaControllerFactory } from './controllers/hpa/controller';
import { isConvertedVersion } from './api/conversion';
import { ingressNginxObjects, INGRESS_NGINX_IMAGE } from './system/ingress-nginx';
import { nodeLifecycleControllerFactory, podGCControllerFactory, taintEvictionControllerFactory } from './controllers/node-lifecycle';
import type { Component, ComponentDeps, ComponentFactory } from './controllers/deps';
import { schedulerFactory, type Scheduler } from './scheduler';
import { rootCACertPublisherFactory, serviceAccountsControllerFactory, systemObjects } from './system';
import { NodeAgents } from './kubelet/agents';
import { Kubelet, kubeletFactory, type KubeletState } from './kubelet/kubelet';
import type { ClusterSnapshot } from './snapshot';
import { createImageCatalog } from './kubelet/images';
import { networkFactory, type Network } from './network';
import { bootstrapObjects, nodeObject, DEFAULT_WORKER, type NodeShape } from './bootstrap';
import { rfc3339 } from './util/time';
import { COREDNS_IMAGE, ETCD_IMAGE, KUBE_PROXY_IMAGE, K8S_VERSION } from './system';

/** What a kind node image ships with: the control-plane and add-on images. */
const PRELOADED_IMAGES = [
  ETCD_IMAGE,
  `registry.k8s.io/kube-apiserver:${K8S_VERSION}`,
  `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`,
  `registry.k8s.io/kube-scheduler:${K8S_VERSION}`,
  KUBE_PROXY_IMAGE,
  COREDNS_IMAGE,
  INGRESS_NGINX_IMAGE,
];

export interface ClusterOptions {
  seed?: number;
  /** Worker nodes besides the control-plane node (default 3). */
  nodes?: number;
  /** The simulated instant the cluster starts at, in ms since the epoch. */
  startTime?: number;
  /** Shape of each worker (default 2 CPU / 4Gi). */
  worker?: Partial<NodeShape>;
  /**
   * Components to start instead of the control plane (tests start only what they exercise, e.g.
   * one controller with a fake kubelet). The garbage collector and namespace controller always
   * run. With `components` given, no kubelets run and no system workloads are created.
   */
  components?: ComponentFactory[];
  /**
   * Restores a cluster from a snapshot (snapshotCluster) instead of creating one: the store is
   * loaded as it was, the control plane starts and relists, kubelets adopt their pods, and
   * `seed`, `nodes`, `startTime` and `worker` come from the snapshot (no bootstrap, no warm-up).
   */
  restore?: ClusterSnapshot;
}

/** The headless runner's fixed starting instant: same seed + same script = same bytes. */
export const DEFAULT_START_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

/**
 * A default cluster is created this long before `startTime` and run until then, so a session
 * meets a cluster that is already up (system pods Running, leases renewed), as a learner does.
 */
export const WARMUP_MS = 5 * 60 * 1000;

/** What can be done to nodes from the UI or a script (`node add/fail/recover/remove`). */
export interface NodeOps {
  add(name: string, shape?: Partial<NodeShape> & { labels?: Record<string, string>; taints?: unknown[] }): void;
  /** Stops the node's kubelet heartbeats and pod work (a crashed or unreachable node). */
  fail(name: string): void;
  recover(name: string): void;
  /** Stops the kubelet and deletes the Node object. */
  remove(name: string): void;
  names(): string[];
}

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
  nodes: NodeOps;
  /** The scheduler (for "why is this pod here / pending"); undefined when not running. */
  scheduler?: Scheduler;
  /** Stops and restarts every control-plane component: they relist from the store and carry on. */
  restartControlPlane(): void;
  /** The simulated network (kube-proxy + CoreDNS): requests from outside or from pods. */
  network?: Network;
  /** The seed and starting instant the cluster was created with (kept through restores). */
  seed: number;
  startTime: number;
  /** The network's own PRNG stream (undefined without a network). */
  networkRandom?: Random;
  /** Each node's kubelet state (for snapshots), in the order the kubelets were started. */
  kubeletStates(): KubeletState[];
}

/** The control-plane components of a default cluster, in start order. */
export const CONTROL_PLANE: ComponentFactory[] = [
  crdControllerFactory,
  replicaSetControllerFactory,
  deploymentControllerFactory,
  daemonSetControllerFactory,
  statefulSetControllerFactory,
  volumeControllerFactory,
  jobControllerFactory,
  cronJobControllerFactory,
  kubernetesServiceEndpointsFactory,
  endpointsControllerFactory,
  endpointSliceControllerFactory,
  serviceLoadBalancerControllerFactory,
  ingressNginxControllerFactory(),
  hpaControllerFactory,
  nodeLifecycleControllerFactory,
  taintEvictionControllerFactory,
  podGCControllerFactory,
  resourceQuotaControllerFactory,
  rootCACertPublisherFactory,
  serviceAccountsControllerFactory,
];

const customPrinters = new WeakMap<ResourceType, KindPrinter>();
function customPrinter(t: ResourceType): KindPrinter {
  let p = customPrinters.get(t);
  if (!p) customPrinters.set(t, (p = customResourcePrinter(t.printerColumns ?? [])));
  return p;
}

export function createCluster(opts: ClusterOptions = {}): Cluster {
  const snap = opts.restore;
  const seed = snap ? snap.seed : (opts.seed ?? 1);
  const startTime = snap ? snap.startTime : (opts.startTime ?? DEFAULT_START_TIME);
  const full0 = opts.components === undefined;
  const clock = new Clock(snap ? snap.now : full0 ? startTime - WARMUP_MS : startTime);
  const random = new Random(snap ? snap.random : seed);
  const registry = new Registry();
  const store = new Store();
  // A restored store holds what etcd held: loaded as is, no creations replayed.
  if (snap) store.load(snap.objects, snap.rv);
  const agents = new NodeAgents();
  const ctx: ServerContext = {
    clock,
    random,
    store,
    registry,
    strategyFor: (t) => strategyFor(t.group, t.kind),
    printerFor: (t) => (t.custom ? customPrinter(t) : printerFor(t.group, t.kind)),
    admission: [namespaceLifecycle, limitRanger, podAdmission, serviceAllocation, defaultIngressClass, defaultStorageClass, resourceQuotaAdmission],
    agents,
  };
  const server = new ApiServer(ctx);
  const client = new EngineClient(server);
  const type = (group: string, kind: string): ResourceType => registry.typeOf(group, kind);
  const informers = new InformerFactory(client);
  const deps: ComponentDeps = { client, informers, clock, random, registry, type, events: new EventRecorder(client, clock, type('', 'Event')) };
  const full = opts.components === undefined;

  if (snap) deps.events.restore(snap.events);
  const created: KObject[] = [];
  if (!snap) for (const obj of bootstrapObjects({ workers: opts.nodes ?? 3, worker: opts.worker, now: rfc3339(clock.now()) })) {
    const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [''];
    created.push(client.create(type(group, obj.kind), obj as KObject));
  }

  // Versions served through conversion share their storage version's objects: watch each once.
  const stored = () => registry.types.filter((t) => !isConvertedVersion(t));
  new GarbageCollector(client, informers, clock, stored()).start();
  new NamespaceController(client, informers, clock, type('', 'Namespace'), stored).start();

  const cluster: Cluster = {
    clock,
    random,
    registry,
    store,
    server,
    client,
    type,
    deps,
    advance: (ms) => clock.advance(ms),
    settle: () => clock.settle(),
    nodes: undefined as unknown as NodeOps,
    restartControlPlane: () => {},
    seed,
    startTime,
    kubeletStates: () => [...kubelets.values()].map((k) => k.state()),
  };

  let controlPlane: Component[] = [];
  const startControlPlane = () => {
    const factories = full ? [...CONTROL_PLANE, schedulerFactory({ onCreate: (s) => (cluster.scheduler = s) })] : (opts.components ?? []);
    controlPlane = factories.map((make) => make(deps));
    for (const c of controlPlane) c.start();
  };
  startControlPlane();
  cluster.restartControlPlane = () => {
    for (const c of controlPlane) c.stop?.();
    // The restarted components' watches start over from a fresh list, as a new process's would.
    informers.relist();
    startControlPlane();
    clock.settle();
  };

  // Node agents: one kubelet per Node object, driven by the shared image catalog.
  const catalog = createImageCatalog();
  const kubelets = new Map<string, Kubelet>();
  const startKubelet = (name: string, restored?: KubeletState) => {
    const component = kubeletFactory(name, catalog, {
      agents,
      preloadedImages: PRELOADED_IMAGES,
      net: (pod, ip) => cluster.network?.netHooksFor(pod, ip) ?? {},
      onCreate: (k) => kubelets.set(name, k),
    })(deps);
    if (restored) (component as Kubelet).restore(restored);
    else component.start();
  };
  const nodeType = type('', 'Node');
  cluster.nodes = {
    add(name, shape = {}) {
      const index = 100 + kubelets.size;
      const defined = Object.fromEntries(Object.entries(shape).filter(([, v]) => v !== undefined)) as Partial<NodeShape>;
      const node = nodeObject(name, index, { ...DEFAULT_WORKER, ...defined }, false, rfc3339(clock.now()));
      if (shape.labels && Object.keys(shape.labels).length) node.metadata.labels = { ...node.metadata.labels, ...shape.labels };
      if (shape.taints) (node.spec as Record<string, unknown>).taints = shape.taints;
      client.create(nodeType, node);
      if (full) startKubelet(name);
      clock.settle();
    },
    fail(name) {
      kubelets.get(name)?.fail();
    },
    recover(name) {
      kubelets.get(name)?.recover();
      clock.settle();
    },
    remove(name) {
      kubelets.get(name)?.stop();
      kubelets.delete(name);
      agents.unregister(name);
      client.delete(nodeType, undefined, name);
      clock.settle();
    },
    names: () => [...kubelets.keys()],
  };

  if (full) {
    // kube-proxy and CoreDNS: its own seeded stream, so traffic never shifts generated names.
    const netRandom = new Random(snap?.networkRandom ?? (seed ^ 0x6e6574));
    cluster.networkRandom = netRandom;
    networkFactory({ agents, random: netRandom, onCreate: (n) => (cluster.network = n) })(deps).start();
  }
  if (full && snap) {
    for (const k of snap.kubelets) startKubelet(k.name, k);
  } else if (full) {
    const nodes = created.filter((o) => o.kind === 'Node');
    for (const n of nodes) startKubelet(n.metadata.name!);
    for (const obj of [...systemObjects(nodes, clock.now()), ...ingressNginxObjects(), standardStorageClass()]) {
      const [group] = obj.apiVersion.includes('/') ? obj.apiVersion.split('/') : [''];
      client.create(type(group, obj.kind), obj);
    }
  }
  clock.settle();
  if (full && !snap) clock.runUntil(startTime);
  return cluster;
}
