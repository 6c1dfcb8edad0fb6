// The ingress-nginx controller as a component: while one of its pods runs, it announces every
// Ingress of its class (`Sync` / `Scheduled for sync`), publishes its address in their status
// every status interval, and logs TLS and backend problems as the real controller does.

import type { ResourceType } from '../../api/registry';
import type { KObject } from '../../api/types';
import { Informer, keyOf } from '../../client/informer';
import { WorkQueue } from '../../client/workqueue';
import type { TimerHandle } from '../../clock';
import type { Component, ComponentDeps, ComponentFactory } from '../deps';
import { DEFAULT_CLASS_CONFIG, isOurIngress, type ClassConfig } from './class';
import { controllerAddresses, ingressStatusUpdate, nodeAddress, tlsProblems } from './status';

/** Where the controller's own objects live and how it behaves (kind/minikube defaults). */
export interface IngressControllerOptions {
  namespace?: string;
  /** The Service whose address is published (`--publish-service`). */
  serviceName?: string;
  /** Label selector of the controller pods. */
  podSelector?: string;
  /** How often the status is synced (ingress-nginx's `statusUpdateInterval`, 60 s). */
  statusIntervalMs?: number;
  classConfig?: ClassConfig;
  /** Receives the controller's log lines (W-level klog text, without the klog header). */
  log?: (line: string) => void;
}

const SOURCE = { component: 'nginx-ingress-controller' };
const ALL = '*all*';

export const INGRESS_NGINX_NAMESPACE = 'ingress-nginx';
export const INGRESS_NGINX_CONTROLLER = 'ingress-nginx-controller';
export const INGRESS_NGINX_POD_SELECTOR = 'app.kubernetes.io/component=controller,app.kubernetes.io/instance=ingress-nginx,app.kubernetes.io/name=ingress-nginx';

function clone<T>(o: T): T {
  return JSON.parse(JSON.stringify(o)) as T;
}

export class IngressNginxController implements Component {
  private readonly ingType: ResourceType;
  private readonly podType: ResourceType;
  private readonly svcType: ResourceType;
  private readonly nodeType: ResourceType;
  private readonly secretType: ResourceType;
  private readonly ingresses: Informer;
  private readonly classes: Informer;
  /** Running controller pods: pod name -> node name. */
  private readonly pods = new Map<string, string>();
  private podWatch: { stop(): void } | undefined;
  private timer: TimerHandle | undefined;
  private readonly queue: WorkQueue;
  private readonly ns: string;
  private readonly svcName: string;
  private readonly interval: number;
  private readonly cfg: ClassConfig;
  /** Log lines already written per Ingress, so a steady problem is logged once per change. */
  private readonly logged = new Map<string, string>();
  /** Every log line written (also sent to `options.log`); for tests and the pod's logs. */
  readonly logs: string[] = [];
  lastError: { key: string; err: unknown } | undefined;

  constructor(
    private readonly deps: ComponentDeps,
    private readonly opts: IngressControllerOptions = {},
  ) {
    this.ingType = deps.type('networking.k8s.io', 'Ingress');
    this.podType = deps.type('', 'Pod');
    this.svcType = deps.type('', 'Service');
    this.nodeType = deps.type('', 'Node');
    this.secretType = deps.type('', 'Secret');
    this.ns = opts.namespace ?? INGRESS_NGINX_NAMESPACE;
    this.svcName = opts.serviceName ?? INGRESS_NGINX_CONTROLLER;
    this.interval = opts.statusIntervalMs ?? 60_000;
    this.cfg = opts.classConfig ?? DEFAULT_CLASS_CONFIG;
    this.ingresses = deps.informers.informerFor(this.ingType);
    this.classes = deps.informers.informerFor(deps.type('networking.k8s.io', 'IngressClass'));
    this.queue = new WorkQueue(
      deps.clock,
      (k) => (k === ALL ? this.syncAll() : this.sync(k)),
      (key, err) => (this.lastError = { key, err }),
    );
    this.ingresses.addHandlers({
      add: (ing) => this.announce(ing),
      update: (_old, ing) => this.announce(ing),
      delete: (ing) => this.logged.delete(keyOf(ing)),
    });
    // A class appearing or changing can change which Ingresses are ours.
    const requeue = () => this.queue.add(ALL);
    this.classes.addHandlers({ add: requeue, update: requeue, delete: requeue });
  }

  start(): void {
    this.classes.start();
    this.podWatch = this.deps.client.watch(this.podType, this.ns, { onEvent: (e) => this.onPod(e.type, e.object as KObject) }, undefined, {
      labelSelector: this.opts.podSelector ?? INGRESS_NGINX_POD_SELECTOR,
    });
    this.ingresses.start();
  }

  stop(): void {
    this.podWatch?.stop();
    this.podWatch = undefined;
    this.ingresses.stop();
    this.classes.stop();
    this.timer?.cancel();
    this.timer = undefined;
  }

  /** Whether a controller pod runs (the real controller only acts from inside its pod). */
  get active(): boolean {
    return this.pods.size > 0;
  }

  private classByName = (name: string): KObject | undefined => this.classes.get(name);

  private ours(ing: KObject): boolean {
    return isOurIngress(ing, this.classByName, this.cfg);
  }

  private onPod(type: string, pod: KObject): void {
    const wasActive = this.active;
    const p = pod as { spec?: { nodeName?: string }; status?: { phase?: string } };
    const running = type !== 'DELETED' && !pod.metadata.deletionTimestamp && p.status?.phase === 'Running' && !!p.spec?.nodeName;
    if (running) this.pods.set(pod.metadata.name ?? '', p.spec?.nodeName ?? '');
    else this.pods.delete(pod.metadata.name ?? '');
    if (!wasActive && this.active) this.becameActive();
    if (wasActive && !this.active) {
      this.timer?.cancel();
      this.timer = undefined;
    }
  }

  /** The controller process started: its informers list every Ingress, then the status loop runs. */
  private becameActive(): void {
    for (const ing of this.ingresses.list()) this.announce(ing);
    this.queue.add(ALL);
    this.tick();
  }

  private tick(): void {
    this.timer?.cancel();
    this.timer = this.deps.clock.schedule(this.interval, () => {
      this.timer = undefined;
      if (!this.active) return;
      this.queue.add(ALL);
      this.tick();
    });
  }

  /** The store's add/update handler: every change to one of our Ingresses is "scheduled for sync". */
  private announce(ing: KObject): void {
    if (!this.active || !this.ours(ing)) return;
    this.deps.events.record(SOURCE, ing, 'Normal', 'Sync', 'Scheduled for sync');
    this.checkProblems(ing);
  }

  private log(line: string): void {
    this.logs.push(line);
    this.opts.log?.(line);
  }

  /** Logs (once per distinct set) the TLS Secrets and backend Services the Ingress lacks. */
  private checkProblems(ing: KObject): void {
    const c = this.deps.client;
    const lines = tlsProblems(ing, (ns, name) => c.get(this.secretType, ns, name));
    const ns = ing.metadata.namespace ?? 'default';
    for (const svc of backendServices(ing)) {
      if (c.get(this.svcType, ns, svc)) continue;
      lines.push(`Error obtaining Endpoints for Service "${ns}/${svc}": no object matching key "${ns}/${svc}" in local store`);
    }
    const key = keyOf(ing);
    const text = lines.join('\n');
    if (this.logged.get(key) === text) return;
    this.logged.set(key, text);
    for (const l of lines) this.log(l);
  }

  /** The address to publish now. */
  private addresses() {
    const svc = this.deps.client.get(this.svcType, this.ns, this.svcName);
    const ips: string[] = [];
    for (const nodeName of new Set(this.pods.values())) {
      const ip = nodeAddress(this.deps.client.get(this.nodeType, undefined, nodeName));
      if (ip) ips.push(ip);
    }
    return controllerAddresses(svc, ips);
  }

  private syncAll(): void {
    if (!this.active) return;
    const addrs = this.addresses();
    for (const ing of this.ingresses.list()) {
      if (!this.ours(ing)) continue;
      try {
        this.writeStatus(ing, addrs);
      } catch (e) {
        // A conflict: retry this one Ingress later, with the work queue's back-off from then on.
        this.lastError = { key: keyOf(ing), err: e };
        this.queue.addAfter(keyOf(ing), 1000);
      }
    }
  }

  private sync(key: string): void {
    const ing = this.ingresses.get(key);
    if (!ing || !this.active || !this.ours(ing)) return;
    this.writeStatus(ing, this.addresses());
  }

  private writeStatus(ing: KObject, addrs: ReturnType<typeof controllerAddresses>): void {
    const status = ingressStatusUpdate(ing, addrs);
    if (!status) return;
    const next = clone(ing) as KObject & { status?: unknown };
    next.status = status;
    this.deps.client.updateStatus(this.ingType, next);
  }
}

/** Service names an Ingress's backends reference (rules and defaultBackend), deduplicated. */
export function backendServices(ing: KObject): string[] {
  const spec = (ing as { spec?: { defaultBackend?: { service?: { name?: string } }; rules?: Array<{ http?: { paths?: Array<{ backend?: { service?: { name?: string } } }> } }> } }).spec;
  const out = new Set<string>();
  if (spec?.defaultBackend?.service?.name) out.add(spec.defaultBackend.service.name);
  for (const r of spec?.rules ?? []) for (const p of r.http?.paths ?? []) if (p.backend?.service?.name) out.add(p.backend.service.name);
  return [...out];
}

/** A factory for the cluster's component list. */
export function ingressNginxControllerFactory(opts: IngressControllerOptions = {}): ComponentFactory {
  return (deps) => new IngressNginxController(deps, opts);
}
