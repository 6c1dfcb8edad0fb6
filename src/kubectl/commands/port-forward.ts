// `kubectl port-forward TYPE/NAME [LOCAL:]REMOTE ...` (kubectl pkg/cmd/portforward and client-go
// tools/portforward): picks the pod, maps Service and named ports to container ports, checks the
// pod runs, then asks the host to listen on each local port until the user interrupts.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagArray } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import type { Host } from '../env';
import { CmdError } from '../errors';
import { resourceRequests } from '../resource-args';
import { podsForObject } from './logs';
import { fetchTarget } from './targets';

/** Where a forwarded local port leads: a port of one pod. */
export interface ForwardTarget {
  namespace: string;
  pod: string;
  port: number;
}

/** What the host answers when asked to listen: the bound port (0 picks one) or why it could not. */
export type ForwardListen = { ok: true; port: number; stop(): void } | { ok: false; error: 'in-use' };

/**
 * The optional Host hook port-forward uses (to be added to Host in env.ts). `out` is the
 * command's stdout, where the host prints `Handling connection for N`; `lost` is called when a
 * connection finds the pod gone, which ends the command as upstream does.
 */
export interface ForwardHost extends Host {
  forward?(local: number, target: ForwardTarget, out: (s: string) => void, lost: () => void): ForwardListen;
}

/** A parsed `[LOCAL:]REMOTE` pair (client-go ForwardedPort). */
export interface ForwardedPort {
  local: number;
  remote: number;
}

const USAGE_HINT = "\nSee 'kubectl port-forward -h' for help and examples";

/** Go's strconv.ParseUint(s, 10, 16) error text, or the value. */
function parseUint16(s: string): number | string {
  if (!/^[0-9]+$/.test(s)) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: invalid syntax`;
  const n = Number(s);
  if (n > 65535) return `strconv.ParseUint: parsing ${JSON.stringify(s)}: value out of range`;
  return n;
}

/** client-go parsePorts: `5000`, `8888:5000`, `:5000` (0 = any free local port). Throws CmdError. */
export function parsePorts(ports: string[]): ForwardedPort[] {
  return ports.map((spec) => {
    const parts = spec.split(':');
    if (parts.length > 2) throw new CmdError(`invalid port format '${spec}'`);
    const localString = parts.length === 1 ? parts[0] : parts[0] || '0';
    const remoteString = parts.length === 1 ? parts[0] : parts[1];
    const local = parseUint16(localString);
    if (typeof local === 'string') throw new CmdError(`error parsing local port '${localString}': ${local}`);
    const remote = parseUint16(remoteString);
    if (typeof remote === 'string') throw new CmdError(`error parsing remote port '${remoteString}': ${remote}`);
    if (remote === 0) throw new CmdError('remote port must be > 0');
    return { local, remote };
  });
}

/** kubectl splitPort: `L:R` -> [L, R]; anything else -> [p, p] (split on every colon, as upstream). */
function splitPort(port: string): [string, string] {
  const parts = port.split(':');
  return parts.length === 2 ? [parts[0], parts[1]] : [parts[0], parts[0]];
}

const isInt = (s: string) => /^[+-]?[0-9]+$/.test(s);

/** util.LookupContainerPortNumberByName: containers first, then init containers. */
export function containerPortByName(pod: J, name: string): number {
  for (const list of [pod.spec?.containers ?? [], pod.spec?.initContainers ?? []]) {
    for (const c of list) for (const p of c.ports ?? []) if (p.name === name) return p.containerPort;
  }
  throw new CmdError(`Pod '${pod.metadata?.name}' does not have a named port '${name}'`);
}

function servicePortByName(svc: J, name: string): number {
  const p = (svc.spec?.ports ?? []).find((x: J) => x.name === name);
  if (!p) throw new CmdError(`Service '${svc.metadata?.name}' does not have a named port '${name}'`);
  return p.port;
}

/** util.LookupContainerPortNumberByServicePort: the targetPort (named ones via the pod), headless as is. */
function containerPortByServicePort(svc: J, pod: J, port: number): number {
  if (svc.spec?.clusterIP === 'None') return port;
  for (const sp of svc.spec?.ports ?? []) {
    if (sp.port !== port) continue;
    if (typeof sp.targetPort === 'string') return containerPortByName(pod, sp.targetPort);
    return sp.targetPort ? sp.targetPort : sp.port;
  }
  throw new CmdError(`Service ${svc.metadata?.name} does not have a service port ${port}`);
}

/** translateServicePortToTargetPort: Service ports (numbers or names) -> the pod's container ports. */
export function translateServicePorts(ports: string[], svc: J, pod: J): string[] {
  return ports.map((port) => {
    let [local, remote] = splitPort(port);
    let num: number;
    if (isInt(remote)) num = Number(remote);
    else {
      num = servicePortByName(svc, remote);
      if (local === remote) local = String(num);
    }
    remote = String(containerPortByServicePort(svc, pod, num));
    return local !== remote ? `${local}:${remote}` : remote;
  });
}

/** convertPodNamedPortToNumber: named container ports -> numbers. */
export function convertNamedPorts(ports: string[], pod: J): string[] {
  return ports.map((port) => {
    const [local, remote] = splitPort(port);
    if (remote === '') throw new CmdError('remote port cannot be empty');
    const num = isInt(remote) ? remote : String(containerPortByName(pod, remote));
    return local !== remote ? `${local}:${num}` : num;
  });
}

/** checkUDPPorts: a remote port that only UDP declares cannot be forwarded. */
function checkUdp(declared: { port: number; protocol?: string }[], ports: string[], resolveName: (n: string) => number): void {
  const udp = new Set(declared.filter((d) => d.protocol === 'UDP').map((d) => d.port));
  for (const d of declared) if ((d.protocol ?? 'TCP') === 'TCP') udp.delete(d.port);
  for (const port of ports) {
    const [, remote] = splitPort(port);
    const num = isInt(remote) ? Number(remote) : resolveName(remote);
    if (udp.has(num)) throw new CmdError(`UDP protocol is not supported for ${remote}`);
  }
}

/** The `Forwarding from` lines for one bound port on the --address list. */
export function forwardingLines(addresses: string[], local: number, remote: number): string {
  let out = '';
  const seen = new Set<string>();
  for (const a of addresses) {
    const hosts = a === 'localhost' ? ['127.0.0.1', '[::1]'] : [a.includes(':') ? `[${a}]` : a];
    for (const h of hosts) {
      if (seen.has(h)) continue;
      seen.add(h);
      out += `Forwarding from ${h}:${local} -> ${remote}\n`;
    }
  }
  return out;
}

/** client-go parseAddresses: localhost or IP literals only. */
function checkAddresses(addresses: string[]): void {
  for (const a of addresses) {
    if (a === 'localhost') continue;
    const v4 = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/.exec(a);
    const ok = v4 ? v4.slice(1).every((o) => Number(o) <= 255) : /^[0-9a-fA-F:]+$/.test(a) && a.includes(':');
    if (!ok) throw new CmdError(`${a} is not a valid IP`);
  }
}

async function resolvePod(ctx: Ctx, arg: string): Promise<{ pod: J; svc?: J }> {
  const [pod] = (await podsForObject(ctx, arg, false, true)) as J[];
  if (!arg.includes('/')) return { pod };
  const [r] = await resourceRequests(ctx.discovery, [arg]);
  if (r.mapping.kind !== 'Service') return { pod };
  const svc = (await fetchTarget(ctx, { mapping: r.mapping, namespace: ctx.namespace, name: r.names![0] })) as J;
  return { pod, svc };
}

export async function runPortForward(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  if (inv.args.length < 2) throw new CmdError(`TYPE/NAME and list of ports are required for port-forward${USAGE_HINT}`);
  const addresses = flagArray(inv.flags, 'address');
  const { pod, svc } = await resolvePod(ctx, inv.args[0]);
  const specs = inv.args.slice(1);
  let ports: string[];
  if (svc) {
    checkUdp(svc.spec?.ports ?? [], specs, (n) => servicePortByName(svc, n));
    ports = translateServicePorts(specs, svc, pod);
  } else {
    const declared = (pod.spec?.containers ?? []).flatMap((c: J) => (c.ports ?? []).map((p: J) => ({ port: p.containerPort, protocol: p.protocol })));
    checkUdp(declared, specs, (n) => containerPortByName(pod, n));
    ports = convertNamedPorts(specs, pod);
  }
  // RunPortForward reads the pod again and needs it Running.
  const podsType = await ctx.discovery.resolve('pods');
  const fresh = (await fetchTarget(ctx, { mapping: podsType, namespace: ctx.namespace, name: pod.metadata.name })) as KObject as J;
  const phase = fresh.status?.phase ?? '';
  if (phase !== 'Running') throw new CmdError(`unable to forward port because pod is not running. Current status=${phase}`);
  checkAddresses(addresses);
  const forwarded = parsePorts(ports);
  const host = inv.env.host as ForwardHost;
  let onLost!: () => void;
  const lost = new Promise<'lost'>((resolve) => (onLost = () => resolve('lost')));
  const stops: (() => void)[] = [];
  let bound = 0;
  for (const fp of forwarded) {
    const target: ForwardTarget = { namespace: fresh.metadata.namespace, pod: fresh.metadata.name, port: fp.remote };
    const res: ForwardListen = host.forward ? host.forward(fp.local, target, (s) => ctx.out(s), onLost) : { ok: true, port: fp.local, stop: () => {} };
    if (!res.ok) {
      // portforward.go listenOnPort: each address fails, the port is reported, the others go on.
      const errs = addresses.flatMap((a) => (a === 'localhost' ? [['tcp4', '127.0.0.1'], ['tcp6', '[::1]']] : [[a.includes(':') ? 'tcp6' : 'tcp4', a.includes(':') ? `[${a}]` : a]]));
      const detail = errs.map(([p, h]) => `unable to create listener: Error listen ${p} ${h}:${fp.local}: bind: address already in use`).join(' ');
      ctx.err(`Unable to listen on port ${fp.local}: Listeners failed to create with the following errors: [${detail}]\n`);
      continue;
    }
    bound++;
    stops.push(res.stop);
    ctx.out(forwardingLines(addresses, res.port, fp.remote));
  }
  if (bound === 0) {
    throw new CmdError(`unable to listen on any of the requested ports: [${forwarded.map((f) => `{${f.local} ${f.remote}}`).join(' ')}]`);
  }
  const why = await Promise.race([host.untilInterrupted().then(() => 'stop' as const), lost]);
  for (const s of stops) s();
  if (why === 'lost') throw new CmdError('lost connection to pod');
  return 0;
}

