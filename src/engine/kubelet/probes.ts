// Container probes (kubelet pkg/probe and prober/worker.go): one check of an httpGet, tcpSocket,
// exec or grpc probe against the simulated process, with upstream's failure messages, and the
// threshold counting that turns a run of results into the probe's verdict.

import type { SimProcess } from './process';

type Json = Record<string, unknown>;

export type ProbeKind = 'startup' | 'liveness' | 'readiness';

export type ProbeOutcome = { ok: true } | { ok: false; message: string };

/** A probe with the API defaults filled in (periodSeconds 10, timeoutSeconds 1, thresholds 1/3). */
export interface ProbeParams {
  initialDelayMs: number;
  periodMs: number;
  timeoutSeconds: number;
  successThreshold: number;
  failureThreshold: number;
}

const num = (v: unknown, d: number): number => (typeof v === 'number' && Number.isFinite(v) ? v : d);

export function probeParams(p: Json): ProbeParams {
  return {
    initialDelayMs: num(p.initialDelaySeconds, 0) * 1000,
    periodMs: Math.max(1, num(p.periodSeconds, 10)) * 1000,
    timeoutSeconds: Math.max(1, num(p.timeoutSeconds, 1)),
    successThreshold: Math.max(1, num(p.successThreshold, 1)),
    failureThreshold: Math.max(1, num(p.failureThreshold, 3)),
  };
}

/** A probe port: a number, or the name of one of the container's ports. */
export function resolvePort(port: unknown, container: Json): number | undefined {
  if (typeof port === 'number') return port;
  if (typeof port === 'string') {
    if (/^\d+$/.test(port)) return Number(port);
    const p = ((container.ports ?? []) as Json[]).find((x) => x.name === port);
    if (p && typeof p.containerPort === 'number') return p.containerPort;
  }
  return undefined;
}

/** Runs one probe check `sinceStartMs` after the container started. */
export function runProbe(probe: Json, container: Json, proc: SimProcess, sinceStartMs: number, podIP: string): ProbeOutcome {
  if (probe.exec !== undefined) {
    const cmd = (((probe.exec as Json).command ?? []) as unknown[]).map(String);
    const r = proc.exec(cmd, sinceStartMs);
    return r.exitCode === 0 ? { ok: true } : { ok: false, message: r.stdout + r.stderr };
  }
  if (probe.httpGet !== undefined) {
    const h = probe.httpGet as Json;
    const port = resolvePort(h.port, container);
    const host = typeof h.host === 'string' && h.host ? h.host : podIP;
    const scheme = String(h.scheme ?? 'HTTP').toLowerCase();
    const path = typeof h.path === 'string' && h.path ? (h.path.startsWith('/') ? h.path : `/${h.path}`) : '/';
    const url = `${scheme}://${host}:${port ?? 0}${path}`;
    if (port === undefined) return { ok: false, message: `Get "${url}": dial tcp ${host}:0: connect: connection refused` };
    const headers: Record<string, string> = {};
    for (const hh of ((h.httpHeaders ?? []) as Json[])) headers[String(hh.name)] = String(hh.value ?? '');
    const res = proc.http({ method: 'GET', path, port, host, headers, clientIP: podIP }, sinceStartMs);
    if (res === 'refused') return { ok: false, message: `Get "${url}": dial tcp ${host}:${port}: connect: connection refused` };
    if (res.status >= 200 && res.status < 400) return { ok: true };
    return { ok: false, message: `HTTP probe failed with statuscode: ${res.status}` };
  }
  if (probe.tcpSocket !== undefined) {
    const t = probe.tcpSocket as Json;
    const port = resolvePort(t.port, container);
    const host = typeof t.host === 'string' && t.host ? t.host : podIP;
    if (port !== undefined && proc.tcp(port, sinceStartMs)) return { ok: true };
    return { ok: false, message: `dial tcp ${host}:${port ?? 0}: connect: connection refused` };
  }
  if (probe.grpc !== undefined) {
    const g = probe.grpc as Json;
    const port = num(g.port, 0);
    if (proc.tcp(port, sinceStartMs)) return { ok: true };
    return { ok: false, message: `timeout: failed to connect service "${podIP}:${port}" within ${probeParams(probe).timeoutSeconds}s` };
  }
  return { ok: true };
}

/**
 * Turns a run of check results into the probe's verdict (prober worker.go): the verdict flips
 * only after failureThreshold failures or successThreshold successes in a row. Readiness starts
 * failed, liveness successful, startup unknown (undefined).
 */
export class ProbeCounter {
  verdict: boolean | undefined;
  private last: boolean | undefined;
  private run = 0;

  constructor(
    kind: ProbeKind,
    private readonly params: ProbeParams,
  ) {
    this.verdict = kind === 'readiness' ? false : kind === 'liveness' ? true : undefined;
  }

  /** Records one result; returns true when the verdict changed. */
  record(ok: boolean): boolean {
    this.run = this.last === ok ? this.run + 1 : 1;
    this.last = ok;
    if ((!ok && this.run < this.params.failureThreshold) || (ok && this.run < this.params.successThreshold)) return false;
    const changed = this.verdict !== ok;
    this.verdict = ok;
    return changed;
  }
}

/** The event reason word for a probe kind (`Liveness probe failed: ...`). */
export function probeWord(kind: ProbeKind): string {
  return kind === 'startup' ? 'Startup' : kind === 'liveness' ? 'Liveness' : 'Readiness';
}
