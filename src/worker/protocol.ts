// The contract between the page (src/ui) and the engine's Web Worker (src/worker): every type that
// crosses the boundary, and the API the worker exposes through comlink. The UI imports types from
// here only; it reaches the engine through `PlaygroundApi` and nothing else.

/** Simulated-time speeds offered in the top bar (0 = paused). */
export const SPEEDS = [1, 2, 5, 10, 60] as const;

export interface ClockState {
  /** Simulated now, ms since the epoch. */
  now: number;
  /** Multiplier of real time while running (1, 2, 5, 10, 60). */
  speed: number;
  paused: boolean;
}

/** A reference to one API object, as the UI names it (kubectl's resource + name). */
export interface ObjectRef {
  /** The kind, e.g. `Pod`, `Deployment`. */
  kind: string;
  namespace?: string;
  name: string;
}

/** The owner a view links to (the ownership chain Deployment -> ReplicaSet -> Pod). */
export interface OwnerLink {
  kind: string;
  name: string;
  uid: string;
}

interface ViewBase {
  uid: string;
  namespace?: string;
  name: string;
  /** metadata.creationTimestamp in simulated ms. */
  created: number;
  owner?: OwnerLink;
  labels: Record<string, string>;
}

export interface NodeView extends ViewBase {
  kind: 'Node';
  /** The Ready condition's status. */
  ready: 'True' | 'False' | 'Unknown';
  /** kubectl's STATUS column (`Ready`, `NotReady,SchedulingDisabled`, ...). */
  status: string;
  roles: string[];
  controlPlane: boolean;
  unschedulable: boolean;
  /** `key=value:Effect` strings. */
  taints: string[];
  cpu: string;
  memory: string;
  internalIP?: string;
}

export interface PodView extends ViewBase {
  kind: 'Pod';
  /** spec.nodeName; undefined while Pending unscheduled. */
  node?: string;
  phase: string;
  /** kubectl's STATUS column (Running, ContainerCreating, CrashLoopBackOff, Terminating, ...). */
  status: string;
  /** kubectl's READY column, e.g. `1/1`. */
  ready: string;
  /** True when every container is ready (the Ready condition). */
  isReady: boolean;
  restarts: number;
  deleting: boolean;
  ip?: string;
  images: string[];
}

/** Deployments, ReplicaSets, StatefulSets, DaemonSets, Jobs, CronJobs. */
export interface WorkloadView extends ViewBase {
  kind: 'Deployment' | 'ReplicaSet' | 'StatefulSet' | 'DaemonSet' | 'Job' | 'CronJob';
  desired: number;
  ready: number;
  /** The label selector as matchLabels (matchExpressions are not drawn). */
  selector: Record<string, string>;
  images: string[];
}

export interface ServiceView extends ViewBase {
  kind: 'Service';
  type: string;
  clusterIP?: string;
  /** The LoadBalancer ingress IP, or a node IP:nodePort for NodePort services. */
  externalAddress?: string;
  /** kubectl's PORT(S) column. */
  ports: string;
  selector?: Record<string, string>;
}

export interface IngressView extends ViewBase {
  kind: 'Ingress';
  className?: string;
  address?: string;
  rules: { host?: string; path: string; service: string; port: string }[];
}

export interface EventView extends ViewBase {
  kind: 'Event';
  type: string;
  reason: string;
  message: string;
  /** The involved object as kubectl shows it: `pod/web-7c5ddbdf54-x8f9p`. */
  object: string;
  involved: ObjectRef;
  count: number;
  /** lastTimestamp (or eventTime) in simulated ms. */
  last: number;
  source: string;
}

export type ObjectView = NodeView | PodView | WorkloadView | ServiceView | IngressView | EventView;

/** What a lesson step's check said on the latest change. */
export interface LessonStatus {
  lessonId: string;
  title: string;
  /** Index of the current (first unfinished) step; steps.length when the lesson is done. */
  current: number;
  steps: { title: string; text: string; hints: string[]; done: boolean; reason?: string }[];
}

/**
 * One change-feed batch, pushed at most once per animation frame. `reset` replaces the whole
 * mirror (first batch, reset, import); otherwise apply upserts and deletes by uid.
 */
export interface FeedBatch {
  reset: boolean;
  clock: ClockState;
  upserts: ObjectView[];
  deletes: string[];
  lesson?: LessonStatus;
  /** The session files changed (the editor's file tree refreshes). */
  filesChanged?: boolean;
  /** Persistence state: quota errors, another tab owning the cluster. */
  storage?: StorageStatus;
  /** `kubectl edit` in a terminal: the editor opens this live object. */
  openEditor?: ObjectRef;
}

export type StorageStatus =
  | { state: 'saved'; at: number }
  | { state: 'saving' }
  | { state: 'error'; message: string }
  | { state: 'follower'; message: string };

/** How the worker started: from the saved cluster, a fresh one, or a share link. */
export type BootResult =
  | { ok: true; source: 'saved' | 'fresh' | 'link'; warning?: string }
  | { ok: false; problem: 'saved-state'; message: string }
  | { ok: false; problem: 'locked'; message: string };

export interface BootOptions {
  /** The payload after `#s=` when the page was opened from a share link. */
  link?: string;
  /** Ignore and replace the saved cluster (after the user chose "start fresh"). */
  fresh?: boolean;
  /** Wall-clock instant a fresh cluster starts at (the worker never reads Date itself in tests). */
  now: number;
}

/** What the shell did with one line typed in a terminal tab. */
export type ShellReply =
  /** The command is incomplete (open heredoc, quote or `\`): show the continuation prompt. */
  | { kind: 'more'; prompt: string }
  /** The command ran (or was interrupted); its output went to the `out` callback. */
  | { kind: 'done'; code: number }
  /** `clear`: the terminal clears its screen. */
  | { kind: 'clear' };

/**
 * A change to the page's kept answers (worker/answers): the current output of a plain `kubectl get`
 * line (`text`, `code`), that line no longer holding (no `text`), or nothing holding (`clear`).
 */
export type AnswerUpdate = { line: string; text?: string; code?: number } | { clear: true };

export interface Completion {
  /** Index in the line where the replaced word starts. */
  from: number;
  /** Candidates for that word (a single one completes; several are listed). */
  items: string[];
}

export interface HttpResult {
  status: number;
  headers: Record<string, string>;
  body: string;
  /** A connection-level failure (refused, no route), as curl would say it. */
  error?: string;
}

export type NodeAction = 'add' | 'fail' | 'recover' | 'cordon' | 'uncordon' | 'drain' | 'remove';

export type Inspect = 'describe' | 'yaml' | 'events' | 'logs' | 'placement';

/** The worker's surface, exposed with comlink. Callbacks are passed with `Comlink.proxy`. */
export interface PlaygroundApi {
  /** Starts the cluster (saved, fresh or from a link) and the change feed. */
  boot(opts: BootOptions, onFeed: (batch: FeedBatch) => void): Promise<BootResult>;

  /** Feeds one typed line to the shell of terminal tab `tab`. */
  shellInput(tab: string, line: string, out: (text: string) => void): Promise<ShellReply>;
  /** Ctrl-C: stops the tab's running or watching command, or drops a half-typed heredoc. */
  shellInterrupt(tab: string): void;
  complete(tab: string, line: string, cursor: number): Promise<Completion>;
  /** Registers the page's sink for kept answers: plain gets whose output the page may print itself. */
  keepAnswers(onUpdate: (updates: AnswerUpdate[]) => void): void;
  /** The page printed a kept answer for `line` in tab `tab`: history and journal as if the shell ran it. */
  shellAnswered(tab: string, line: string): void;
  /** Terminal history, shared by all tabs, persisted with the cluster. */
  history(): Promise<string[]>;

  listFiles(): Promise<string[]>;
  readFile(path: string): Promise<string | undefined>;
  writeFile(path: string, text: string): Promise<void>;
  removeFile(path: string): Promise<void>;

  setSpeed(speed: number): void;
  pause(): void;
  play(): void;
  /** Advances simulated time by `ms` (single step). */
  step(ms: number): void;
  /** Jumps to the next scheduled event in the cluster. */
  skipToNextEvent(): void;

  inspect(ref: ObjectRef, what: Inspect): Promise<string>;
  /** Saves an object edited as YAML (the browser's `kubectl edit`): an error text on conflict. */
  saveEdited(yaml: string): Promise<{ ok: true; message: string } | { ok: false; message: string }>;
  nodeAction(action: NodeAction, name?: string): Promise<string>;
  /** A request from the in-app browser: a Service's external address or an Ingress host. */
  http(url: string, host?: string): Promise<HttpResult>;

  /** Marks the lesson's progress (chosen lesson, dismissed). */
  selectLesson(id: string | undefined): Promise<void>;

  /** The `#s=` payload reproducing this session, or why it cannot be made. */
  shareLink(): Promise<{ ok: true; payload: string } | { ok: false; message: string }>;
  exportState(): Promise<string>;
  importState(text: string): Promise<{ ok: true } | { ok: false; message: string }>;
  /** Starts a fresh cluster (the UI asked for confirmation). */
  reset(now: number): Promise<void>;
  /** Writes what is pending now (pagehide). */
  flush(): Promise<void>;
  /** UI layout and preferences, saved with the cluster. */
  saveLayout(layout: Record<string, unknown>): void;
  layout(): Promise<Record<string, unknown>>;
  /** Loads the code a first answer did not need (idle time after boot), so later commands do not wait for it. */
  prefetch(): Promise<void>;
}
