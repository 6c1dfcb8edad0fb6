// One container of a pod on the node: image check and pull (with back-off), config resolution,
// create/start, the process's output and exit, probes, and being killed. The pod worker decides
// when to start and restart; this class does one instance at a time and reports back.

import { Random, type TimerHandle } from '../clock';
import type { KObject } from '../api/types';
import { formatGoDuration } from '../util/duration';
import { etcHosts, resolveEnv, resolveVolumeFiles, resolvConf } from './env';
import { diffFiles, refreshableFiles } from './volume-refresh';
import { quantityValue } from '../api/kinds/quantities';
import type { WorkerHost } from './host';
import { PULL_RESYNC_MS, CONFIG_RETRY_MS, SIGTERM_EXIT_MS } from './host';
import { newContainerID } from './ids';
import type { ImageInfo, ProcessEvent, SimProcess } from './process';
import { seedFromID, viewFromStatus } from './adopt';
import { ProbeCounter, probeParams, probeWord, runProbe, type ProbeKind } from './probes';
import type { ContainerView, TerminatedState } from './status';

type Json = Record<string, unknown>;

/** At most this many past output lines of an adopted process are regenerated into its log. */
const REPLAY_LIMIT = 10_000;

export interface ContainerOwner {
  pod: KObject;
  podIP: string;
  /** The instance exited (or was killed). */
  exited(c: ContainerRuntime): void;
  /** The container is running (created and started). */
  started(c: ContainerRuntime): void;
  /** Something the status shows changed. */
  changed(): void;
  /** The container will not start now; the worker may go on with the next one. */
  blocked(c: ContainerRuntime): void;
}

export class ContainerRuntime {
  readonly view: ContainerView;
  proc: SimProcess | undefined;
  startedAt = 0;
  private timers: TimerHandle[] = [];
  /** The pending step of the process's output (see pumpProcess). */
  private pumpTimer: TimerHandle | undefined;
  private retry: TimerHandle | undefined;
  private cancelPull: (() => void) | undefined;
  private probes: { kind: ProbeKind; counter: ProbeCounter }[] = [];
  private killing = false;
  private instances = 0;
  usage = { cpuMillicores: 0, memoryBytes: 0 };
  /** The refreshable ConfigMap/Secret files the running instance has (see volume-refresh.ts). */
  private mounted: Record<string, string> = {};

  constructor(
    private readonly host: WorkerHost,
    private readonly owner: ContainerOwner,
    readonly spec: Json,
    readonly init: boolean,
    defaultWaiting: string,
  ) {
    this.view = {
      name: String(spec.name),
      specImage: String(spec.image ?? ''),
      state: { kind: 'waiting', reason: defaultWaiting },
      restartCount: 0,
      started: false,
      ready: false,
      restartable: init && spec.restartPolicy === 'Always',
      volumeMounts: (spec.volumeMounts ?? []) as Json[],
    };
  }

  get name(): string {
    return this.view.name;
  }

  get running(): boolean {
    return this.view.state.kind === 'running';
  }

  private get fieldPath(): string {
    return `spec.${this.init ? 'initContainers' : 'containers'}{${this.name}}`;
  }

  private event(type: 'Normal' | 'Warning', reason: string, message: string): void {
    this.host.event(this.owner.pod, type, reason, message, this.fieldPath);
  }

  private waiting(reason: string, message?: string): void {
    this.view.state = { kind: 'waiting', reason, message };
    this.owner.changed();
  }

  /** Ensures the image then creates and starts an instance (kuberuntime startContainer). */
  start(): void {
    this.clearRetry();
    const image = this.view.specImage;
    const pod = this.owner.pod;
    const policy = String(this.spec.imagePullPolicy ?? 'IfNotPresent');
    const present = this.host.puller.present(image);
    if (policy === 'Never' || (policy === 'IfNotPresent' && present)) {
      if (present) {
        this.event('Normal', 'Pulled', `Container image "${image}" already present on machine`);
        return this.create(present);
      }
      const msg = `Container image "${image}" is not present with pull policy of Never`;
      this.event('Warning', 'ErrImageNeverPull', msg);
      this.event('Warning', 'Failed', 'Error: ErrImageNeverPull');
      this.waiting('ErrImageNeverPull', msg);
      this.retryAfter(CONFIG_RETRY_MS);
      return this.owner.blocked(this);
    }
    const key = `${pod.metadata.uid}_${image}`;
    const now = this.host.clock.now();
    if (this.host.pullBackoff.inBackoffSinceUpdate(key, now)) {
      const prev = this.view.state.kind === 'waiting' && this.view.state.reason === 'ErrImagePull' ? this.view.state.message : undefined;
      this.event('Normal', 'BackOff', `Back-off pulling image "${image}"`);
      this.event('Warning', 'Failed', 'Error: ImagePullBackOff');
      const lastErr = prev ?? (this.view.state.kind === 'waiting' ? this.view.state.message?.replace(/^Back-off pulling image "[^"]*": ErrImagePull: /, '') : undefined);
      this.waiting('ImagePullBackOff', `Back-off pulling image "${image}": ErrImagePull: ${lastErr ?? ''}`);
      this.retryAt(this.host.pullBackoff.releaseAt(key) ?? now + CONFIG_RETRY_MS);
      return this.owner.blocked(this);
    }
    this.event('Normal', 'Pulling', `Pulling image "${image}"`);
    const h = this.host.puller.pull(image, (r) => {
      this.cancelPull = undefined;
      if (!r.ok) {
        this.event('Warning', 'Failed', `Failed to pull image "${image}": ${r.message}`);
        this.event('Warning', 'Failed', 'Error: ErrImagePull');
        this.host.pullBackoff.next(key, this.host.clock.now());
        this.waiting('ErrImagePull', r.message);
        this.retryAfter(PULL_RESYNC_MS);
        return this.owner.blocked(this);
      }
      const took = `${formatGoDuration(r.pullMs)} (${formatGoDuration(r.totalMs)} including waiting)`;
      this.event('Normal', 'Pulled', `Successfully pulled image "${image}" in ${took}. Image size: ${r.info.sizeBytes} bytes.`);
      this.create(r.info);
    });
    this.cancelPull = () => h.cancel();
  }

  /** Brings mounted ConfigMap/Secret files up to date (not subPath mounts, not env). */
  refreshFiles(): void {
    if (!this.proc?.updateFiles || !this.running) return;
    const next = refreshableFiles(this.owner.pod, this.spec, this.host.config);
    if (!next) return;
    const { set, removed } = diffFiles(this.mounted, next);
    if (removed.length === 0 && Object.keys(set).length === 0) return;
    this.proc.updateFiles(set, removed);
    this.mounted = next;
  }

  /** Builds the config (env, files), then creates and starts the instance. */
  private create(info: ImageInfo): void {
    const pod = this.owner.pod;
    const rt = { podIP: this.owner.podIP, hostIP: this.host.hostIP, nodeAllocatable: this.host.nodeAllocatable };
    const env = resolveEnv(pod, this.spec, this.host.config, rt);
    if (!env.ok) {
      this.event('Warning', 'Failed', `Error: ${env.message}`);
      this.waiting('CreateContainerConfigError', env.message);
      this.retryAfter(CONFIG_RETRY_MS);
      return this.owner.blocked(this);
    }
    const id = newContainerID(this.host.random);
    this.event('Normal', 'Created', `Created container: ${this.name}`);
    this.proc = this.startProcess(info, env.value, this.host.clock.now(), this.host.random);
    this.event('Normal', 'Started', `Started container ${this.name}`);
    this.startedAt = this.host.clock.now();
    this.killing = false;
    // restartCount is the new instance's index: the instances that ran before it.
    if (this.instances++ > 0) this.view.restartCount++;
    Object.assign(this.view, {
      image: `${info.repository}:${info.tag}`,
      imageID: `${info.repository}@${info.digest}`,
      containerID: id,
      state: { kind: 'running', startedAt: this.startedAt },
      started: this.spec.startupProbe === undefined,
      ready: false,
    });
    this.setupProbes();
    this.owner.started(this);
    this.owner.changed();
    this.pumpProcess();
  }

  /** Starts the image's simulated process with the pod's files (volumes, /etc/hosts, resolv.conf). */
  private startProcess(info: ImageInfo, env: Record<string, string>, startedAtMs: number, random: Random): SimProcess {
    const pod = this.owner.pod;
    const vol = resolveVolumeFiles(pod, this.spec, this.host.config);
    const files = vol.ok ? vol.value : {};
    this.mounted = refreshableFiles(pod, this.spec, this.host.config) ?? {};
    const hostname = String(pod.metadata.name);
    files['/etc/hosts'] = etcHosts(this.owner.podIP, hostname);
    files['/etc/resolv.conf'] = resolvConf(pod.metadata.namespace ?? 'default');
    return this.host.catalog.start({
      image: info,
      command: this.spec.command as string[] | undefined,
      args: this.spec.args as string[] | undefined,
      env,
      workingDir: this.spec.workingDir as string | undefined,
      hostname,
      podIP: this.owner.podIP,
      files,
      memoryLimitBytes: memoryLimit(this.spec),
      random,
      startedAtMs,
      nodeCpus: this.host.nodeAllocatable.cpu,
      net: this.host.net?.(pod, this.owner.podIP),
    });
  }

  /**
   * Takes over what a container status says (a kubelet restarting on a restored cluster): state,
   * last state, restart count, readiness. The next instance started counts as a restart.
   */
  adopt(status: Record<string, unknown>): void {
    Object.assign(this.view, viewFromStatus(status));
    this.instances = this.view.containerID || this.view.last ? this.view.restartCount + 1 : 0;
  }

  /**
   * Resumes an adopted running container: its process restarts in the state "running since
   * status.startedAt" (its randomness seeded from the container ID, so the cluster's stream is not
   * drawn on), the output it prints on its own is regenerated into the log with its original
   * times, and probes carry on at their period from the status' verdicts. Returns false when the
   * image is unknown (the caller starts the container afresh).
   */
  resume(): boolean {
    if (this.view.state.kind !== 'running') return false;
    const ref = this.view.image ?? this.view.specImage;
    const resolved = this.host.puller.present(ref) ?? this.host.catalog.resolve(ref);
    if (!('digest' in resolved)) return false;
    const startedAt = this.view.state.startedAt;
    const env = resolveEnv(this.owner.pod, this.spec, this.host.config, { podIP: this.owner.podIP, hostIP: this.host.hostIP, nodeAllocatable: this.host.nodeAllocatable });
    const proc = this.startProcess(resolved, env.ok ? env.value : {}, startedAt, new Random(seedFromID(this.view.containerID ?? this.name)));
    this.proc = proc;
    this.startedAt = startedAt;
    this.killing = false;
    const now = this.host.clock.now();
    let ev = proc.next();
    for (let n = 0; ev && ev.kind !== 'exit' && startedAt + ev.at <= now && n < REPLAY_LIMIT; n++) {
      this.host.logs.append(this.view.containerID!, ev.kind, ev.text, startedAt + ev.at);
      ev = proc.next();
    }
    if (this.view.started) {
      if (this.spec.livenessProbe !== undefined) this.scheduleProbe('liveness', true);
      if (this.spec.readinessProbe !== undefined) this.scheduleProbe('readiness', true);
    } else if (this.spec.startupProbe !== undefined) this.scheduleProbe('startup', true);
    this.pumpProcess(ev);
    return true;
  }

  /** Schedules the process's next output or exit (`first`: an event already taken from it). */
  private pumpProcess(first?: ProcessEvent): void {
    const proc = this.proc;
    if (!proc) return;
    const ev = first ?? proc.next();
    if (!ev) return;
    const due = this.startedAt + ev.at;
    // One handle for the output chain (only the next step is ever pending): pushing one per line
    // onto `timers` kept every fired handle of a long-running container.
    this.pumpTimer = this.host.clock.schedule(Math.max(0, due - this.host.clock.now()), () => {
      this.pumpTimer = undefined;
      if (this.proc !== proc || !this.running) return;
      if (ev.kind === 'exit') return this.exit(ev.code, ev.reason ?? (ev.code === 0 ? 'Completed' : 'Error'));
      this.host.logs.append(this.view.containerID!, ev.kind, ev.text, this.host.clock.now());
      this.pumpProcess();
    });
  }

  /** The instance ended: records the terminated state and tells the worker. */
  exit(code: number, reason: string, message?: string): void {
    if (!this.running) return;
    const t: TerminatedState = { exitCode: code, reason, startedAt: this.startedAt, finishedAt: this.host.clock.now(), containerID: this.view.containerID! };
    if (message) t.message = message;
    this.stopInstance();
    // A regular init container that succeeded counts as ready (generate.go isInitContainerInitialized).
    Object.assign(this.view, { state: { kind: 'terminated', t }, ready: this.init && !this.view.restartable && code === 0, started: false });
    this.owner.exited(this);
    this.owner.changed();
  }

  /**
   * Stops the instance as the runtime does on SIGTERM: a server exits cleanly at once, anything
   * else (a shell as PID 1 ignores SIGTERM) is killed (137) when the grace period ends.
   */
  kill(graceMs: number, preStopMs = 0): void {
    if (!this.running || this.killing) return;
    this.killing = true;
    this.clearTimers();
    const server = this.proc?.listensAfterMs !== undefined;
    const exitIn = server ? Math.min(preStopMs + SIGTERM_EXIT_MS, graceMs) : graceMs;
    const clean = server && preStopMs + SIGTERM_EXIT_MS <= graceMs;
    this.timers.push(this.host.clock.schedule(exitIn, () => (clean ? this.exit(0, 'Completed') : this.exit(137, 'Error'))));
  }

  /** Moves the terminated instance into lastState before a restart. */
  prepareRestart(): void {
    if (this.view.state.kind !== 'terminated') return;
    const prevLast = this.view.last;
    if (prevLast) this.host.logs.drop(prevLast.containerID);
    this.view.last = this.view.state.t;
  }

  /** Shows a crash-loop back-off wait. */
  backOff(delayMs: number, podRef: string): void {
    this.event('Warning', 'BackOff', `Back-off restarting failed container ${this.name} in pod ${podRef}`);
    if (this.view.state.kind === 'terminated') this.prepareRestart();
    this.view.state = { kind: 'waiting', reason: 'CrashLoopBackOff', message: `back-off ${formatGoDuration(delayMs)} restarting failed container=${this.name} pod=${podRef}` };
    this.owner.changed();
  }

  /** Samples resource use; returns true when memory passed the limit (an OOM kill). */
  sample(now: number): boolean {
    if (!this.proc || !this.running) return false;
    this.usage = this.proc.usage(now - this.startedAt);
    const limit = memoryLimit(this.spec);
    return limit !== undefined && this.usage.memoryBytes > limit;
  }

  /** Cancels everything pending (pod removed, node failed). */
  stop(): void {
    this.clearRetry();
    this.cancelPull?.();
    this.cancelPull = undefined;
    this.stopInstance();
  }

  /** A kubelet-side retry of start() (pull back-off ended, config may exist now). */
  private retryAfter(ms: number): void {
    this.clearRetry();
    this.retry = this.host.clock.schedule(ms, () => {
      this.retry = undefined;
      this.start();
    });
  }

  private retryAt(at: number): void {
    this.retryAfter(Math.max(0, at - this.host.clock.now()));
  }

  private clearRetry(): void {
    this.retry?.cancel();
    this.retry = undefined;
  }

  private stopInstance(): void {
    this.clearTimers();
    this.probes = [];
    this.proc = undefined;
    this.usage = { cpuMillicores: 0, memoryBytes: 0 };
  }

  private clearTimers(): void {
    for (const t of this.timers) t.cancel();
    this.timers = [];
    this.pumpTimer?.cancel();
    this.pumpTimer = undefined;
  }

  /** Starts the startup probe, or liveness + readiness; without a readiness probe the container is ready once started. */
  private setupProbes(): void {
    if (this.spec.startupProbe !== undefined) return this.scheduleProbe('startup');
    this.afterStartup();
  }

  private afterStartup(): void {
    this.view.started = true;
    if (this.spec.readinessProbe === undefined && !(this.init && !this.view.restartable)) this.view.ready = true;
    if (this.spec.livenessProbe !== undefined) this.scheduleProbe('liveness');
    if (this.spec.readinessProbe !== undefined) this.scheduleProbe('readiness');
    this.owner.changed();
  }

  /** `resumed`: an adopted container's probe, its verdict taken from the status and its next check on its period. */
  private scheduleProbe(kind: ProbeKind, resumed = false): void {
    const spec = this.spec[`${kind}Probe`] as Json;
    const params = probeParams(spec);
    const counter = new ProbeCounter(kind, params);
    if (resumed && kind === 'readiness') counter.verdict = this.view.ready;
    const entry = { kind, counter };
    this.probes.push(entry);
    const proc = this.proc;
    const tick = () => {
      if (this.proc !== proc || !this.running || !this.probes.includes(entry)) return;
      const now = this.host.clock.now();
      const r = runProbe(spec, this.spec, proc!, now - this.startedAt, this.owner.podIP);
      if (!r.ok) this.event('Warning', 'Unhealthy', `${probeWord(kind)} probe failed: ${r.message}`);
      const changed = counter.record(r.ok);
      if (changed || counter.verdict === false) {
        if (this.onVerdict(kind, counter.verdict === true)) return;
      }
      this.timers.push(this.host.clock.schedule(params.periodMs, tick));
    };
    this.timers.push(this.host.clock.schedule(resumed ? nextTick(this.startedAt + params.initialDelayMs, params.periodMs, this.host.clock.now()) : params.initialDelayMs, tick));
  }

  /** Applies a probe verdict; returns true when the probe stops (startup passed, container killed). */
  private onVerdict(kind: ProbeKind, ok: boolean): boolean {
    if (kind === 'readiness') {
      if (this.view.ready !== ok) {
        this.view.ready = ok;
        this.owner.changed();
      }
      return false;
    }
    if (kind === 'startup' && ok) {
      this.probes = this.probes.filter((p) => p.kind !== 'startup');
      this.afterStartup();
      return true;
    }
    if (ok) return false;
    this.event('Normal', 'Killing', `Container ${this.name} failed ${kind} probe, will be restarted`);
    const probe = this.spec[`${kind}Probe`] as Json;
    const grace = typeof probe.terminationGracePeriodSeconds === 'number' ? probe.terminationGracePeriodSeconds : podGraceSeconds(this.owner.pod);
    this.view.ready = false;
    this.kill(grace * 1000);
    return true;
  }
}

/** Ms from `now` to the first tick at or after it of a loop started at `first` with `period`. */
function nextTick(first: number, period: number, now: number): number {
  if (now <= first) return first - now;
  return Math.ceil((now - first) / period) * period + first - now;
}

/** The pod's terminationGracePeriodSeconds (30 by default). */
export function podGraceSeconds(pod: KObject): number {
  const g = (pod.spec as Json | undefined)?.terminationGracePeriodSeconds;
  return typeof g === 'number' ? g : 30;
}

function memoryLimit(spec: Json): number | undefined {
  const v = ((spec.resources as Json | undefined)?.limits as Json | undefined)?.memory;
  if (v === undefined) return undefined;
  const q = quantityValue(v);
  return Number.isNaN(q) ? undefined : q;
}
