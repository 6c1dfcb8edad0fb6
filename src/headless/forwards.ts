// The session's open `kubectl port-forward` listeners: which local ports lead to which pod port,
// and the `curl http://localhost:PORT/` path through them (the forwarded connection goes straight
// to the pod IP, as the kubelet's port-forward does, not through a Service).

import type { Cluster } from '../engine/cluster';
import { curl, splitUrl } from '../engine/kubelet/shell/net';
import type { NetHooks, NetResult } from '../engine/kubelet/shell/state';
import type { Network } from '../engine/network';
import type { ForwardListen, ForwardTarget } from '../kubectl/commands/port-forward';

interface Listener {
  target: ForwardTarget;
  out: (s: string) => void;
  lost: () => void;
}

/** Hosts a learner's curl means by "this machine". */
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]', '::1']);

/** First local port handed out for `:REMOTE` (the kernel's ephemeral range starts near here). */
const FIRST_EPHEMERAL = 40_000;

export class Forwards {
  private readonly listeners = new Map<number, Listener>();
  private nextEphemeral = FIRST_EPHEMERAL;

  constructor(private readonly cluster: Cluster) {}

  /** The Host.forward hook: binds `local` (0 = any free port) to the target until stopped. */
  listen(local: number, target: ForwardTarget, out: (s: string) => void, lost: () => void): ForwardListen {
    let port = local;
    if (port === 0) {
      while (this.listeners.has(this.nextEphemeral)) this.nextEphemeral++;
      port = this.nextEphemeral++;
    }
    if (this.listeners.has(port)) return { ok: false, error: 'in-use' };
    const l: Listener = { target, out, lost };
    this.listeners.set(port, l);
    return { ok: true, port, stop: () => this.listeners.get(port) === l && this.listeners.delete(port) };
  }

  /** Local ports currently forwarded. */
  ports(): number[] {
    return [...this.listeners.keys()].sort((a, b) => a - b);
  }

  /**
   * A request to this machine: through a forward when one listens on the port, else refused.
   * Returns 'empty' when the forward accepted but the pod side failed (curl's `Empty reply`).
   */
  requestLocal(network: Network, req: { url: string; method: string; headers: Record<string, string>; body?: string }): NetResult | 'empty' {
    const u = splitUrl(req.url);
    const l = this.listeners.get(u.port);
    if (!l) return { ok: false, error: 'refused', host: u.host, ip: '127.0.0.1', port: u.port };
    l.out(`Handling connection for ${u.port}\n`);
    const pod = this.cluster.client.get(this.cluster.type('', 'Pod'), l.target.namespace, l.target.pod);
    const status = (pod?.status ?? {}) as { phase?: string; podIP?: string };
    if (!pod || status.phase !== 'Running' || !status.podIP) {
      // The pod went away: the connection closes empty and port-forward ends (lost connection).
      this.listeners.delete(u.port);
      l.lost();
      return 'empty';
    }
    const headers = { ...req.headers };
    if (!Object.keys(headers).some((k) => k.toLowerCase() === 'host')) headers.Host = `${u.host}:${u.port}`;
    const res = network.request(`http://${status.podIP}:${l.target.port}${u.path}`, { method: req.method, headers, body: req.body, clientIP: '127.0.0.1' });
    return res.ok ? res : 'empty';
  }
}

/**
 * What one `curl ...` line prints when localhost may be forwarded: like curlLine, with requests to
 * localhost going through `forwards` (other hosts through the cluster network as before).
 */
export function curlWithForwards(args: string[], network: Network, forwards: Forwards): { output: string; status: number } {
  let empty = false;
  const hooks: NetHooks = {
    http: (req) => {
      const u = splitUrl(req.url);
      if (!LOCAL_HOSTS.has(u.host)) return network.request(req.url, { method: req.method, headers: req.headers, body: req.body });
      const r = forwards.requestLocal(network, req);
      if (r !== 'empty') return r;
      empty = true;
      return { ok: false, error: 'refused', host: u.host, port: u.port };
    },
  };
  const r = curl(args, hooks);
  if (empty) {
    // curl's answer to a connection closed before any byte: exit 52 (silenced by -s unless -S).
    const quiet = args.some((a) => a === '--silent' || /^-[a-zA-Z]*s/.test(a)) && !args.some((a) => a === '--show-error' || /^-[a-zA-Z]*S/.test(a));
    return { output: quiet ? '' : 'curl: (52) Empty reply from server\n', status: 52 };
  }
  let output = (r.out ?? '') + (r.err ?? '');
  if (r.file) output = r.err ?? '';
  return { output, status: r.status };
}
