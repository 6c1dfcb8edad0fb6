// Container logs as the kubelet keeps them (CRI log files, here in memory and bounded): lines
// with RFC3339Nano timestamps per container instance, the kubelet's rules for which instance a
// request reads (validateContainerLogStatus) and the PodLogOptions filters (sinceSeconds,
// sinceTime, tailLines, limitBytes, timestamps), plus followers for `logs -f`.

import type { ContainerView } from './status';

/** One log record (a line with its newline, or a trailing partial line). */
export interface LogLine {
  /** Simulated ms. */
  at: number;
  /** Sub-millisecond nanoseconds (0..999999), so timestamps look like the runtime's. */
  nanos: number;
  stream: 'stdout' | 'stderr';
  text: string;
}

/** PodLogOptions as the kubelet honours them. */
export interface LogOptions {
  container?: string;
  previous?: boolean;
  tailLines?: number;
  sinceSeconds?: number;
  /** RFC 3339 time, ms. */
  sinceTime?: number;
  timestamps?: boolean;
  limitBytes?: number;
  follow?: boolean;
}

/** Lines kept per container instance (the kubelet rotates at 10Mi x 5 files; this bounds memory). */
export const MAX_LINES_PER_INSTANCE = 5000;

/** `2025-01-01T00:00:05.123456789Z`: RFC3339Nano, trailing zeros of the fraction trimmed as Go does. */
export function rfc3339Nano(ms: number, nanos: number): string {
  const whole = Math.floor(ms / 1000) * 1000;
  const frac = BigInt(ms - whole) * 1_000_000n + BigInt(nanos);
  const base = new Date(whole).toISOString().slice(0, 19);
  if (frac === 0n) return `${base}Z`;
  return `${base}.${frac.toString().padStart(9, '0').replace(/0+$/, '')}Z`;
}

/** FNV-1a over a container ID: the per-instance half of subMs, computed once per append. */
function idHash(id: string): number {
  let h = 2166136261;
  for (let i = 0; i < id.length; i++) h = Math.imul(h ^ id.charCodeAt(i), 16777619);
  return h;
}

/** A deterministic sub-millisecond part from a container ID's hash and line number (no PRNG draw). */
function subMs(idH: number, seq: number): number {
  return (Math.imul(idH ^ seq, 16777619) >>> 0) % 1_000_000;
}

type Follower = (line: LogLine) => void;

/**
 * One container instance's log: its lines as columns (times, streams, texts; a line's `nanos`
 * follows from its sequence number), line counter, ID hash and `logs -f` followers. Columns, not
 * a LogLine object per line: 10,000 nginx containers print 170,000 lines, and the objects (with
 * a boxed time each) were ~70 bytes a line kept for the container's life.
 */
interface Instance {
  ats: number[];
  streams: ('stdout' | 'stderr')[];
  texts: string[];
  seq: number;
  /** idHash of the container ID, computed once (it was computed on every append). */
  idH: number;
  followers: Set<Follower> | undefined;
}

/** The logs of every container instance on one node, by container ID. */
export class LogStore {
  private instances = new Map<string, Instance>();

  private instance(containerID: string): Instance {
    let inst = this.instances.get(containerID);
    if (!inst) this.instances.set(containerID, (inst = { ats: [], streams: [], texts: [], seq: 0, idH: idHash(containerID), followers: undefined }));
    return inst;
  }

  /** Appends output of a container instance; text is split into lines, each keeping its newline. */
  append(containerID: string, stream: 'stdout' | 'stderr', text: string, at: number): void {
    const inst = this.instance(containerID);
    if (text.length === 0) return;
    for (let from = 0; from < text.length; ) {
      const nl = text.indexOf('\n', from);
      const end = nl < 0 ? text.length : nl + 1;
      const part = text.slice(from, end);
      from = end;
      const n = ++inst.seq;
      inst.ats.push(at);
      inst.streams.push(stream);
      inst.texts.push(part);
      const followers = inst.followers;
      if (followers) {
        const line: LogLine = { at, nanos: subMs(inst.idH, n), stream, text: part };
        for (const f of followers) f(line);
      }
    }
    const extra = inst.texts.length - MAX_LINES_PER_INSTANCE;
    if (extra > 0) {
      inst.ats.splice(0, extra);
      inst.streams.splice(0, extra);
      inst.texts.splice(0, extra);
    }
  }

  /** The instance's lines, oldest first (built for the reader: a `kubectl logs` request). */
  lines(containerID: string): readonly LogLine[] {
    const inst = this.instances.get(containerID);
    if (!inst) return [];
    const { ats, streams, texts } = inst;
    // The first kept line's sequence number: the counter minus the lines after it.
    const first = inst.seq - texts.length + 1;
    const out: LogLine[] = new Array(texts.length);
    for (let i = 0; i < texts.length; i++) out[i] = { at: ats[i], nanos: subMs(inst.idH, first + i), stream: streams[i], text: texts[i] };
    return out;
  }

  /** Calls `fn` for every new line of the instance until stopped. */
  follow(containerID: string, fn: Follower): { stop(): void } {
    const inst = this.instance(containerID);
    (inst.followers ??= new Set()).add(fn);
    return { stop: () => void this.instances.get(containerID)?.followers?.delete(fn) };
  }

  /** Forgets instances (a removed pod, an instance older than the previous one). */
  drop(containerID: string): void {
    this.instances.delete(containerID);
  }
}

export type Pick = { ok: true; containerID: string } | { ok: false; message: string };

/** validateContainerLogStatus: which instance's log a request reads, or the kubelet's error. */
export function pickLogInstance(podName: string, c: ContainerView | undefined, containerName: string, previous: boolean): Pick {
  if (!c) return { ok: false, message: `container "${containerName}" in pod "${podName}" is not available` };
  const last = c.last;
  if (previous) {
    if (!last || !last.containerID) return { ok: false, message: `previous terminated container "${containerName}" in pod "${podName}" not found` };
    return { ok: true, containerID: last.containerID };
  }
  const st = c.state;
  if (st.kind === 'running') return { ok: true, containerID: c.containerID ?? '' };
  if (st.kind === 'terminated') {
    if (st.t.containerID) return { ok: true, containerID: st.t.containerID };
    if (last?.containerID) return { ok: true, containerID: last.containerID };
    return { ok: false, message: `container "${containerName}" in pod "${podName}" is terminated` };
  }
  if (last) {
    if (!last.containerID) return { ok: false, message: `container "${containerName}" in pod "${podName}" is terminated` };
    return { ok: true, containerID: last.containerID };
  }
  const why =
    st.reason === 'ErrImagePull' ? 'image can\'t be pulled'
    : st.reason === 'ImagePullBackOff' ? 'trying and failing to pull image'
    : st.reason;
  return { ok: false, message: `container "${containerName}" in pod "${podName}" is waiting to start: ${why}` };
}

/** Formats one line as `kubectl logs` receives it. */
export function formatLine(line: LogLine, timestamps: boolean): string {
  return timestamps ? `${rfc3339Nano(line.at, line.nanos)} ${line.text}` : line.text;
}

/** Applies sinceSeconds/sinceTime, tailLines, timestamps and limitBytes to an instance's lines. */
export function renderLogs(lines: readonly LogLine[], opts: LogOptions, now: number): string {
  let selected = lines;
  const since = opts.sinceSeconds !== undefined ? now - opts.sinceSeconds * 1000 : opts.sinceTime;
  if (since !== undefined) selected = selected.filter((l) => l.at >= since);
  if (opts.tailLines !== undefined) selected = opts.tailLines <= 0 ? [] : selected.slice(-opts.tailLines);
  let out = selected.map((l) => formatLine(l, opts.timestamps === true)).join('');
  if (opts.limitBytes !== undefined && opts.limitBytes >= 0) out = truncateBytes(out, opts.limitBytes);
  return out;
}

/** The first `n` bytes of the UTF-8 encoding of `s` (a cut multi-byte character is dropped). */
function truncateBytes(s: string, n: number): string {
  let bytes = 0;
  let i = 0;
  for (const ch of s) {
    const cp = ch.codePointAt(0)!;
    const len = cp < 0x80 ? 1 : cp < 0x800 ? 2 : cp < 0x10000 ? 3 : 4;
    if (bytes + len > n) break;
    bytes += len;
    i += ch.length;
  }
  return s.slice(0, i);
}
