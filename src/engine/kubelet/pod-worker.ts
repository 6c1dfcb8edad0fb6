// One pod on the node (kubelet pod worker + SyncPod): sandbox and IP, init containers in order,
// then the app containers, restarts with the crash-loop back-off, and graceful termination
// (Killing, preStop, SIGTERM, grace period, final status, delete with grace 0).

import type { KObject } from '../api/types';
import type { TimerHandle } from '../clock';
import { parseTime } from '../util/time';
import { ContainerRuntime, podGraceSeconds, type ContainerOwner } from './containers';
import { resolveVolumeFiles } from './env';
import { MOUNT_RETRY_MS, SANDBOX_MS, TEARDOWN_MS, type WorkerHost } from './host';
import { hasRefreshableVolumes, VOLUME_REFRESH_MS } from './volume-refresh';
import { buildPodStatus, type PodView } from './status';
import { backoffFromMessage } from './adopt';
import { INITIAL_BACKOFF_MS } from './backoff';

type Json = Record<string, unknown>;

export class PodWorker implements ContainerOwner {
  podIP = '';
  readonly init: ContainerRuntime[];
  readonly containers: ContainerRuntime[];
  private sandboxReady = false;
  private readonly startTime: number;
  private terminating = false;
  private terminal = false;
  private finished = false;
  private timers: TimerHandle[] = [];
  /** The containers being started one after the other (SyncPod's loop) and the position in it. */
  private chain: ContainerRuntime[] = [];
  private chainAt = 0;

  constructor(
    private readonly host: WorkerHost,
    public pod: KObject,
  ) {
    const spec = (pod.spec ?? {}) as Json;
    const initSpecs = (spec.initContainers ?? []) as Json[];
    const waiting = initSpecs.length ? 'PodInitializing' : 'ContainerCreating';
    this.init = initSpecs.map((c) => new ContainerRuntime(host, this, c, true, waiting));
    this.containers = ((spec.containers ?? []) as Json[]).map((c) => new ContainerRuntime(host, this, c, false, waiting));
    this.startTime = parseTime((pod.status as Json | undefined)?.startTime) ?? host.clock.now();
  }

  get uid(): string {
    return this.pod.metadata.uid ?? '';
  }

  /** `name_namespace(uid)`, as format.Pod spells a pod in kubelet messages. */
  get ref(): string {
    return `${this.pod.metadata.name}_${this.pod.metadata.namespace}(${this.uid})`;
  }

  all(): ContainerRuntime[] {
    return [...this.init, ...this.containers];
  }

  find(name: string): ContainerRuntime | undefined {
    return this.all().find((c) => c.name === name);
  }

  /** What the status is generated from. */
  view(): PodView {
    return {
      hostIP: this.host.hostIP,
      podIP: this.podIP || undefined,
      startTime: this.startTime,
      sandboxReady: this.sandboxReady,
      init: this.init.map((c) => c.view),
      containers: this.containers.map((c) => c.view),
      terminal: this.terminal,
    };
  }

  status(now: number): Json {
    return buildPodStatus(this.pod, this.view(), now);
  }

  /** Starts the pod: first status, volumes, sandbox, then containers. */
  start(): void {
    this.changed();
    this.mountVolumes();
    if (hasRefreshableVolumes(this.pod)) this.refreshVolumesLater();
  }

  /**
   * Takes over a pod a previous kubelet ran (a restored cluster), from its status: the sandbox and
   * IP, each container's state, restart count and readiness. Running containers resume, a
   * crash-looping one restarts at lastState.finishedAt + its back-off, containers not started yet
   * (pulls in progress included) start over. A pod without a sandbox yet simply starts.
   */
  adopt(): void {
    const st = (this.pod.status ?? {}) as Json;
    const ip = typeof st.podIP === 'string' ? st.podIP : '';
    if (!ip) return this.start();
    this.podIP = ip;
    this.host.reserveIP(ip);
    this.sandboxReady = true;
    const byName = (list: unknown) => new Map(((list ?? []) as Json[]).map((j) => [String(j.name), j]));
    const initStatus = byName(st.initContainerStatuses);
    const appStatus = byName(st.containerStatuses);
    for (const c of this.init) {
      const j = initStatus.get(c.name);
      if (j) c.adopt(j);
    }
    for (const c of this.containers) {
      const j = appStatus.get(c.name);
      if (j) c.adopt(j);
    }
    if (hasRefreshableVolumes(this.pod)) this.refreshVolumesLater();
    let initBackingOff = false;
    for (const c of this.all()) {
      const state = c.view.state;
      if (state.kind === 'running' && !c.resume()) {
        c.view.state = { kind: 'waiting', reason: 'ContainerCreating' };
        c.view.started = c.view.ready = false;
      }
      if (state.kind === 'waiting' && state.reason === 'CrashLoopBackOff' && c.view.last) {
        this.resumeBackOff(c, c.view.last.finishedAt, state.message);
        if (this.init.includes(c)) initBackingOff = true;
      }
    }
    // Containers not started yet (waiting for a pull, config or their turn) start over; a
    // crash-looping init container blocks the rest until its restart.
    if (!initBackingOff) this.next();
    this.changed();
  }

  /** The pending restart of an adopted container in CrashLoopBackOff (the back-off kept by the kubelet, else its message's). */
  private resumeBackOff(c: ContainerRuntime, finishedAt: number, message: string | undefined): void {
    const key = `${this.uid}/${c.name}`;
    const b = this.host.restartBackoff;
    const delay = b.get(key) || (backoffFromMessage(message) ?? INITIAL_BACKOFF_MS);
    this.later(Math.max(0, finishedAt + delay - this.host.clock.now()), () => {
      if (this.terminating) return;
      b.next(key, this.host.clock.now());
      c.start();
    });
  }

  /** The periodic pod sync's volume part: mounted ConfigMaps/Secrets follow their source. */
  private refreshVolumesLater(): void {
    this.later(VOLUME_REFRESH_MS, () => {
      if (this.terminating) return;
      for (const c of this.all()) c.refreshFiles();
      this.refreshVolumesLater();
    });
  }

  private later(ms: number, fn: () => void): void {
    this.timers.push(this.host.clock.schedule(ms, fn));
  }

  private mountVolumes(): void {
    if (this.terminating) return;
    for (const c of this.all()) {
      const r = resolveVolumeFiles(this.pod, c.spec, this.host.config);
      if (!r.ok) {
        this.host.event(this.pod, 'Warning', 'FailedMount', r.message);
        return this.later(MOUNT_RETRY_MS, () => this.mountVolumes());
      }
    }
    this.later(SANDBOX_MS, () => {
      if (this.terminating) return;
      this.podIP = this.host.allocateIP() ?? '';
      this.sandboxReady = true;
      this.changed();
      this.next();
    });
  }

  /** Starts the next init container, or all app containers one after the other. */
  private next(): void {
    if (this.terminating) return;
    const pending = this.init.find((c) => !(c.view.state.kind === 'terminated' && c.view.state.t.exitCode === 0) && !(c.view.restartable && c.view.started));
    if (pending) {
      if (pending.view.state.kind === 'waiting' && !this.chain.includes(pending)) this.runChain([pending]);
      return;
    }
    this.runChain(this.containers.filter((c) => c.view.state.kind === 'waiting' && !c.view.last));
  }

  private runChain(list: ContainerRuntime[]): void {
    this.chain = list;
    this.chainAt = 0;
    this.advance();
  }

  private advance(): void {
    if (this.terminating) return;
    const c = this.chain[this.chainAt];
    if (c) c.start();
  }

  private stepChain(c: ContainerRuntime): void {
    if (this.chain[this.chainAt] !== c) return;
    this.chainAt++;
    this.advance();
  }

  started(c: ContainerRuntime): void {
    if (c.view.restartable && this.init.includes(c)) {
      // A sidecar lets the next init container start once it is started.
      this.stepChain(c);
      return this.next();
    }
    this.stepChain(c);
  }

  blocked(c: ContainerRuntime): void {
    this.stepChain(c);
  }

  changed(): void {
    this.host.statusChanged(this.uid);
  }

  exited(c: ContainerRuntime): void {
    if (this.terminating) return this.maybeFinish();
    const st = c.view.state;
    if (st.kind !== 'terminated') return;
    const code = st.t.exitCode;
    const policy = String((this.pod.spec as Json).restartPolicy ?? 'Always');
    const isInit = this.init.includes(c);
    if (isInit && !c.view.restartable && code === 0) return this.next();
    const restart = c.view.restartable || policy === 'Always' || (policy === 'OnFailure' && code !== 0);
    if (!restart) return;
    this.scheduleRestart(c, st.t.finishedAt);
  }

  /**
   * Restarts a dead container through the crash-loop back-off (kuberuntime doBackOff): the first
   * restart is immediate and sets a 10 s back-off; a container that dies again within its back-off
   * waits in CrashLoopBackOff until finishedAt + back-off, which then doubles (10 s, 20 s, 40 s ...).
   */
  private scheduleRestart(c: ContainerRuntime, finishedAt: number): void {
    const key = `${this.uid}/${c.name}`;
    const b = this.host.restartBackoff;
    const now = this.host.clock.now();
    if (b.inBackoffSince(key, finishedAt, now)) {
      const delay = b.get(key);
      c.backOff(delay, this.ref);
      this.later(finishedAt + delay - now, () => {
        if (this.terminating) return;
        b.next(key, this.host.clock.now());
        c.start();
      });
      return;
    }
    b.next(key, now);
    c.prepareRestart();
    c.start();
  }

  /** Checks memory use against limits (an OOM kill ends the instance with 137 OOMKilled). */
  sample(now: number): void {
    for (const c of this.all()) if (c.sample(now)) c.exit(137, 'OOMKilled');
  }

  /** The pod got a deletionTimestamp: stop its containers gracefully. */
  terminate(): void {
    if (this.terminating) return;
    this.terminating = true;
    const now = this.host.clock.now();
    const deadline = parseTime(this.pod.metadata.deletionTimestamp) ?? now + podGraceSeconds(this.pod) * 1000;
    const graceMs = Math.max(0, deadline - now);
    for (const c of this.all()) if (!c.running) c.stop();
    // App containers first, then sidecars (they outlive the app, as upstream orders it).
    for (const c of [...this.containers, ...this.init]) {
      if (!c.running) continue;
      this.host.event(this.pod, 'Normal', 'Killing', `Stopping container ${c.name}`, `spec.${this.init.includes(c) ? 'initContainers' : 'containers'}{${c.name}}`);
      c.kill(graceMs, this.preStop(c));
    }
    this.maybeFinish();
  }

  /** Runs the preStop hook and returns how long it takes (ms). */
  private preStop(c: ContainerRuntime): number {
    const hook = ((c.spec.lifecycle as Json | undefined)?.preStop ?? undefined) as Json | undefined;
    if (!hook || !c.proc) return 0;
    const since = this.host.clock.now() - c.startedAt;
    if (hook.sleep !== undefined) return Number((hook.sleep as Json).seconds ?? 0) * 1000;
    if (hook.exec !== undefined) {
      const cmd = (((hook.exec as Json).command ?? []) as unknown[]).map(String);
      c.proc.exec(cmd, since);
      const m = /\bsleep\s+(\d+(?:\.\d+)?)/.exec(cmd.join(' '));
      return m ? Number(m[1]) * 1000 : 0;
    }
    if (hook.httpGet !== undefined) {
      const h = hook.httpGet as Json;
      const port = typeof h.port === 'number' ? h.port : 80;
      c.proc.http({ method: 'GET', path: String(h.path ?? '/'), port }, since);
    }
    return 0;
  }

  private maybeFinish(): void {
    if (this.finished || this.all().some((c) => c.running)) return;
    this.finished = true;
    // The sandbox teardown and volume cleanup take a moment; only then does the kubelet write the
    // terminal status (phase Succeeded/Failed) and delete the pod, so until then the API still
    // shows it Running with a deletionTimestamp: `Terminating`, as on a real node.
    this.later(TEARDOWN_MS, () => {
      const now = this.host.clock.now();
      for (const c of this.all()) {
        if (c.view.state.kind === 'waiting') {
          c.view.state = {
            kind: 'terminated',
            t: { exitCode: 137, reason: 'ContainerStatusUnknown', message: 'The container could not be located when the pod was terminated', startedAt: now, finishedAt: now, containerID: '' },
          };
        }
        c.view.ready = false;
        c.view.started = false;
      }
      this.terminal = true;
      this.changed();
      this.host.finishDeletion(this.pod);
    });
  }

  /** Stops everything (pod gone, node failed); releases the IP. */
  stop(): void {
    for (const t of this.timers) t.cancel();
    this.timers = [];
    for (const c of this.all()) c.stop();
    if (this.podIP) this.host.releaseIP(this.podIP);
  }
}
