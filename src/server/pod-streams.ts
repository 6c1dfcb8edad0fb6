// The engine's StreamHandler for pods/exec and pods/attach: checks the request as the apiserver
// and kubelet do before upgrading (their refusals become plain HTTP Status answers), then runs the
// command through the engine's exec, or follows the container's output for attach.
import type { KObject, Status } from '../engine/api/types';
import type { Cluster } from '../engine/cluster';
import type { ExecResult } from '../engine/kubelet/process';
import { resolveContainer } from '../engine/apiserver/handlers/pod-subresources';
import { ApiError, badRequest, statusFailure } from '../engine/apiserver/status';
import { watchContainerEnd } from './container-end';
import type { StreamHandler, StreamIO, StreamRequest } from './streams';

/** How long a v4 client's stdin may stay quiet before it counts as ended (v4 cannot close stdin). */
export const V4_STDIN_IDLE_MS = 250;

type Decision = ReturnType<StreamHandler>;

function refuse(status: Status): Decision {
  return { ok: false, status };
}

/** The pod and the resolved container, or the Status the apiserver answers instead. */
function locate(cluster: Cluster, req: StreamRequest): { ok: true; pod: KObject; container: string } | { ok: false; status: Status } {
  const ans = cluster.server.handle({ method: 'GET', path: `/api/v1/namespaces/${req.namespace}/pods/${req.name}` });
  if (ans.status !== 200) return { ok: false, status: ans.body as Status };
  const pod = ans.body as KObject;
  try {
    const container = resolveContainer(pod, req.container);
    if (!((pod.spec ?? {}) as Record<string, unknown>).nodeName) throw badRequest(`pod ${req.name} does not have a host assigned`);
    return { ok: true, pod, container };
  } catch (e) {
    if (e instanceof ApiError) return { ok: false, status: e.status };
    throw e;
  }
}

/** Runs one exec through the engine (POST pods/exec); the Status on refusal. */
function runExec(cluster: Cluster, req: StreamRequest, container: string, stdin: string | undefined): { ok: true; value: ExecResult } | { ok: false; status: Status } {
  const ans = cluster.server.handle({
    method: 'POST',
    path: `/api/v1/namespaces/${req.namespace}/pods/${req.name}/exec`,
    body: { command: req.command, container, stdin },
  });
  // An exec may change what controllers see (a killed process); let them react now.
  cluster.settle();
  if (ans.status !== 200) return { ok: false, status: ans.body as Status };
  return { ok: true, value: ans.body as ExecResult };
}

/** A terminal turns `\n` into `\r\n` (onlcr), and merges stderr into the one tty stream. */
function toTty(s: string): string {
  return s.replace(/\r?\n/g, '\r\n');
}

function writeResult(io: StreamIO, req: StreamRequest, r: ExecResult): void {
  if (req.tty) {
    const all = r.stdout + r.stderr;
    if (all && req.stdout) io.stdout(toTty(all));
  } else {
    if (r.stdout && req.stdout) io.stdout(r.stdout);
    if (r.stderr && req.stderr) io.stderr(r.stderr);
  }
  io.exit(r.exitCode);
}

function execDecision(cluster: Cluster, req: StreamRequest): Decision {
  const loc = locate(cluster, req);
  if (!loc.ok) return refuse(loc.status);
  if (req.command.length === 0) return refuse(badRequest('you must specify at least 1 command').status);
  if (!req.stdin) {
    // Without stdin the command runs now: a kubelet refusal is answered before the upgrade.
    const r = runExec(cluster, req, loc.container, undefined);
    if (!r.ok) return refuse(r.status);
    return { ok: true, start: (io) => writeResult(io, req, r.value) };
  }
  return {
    ok: true,
    start(io) {
      const chunks: Buffer[] = [];
      let done = false;
      let idle: NodeJS.Timeout | undefined;
      const run = (): void => {
        if (done) return;
        done = true;
        if (idle) clearTimeout(idle);
        const r = runExec(cluster, req, loc.container, Buffer.concat(chunks).toString('utf8'));
        if (!r.ok) return io.fail(r.status);
        writeResult(io, req, r.value);
      };
      const v4 = req.protocol === 'v4.channel.k8s.io';
      const arm = (): void => {
        if (!v4) return;
        if (idle) clearTimeout(idle);
        idle = setTimeout(run, V4_STDIN_IDLE_MS);
      };
      io.onStdin((d) => {
        chunks.push(Buffer.from(d));
        // A tty sends ^D (EOT) at the start of a line for end of input.
        if (req.tty && d.length > 0 && d[d.length - 1] === 0x04) {
          chunks[chunks.length - 1] = chunks[chunks.length - 1].subarray(0, d.length - 1);
          return run();
        }
        arm();
      });
      io.onStdinEnd(run);
      io.onClose(() => {
        done = true;
        if (idle) clearTimeout(idle);
      });
      arm();
    },
  };
}

function attachDecision(cluster: Cluster, req: StreamRequest): Decision {
  const loc = locate(cluster, req);
  if (!loc.ok) return refuse(loc.status);
  const path = `/api/v1/namespaces/${req.namespace}/pods/${req.name}/log`;
  let handle: { stop(): void };
  const buffered: string[] = [];
  let sink: (text: string) => void = (t) => void buffered.push(t);
  try {
    // Attach sees what the container writes from now on, not what it wrote before.
    handle = cluster.server.followLog({ method: 'GET', path, query: { container: loc.container, tailLines: '0' } }, (t) => sink(t));
  } catch (e) {
    if (e instanceof ApiError) return refuse(e.status);
    throw e;
  }
  return {
    ok: true,
    start(io) {
      const out = (t: string): void => {
        if (req.tty) io.stdout(toTty(t));
        else if (req.stdout) io.stdout(t);
      };
      sink = out;
      for (const t of buffered.splice(0)) out(t);
      let cancel: () => void = () => {};
      cancel = watchContainerEnd(cluster, req.namespace, req.name, loc.container, () => {
        handle.stop();
        io.exit(0);
      });
      io.onClose(() => {
        handle.stop();
        cancel();
      });
    },
  };
}

/** The StreamHandler serving exec and attach from the engine; port-forward is refused. */
export function engineStreamHandler(cluster: Cluster): StreamHandler {
  return (req) => {
    switch (req.subresource) {
      case 'exec':
        return execDecision(cluster, req);
      case 'attach':
        return attachDecision(cluster, req);
      default:
        return refuse(statusFailure(400, 'BadRequest', 'port forwarding is not supported by kubeplay yet'));
    }
  };
}
