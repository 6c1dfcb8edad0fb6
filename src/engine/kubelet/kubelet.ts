// The kubelet of one simulated node: watches the pods bound to its node, runs a PodWorker per
// pod, writes each pod's status through the status subresource (one write per pod per instant),
// finishes graceful deletions, keeps logs and usage, heartbeats (Lease + node status), and can
// fail and recover. It also serves logs/exec/usage as a NodeAgent.

import type { NetHooks } from './shell/state';
import type { KObject } from '../api/types';
import type { TimerHandle } from '../clock';
import type { Component, ComponentDeps, ComponentFactory } from '../controllers/deps';
import { quantityValue } from '../api/kinds/quantities';
import type { WatchHandle } from '../apiserver/request';
import type { AgentResult, NodeAgent, NodeAgents, PodUsage } from './agents';
import { Backoff } from './backoff';
import type { WorkerHost } from './host';
import { IpAllocator } from './ids';
import { LogStore, formatLine, pickLogInstance, renderLogs, type LogLine, type LogOptions } from './logs';
import { NodeHeartbeat } from './node-status';
import { PodWorker } from './pod-worker';
import { ImagePuller, type PullTiming } from './pull';
import type { ExecResult, HttpRequest, HttpResponse, ImageCatalog, ImageInfo } from './process';
import { hasNodeStatus } from './adopt';
import { sameJson } from '../util/same-json';

type Json = Record<string, unknown>;

export interface KubeletOptions {
  /** Where the apiserver finds this kubelet for logs/exec/metrics. */
  agents?: NodeAgents;
  pullTiming?: PullTiming;
  /** How often resource use is sampled (metrics-server scrapes every 15 s; default 10 s). */
  usagePeriodMs?: number;
  /** Images already on the node when it boots (kind/kubeadm preload the control-plane images). */
  preloadedImages?: string[];
  /** The cluster network for containers (kube-proxy + CoreDNS, src/engine/network). */
  net?: (pod: KObject, podIP: string) => NetHooks;
}

export const USAGE_PERIOD_MS = 10_000;

/**
 * What a node keeps that its objects do not say (JSON-safe, part of a cluster snapshot): whether
 * it is failed, the images it has pulled, where its IP allocation is, and its back-off tables.
 */
export interface KubeletState {
  name: string;
  failed: boolean;
  images: ImageInfo[];
  ipLast: number;
  restartBackoff: [string, number, number][];
  pullBackoff: [string, number, number][];
}

export class Kubelet implements Component, NodeAgent {
  private workers = new Map<string, PodWorker>();
  private byName = new Map<string, PodWorker>();
  private dirty = new Set<string>();
  private flushScheduled = false;
  private watch: WatchHandle | undefined;
  private timers: TimerHandle[] = [];
  private heartbeat: NodeHeartbeat;
  private puller: ImagePuller;
  readonly logStore = new LogStore();
  private host!: WorkerHost;
  private ips = new IpAllocator(undefined);
  private failed = false;
  private lastUsage: PodUsage[] = [];
  /** Set while the first list of a restored kubelet is delivered: those pods are adopted, not started. */
  private adopting = false;
  private restartBackoff = new Backoff();
  private pullBackoff = new Backoff();
  /** The IP allocator's position to carry over (restore). */
  private ipLast: number | undefined;

  constructor(
    private readonly deps: ComponentDeps,
    readonly nodeName: string,
    private readonly catalog: ImageCatalog,
    private readonly opts: KubeletOptions = {},
  ) {
    this.puller = new ImagePuller(deps.clock, catalog, opts.pullTiming);
    for (const ref of opts.preloadedImages ?? []) {
      const info = catalog.resolve(ref);
      if ('digest' in info) this.puller.seed(info);
    }
    this.heartbeat = new NodeHeartbeat(deps, nodeName, () => this.puller.images());
  }

  start(): void {
    const { client, type, clock } = this.deps;
    const node = client.get(type('', 'Node'), undefined, this.nodeName);
    const spec = (node?.spec ?? {}) as Json;
    const status = (node?.status ?? {}) as Json;
    const hostIP = String(((status.addresses ?? []) as Json[]).find((a) => a.type === 'InternalIP')?.address ?? '');
    const alloc = (status.allocatable ?? {}) as Json;
    this.ips = new IpAllocator(String(spec.podCIDR ?? ''));
    if (this.ipLast !== undefined) this.ips.lastOffset = this.ipLast;
    this.ipLast = undefined;
    if (!this.adopting) {
      // A (re)started kubelet forgets its back-offs; a restored one keeps them (restore()).
      this.restartBackoff = new Backoff();
      this.pullBackoff = new Backoff();
    }
    this.host = {
      net: this.opts.net,
      clock,
      random: this.deps.random,
      catalog: this.catalog,
      puller: this.puller,
      logs: this.logStore,
      config: {
        secret: (ns, name) => client.get(type('', 'Secret'), ns, name),
        configMap: (ns, name) => client.get(type('', 'ConfigMap'), ns, name),
      },
      nodeName: this.nodeName,
      hostIP,
      nodeAllocatable: { cpu: quantityValue(alloc.cpu) || 0, memory: quantityValue(alloc.memory) || 0 },
      pullBackoff: this.pullBackoff,
      restartBackoff: this.restartBackoff,
      allocateIP: () => this.ips.allocate(),
      releaseIP: (ip) => this.ips.release(ip),
      reserveIP: (ip) => this.ips.reserve(ip),
      event: (pod, t, reason, message, fieldPath) => {
        const ref = { apiVersion: 'v1', kind: 'Pod', name: pod.metadata.name ?? '', namespace: pod.metadata.namespace, uid: pod.metadata.uid, resourceVersion: pod.metadata.resourceVersion, ...(fieldPath ? { fieldPath } : {}) };
        this.deps.events.record({ component: 'kubelet', host: this.nodeName }, ref, t, reason, message);
      },
      statusChanged: (uid) => this.markDirty(uid),
      finishDeletion: (pod) => clock.schedule(0, () => this.finishDeletion(pod)),
    };
    this.opts.agents?.register(this);
    this.failed = false;
    this.heartbeat.start();
    this.watchPods();
    this.adopting = false;
    this.scheduleUsage();
  }

  /** What this node keeps besides its objects (see KubeletState). */
  state(): KubeletState {
    return {
      name: this.nodeName,
      failed: this.failed,
      images: this.puller.cached(),
      ipLast: this.ips.lastOffset,
      restartBackoff: this.restartBackoff.entriesState(),
      pullBackoff: this.pullBackoff.entriesState(),
    };
  }

  /**
   * Starts this kubelet on a restored cluster from `s`: a failed node stays down; otherwise the
   * pods bound to it are adopted from their status (running containers keep running) rather than
   * started afresh, as a kubelet restart finds its containers still there.
   */
  restore(s: KubeletState): void {
    for (const info of s.images) this.puller.seed(info);
    this.restartBackoff.restoreEntries(s.restartBackoff);
    this.pullBackoff.restoreEntries(s.pullBackoff);
    this.ipLast = s.ipLast;
    if (s.failed) {
      this.failed = true;
      return;
    }
    this.adopting = true;
    this.start();
  }

  stop(): void {
    this.watch?.stop();
    this.watch = undefined;
    this.heartbeat.stop();
    for (const t of this.timers) t.cancel();
    this.timers = [];
    for (const w of this.workers.values()) w.stop();
    this.workers.clear();
    this.byName.clear();
    this.puller.reset();
    this.opts.agents?.unregister(this.nodeName, this);
  }

  /** Simulates a dead node: no heartbeats, no pod work, no logs or exec. */
  fail(): void {
    if (this.failed) return;
    this.stop();
    this.failed = true;
  }

  /** Brings the node back: its kubelet restarts and relists its pods (containers start afresh). */
  recover(): void {
    if (!this.failed) return;
    this.start();
  }

  get isFailed(): boolean {
    return this.failed;
  }

  /**
   * Pods of this node only, as the real kubelet's `spec.nodeName=<node>` watch: the apiserver
   * indexes such watches by node, so a pod change is not fanned out to every kubelet.
   */
  private watchPods(): void {
    const t = this.deps.type('', 'Pod');
    const sink = {
      onEvent: (e: { type: string; object: unknown }) => {
        const pod = e.object as KObject;
        if (e.type === 'DELETED') this.podGone(pod);
        else if (e.type === 'ADDED' || e.type === 'MODIFIED') this.podSeen(pod);
      },
    };
    this.watch = this.deps.client.watch(t, undefined, sink, undefined, { fieldSelector: `spec.nodeName=${this.nodeName}` });
  }

  private podSeen(pod: KObject): void {
    const uid = pod.metadata.uid ?? '';
    let w = this.workers.get(uid);
    if (!w) {
      const phase = (pod.status as Json | undefined)?.phase;
      if (phase === 'Succeeded' || phase === 'Failed') {
        if (pod.metadata.deletionTimestamp) this.finishDeletion(pod);
        return;
      }
      w = new PodWorker(this.host, pod);
      this.workers.set(uid, w);
      this.byName.set(`${pod.metadata.namespace}/${pod.metadata.name}`, w);
      if (this.adopting && hasNodeStatus(pod)) w.adopt();
      else w.start();
    }
    w.pod = pod;
    if (pod.metadata.deletionTimestamp) w.terminate();
  }

  private podGone(pod: KObject): void {
    const uid = pod.metadata.uid ?? '';
    const w = this.workers.get(uid);
    if (!w) return;
    w.stop();
    for (const c of w.all()) {
      if (c.view.containerID) this.logStore.drop(c.view.containerID);
      if (c.view.last) this.logStore.drop(c.view.last.containerID);
    }
    this.workers.delete(uid);
    const key = `${pod.metadata.namespace}/${pod.metadata.name}`;
    if (this.byName.get(key) === w) this.byName.delete(key);
    this.dirty.delete(uid);
  }

  private markDirty(uid: string): void {
    this.dirty.add(uid);
    if (this.flushScheduled) return;
    this.flushScheduled = true;
    this.deps.clock.schedule(0, () => this.flush());
  }

  /** Writes the status of every pod that changed at this instant, once each. */
  private flush(): void {
    this.flushScheduled = false;
    const t = this.deps.type('', 'Pod');
    const now = this.deps.clock.now();
    const uids = [...this.dirty];
    this.dirty.clear();
    for (const uid of uids) {
      const w = this.workers.get(uid);
      if (!w) continue;
      const status = w.status(now);
      if (sameJson(status, w.pod.status ?? {})) continue;
      // Shallow: the apiserver copies what it keeps, so a deep clone per status write is waste.
      // The metadata is copied without resourceVersion rather than copied and then deleted from
      // (a delete turns the copy into a slow dictionary-mode object, once per status write).
      const metadata: KObject['metadata'] = {};
      const src = w.pod.metadata as Record<string, unknown>;
      for (const k in src) if (k !== 'resourceVersion' && Object.hasOwn(src, k)) (metadata as Record<string, unknown>)[k] = src[k];
      const body: KObject = { ...w.pod, metadata };
      body.status = status;
      try {
        // body's metadata and status are built fresh here and not kept: handed over, not copied.
        w.pod = this.deps.client.updateStatus(t, body, true);
      } catch {
        // The pod is gone (its DELETED event is on the way).
      }
    }
  }

  private finishDeletion(pod: KObject): void {
    const t = this.deps.type('', 'Pod');
    this.deps.client.delete(t, pod.metadata.namespace, pod.metadata.name ?? '', { gracePeriodSeconds: 0, uid: pod.metadata.uid });
  }

  private scheduleUsage(): void {
    const period = this.opts.usagePeriodMs ?? USAGE_PERIOD_MS;
    this.timers.push(
      this.deps.clock.schedule(period, () => {
        const now = this.deps.clock.now();
        const out: PodUsage[] = [];
        for (const w of this.workers.values()) {
          w.sample(now);
          const containers = w.containers.filter((c) => c.running).map((c) => ({ name: c.name, ...c.usage }));
          if (containers.length) out.push({ namespace: w.pod.metadata.namespace ?? '', name: w.pod.metadata.name ?? '', uid: w.uid, timestamp: now, containers });
        }
        this.lastUsage = out;
        this.scheduleUsage();
      }),
    );
  }

  // NodeAgent

  private workerFor(ns: string, pod: string): PodWorker | undefined {
    return this.failed ? undefined : this.byName.get(`${ns}/${pod}`);
  }

  logs(ns: string, pod: string, container: string, opts: LogOptions): AgentResult<string> {
    const w = this.workerFor(ns, pod);
    const pick = pickLogInstance(pod, w?.find(container)?.view, container, opts.previous === true);
    if (!pick.ok) return { ok: false, message: pick.message };
    return { ok: true, value: renderLogs(this.logStore.lines(pick.containerID), opts, this.deps.clock.now()) };
  }

  followLogs(ns: string, pod: string, container: string, opts: LogOptions, onLine: (text: string, line: LogLine) => void): AgentResult<{ stop(): void }> {
    const w = this.workerFor(ns, pod);
    const pick = pickLogInstance(pod, w?.find(container)?.view, container, opts.previous === true);
    if (!pick.ok) return { ok: false, message: pick.message };
    return { ok: true, value: this.logStore.follow(pick.containerID, (l) => onLine(formatLine(l, opts.timestamps === true), l)) };
  }

  exec(ns: string, pod: string, container: string, command: string[], stdin?: string): AgentResult<ExecResult> {
    const c = this.workerFor(ns, pod)?.find(container);
    if (!c || !c.running || !c.proc) return { ok: false, message: `unable to upgrade connection: container not found ("${container}")` };
    return { ok: true, value: c.proc.exec(command, this.deps.clock.now() - c.startedAt, stdin) };
  }

  usage(): PodUsage[] {
    return this.failed ? [] : this.lastUsage;
  }

  // network (issue 4): traffic from kube-proxy. The process's http() counts the request toward
  // its CPU use, and refuses when nothing listens on the port (yet).
  http(ns: string, pod: string, req: HttpRequest): HttpResponse | 'refused' {
    const w = this.workerFor(ns, pod);
    if (!w) return 'refused';
    const now = this.deps.clock.now();
    for (const c of w.all()) {
      if (!c.running || !c.proc) continue;
      const r = c.proc.http(req, now - c.startedAt);
      if (r !== 'refused') return r;
    }
    return 'refused';
  }
}

/** A ComponentFactory for the kubelet of `nodeName`; `onCreate` hands out the instance (for fail/recover). */
export function kubeletFactory(nodeName: string, catalog: ImageCatalog, opts: KubeletOptions & { onCreate?: (k: Kubelet) => void } = {}): ComponentFactory {
  return (deps) => {
    const k = new Kubelet(deps, nodeName, catalog, opts);
    opts.onCreate?.(k);
    return k;
  };
}
