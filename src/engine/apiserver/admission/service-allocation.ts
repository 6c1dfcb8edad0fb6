// Service IP and node port allocation (pkg/registry/core/service/ipallocator, portallocator):
// ClusterIPs come at random (seeded) from 10.96.0.0/12, node ports from 30000-32767; requested
// values are checked for range and conflicts with upstream's messages; updates keep what was
// allocated (node ports matched by port name, as patchAllocatedValues does).

import { ApiError } from '../status';
import { invalidStatus } from '../../api/validation/field-error';
import type { FieldError } from '../../api/strategy';
import type { KObject } from '../../api/types';
import type { AdmissionPlugin, ServerContext } from '../context';

const CIDR_BASE = (10 << 24) | (96 << 16); // 10.96.0.0
const CIDR_SIZE = 1 << 20; // /12
export const NODE_PORT_MIN = 30000;
export const NODE_PORT_MAX = 32767;

interface Port {
  name?: string;
  port?: number;
  nodePort?: number;
  protocol?: string;
}

interface ServiceSpec {
  type?: string;
  clusterIP?: string;
  clusterIPs?: string[];
  ports?: Port[];
  allocateLoadBalancerNodePorts?: boolean;
}

function ipToInt(ip: string): number | undefined {
  const m = /^(\d+)\.(\d+)\.(\d+)\.(\d+)$/.exec(ip);
  if (!m) return undefined;
  const parts = m.slice(1).map(Number);
  if (parts.some((p) => p > 255)) return undefined;
  return ((parts[0] << 24) >>> 0) + (parts[1] << 16) + (parts[2] << 8) + parts[3];
}

function intToIp(n: number): string {
  return [(n >>> 24) & 255, (n >>> 16) & 255, (n >>> 8) & 255, n & 255].join('.');
}

function inUse(ctx: ServerContext, except?: string): { ips: Set<string>; ports: Set<number> } {
  const ips = new Set<string>();
  const ports = new Set<number>();
  for (const s of ctx.store.list('/services').items) {
    if (except && s.metadata.uid === except) continue;
    const spec = (s.spec ?? {}) as ServiceSpec;
    for (const ip of spec.clusterIPs ?? (spec.clusterIP ? [spec.clusterIP] : [])) ips.add(ip);
    for (const p of spec.ports ?? []) if (p.nodePort) ports.add(p.nodePort);
  }
  return { ips, ports };
}

function wantsNodePorts(spec: ServiceSpec): boolean {
  return spec.type === 'NodePort' || (spec.type === 'LoadBalancer' && spec.allocateLoadBalancerNodePorts !== false);
}

function fail(obj: KObject, errs: FieldError[]): never {
  throw new ApiError(invalidStatus('', 'Service', obj.metadata.name ?? '', errs));
}

function allocateIP(ctx: ServerContext, used: Set<string>): string {
  // Random probing like the bitmap allocator's random scan, from the seeded PRNG.
  for (let tries = 0; tries < 64; tries++) {
    const off = 1 + ctx.random.intn(CIDR_SIZE - 2);
    const ip = intToIp(CIDR_BASE + off);
    if (!used.has(ip) && ip !== '10.96.0.10') return ip;
  }
  for (let off = 1; off < CIDR_SIZE - 1; off++) {
    const ip = intToIp(CIDR_BASE + off);
    if (!used.has(ip)) return ip;
  }
  throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500, reason: 'InternalError', message: 'Internal error occurred: failed to allocate a serviceIP: range is full' });
}

function allocatePort(ctx: ServerContext, used: Set<number>): number {
  const size = NODE_PORT_MAX - NODE_PORT_MIN + 1;
  for (let tries = 0; tries < 64; tries++) {
    const p = NODE_PORT_MIN + ctx.random.intn(size);
    if (!used.has(p)) return p;
  }
  for (let p = NODE_PORT_MIN; p <= NODE_PORT_MAX; p++) if (!used.has(p)) return p;
  throw new ApiError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', code: 500, reason: 'InternalError', message: 'Internal error occurred: failed to allocate a nodePort: range is full' });
}

export const serviceAllocation: AdmissionPlugin = {
  name: 'ServiceAllocation',
  admit(a, ctx) {
    if (a.type.group !== '' || a.type.kind !== 'Service' || a.subresource) return;
    if (a.operation !== 'CREATE' && a.operation !== 'UPDATE') return;
    const obj = a.object;
    const spec = (obj.spec ?? (obj.spec = {})) as ServiceSpec;
    const old = a.oldObject ? ((a.oldObject.spec ?? {}) as ServiceSpec) : undefined;
    const used = inUse(ctx, a.operation === 'UPDATE' ? a.oldObject?.metadata.uid : undefined);
    const errs: FieldError[] = [];
    if (spec.type === 'ExternalName') {
      delete spec.clusterIP;
      delete spec.clusterIPs;
    } else if (old && old.clusterIP && (spec.clusterIP === undefined || spec.clusterIP === '')) {
      // Updates keep the allocated address.
      spec.clusterIP = old.clusterIP;
      spec.clusterIPs = old.clusterIPs ?? [old.clusterIP];
    } else if (spec.clusterIP === 'None') {
      spec.clusterIPs = ['None'];
    } else if (spec.clusterIP === undefined || spec.clusterIP === '') {
      const ip = allocateIP(ctx, used.ips);
      spec.clusterIP = ip;
      spec.clusterIPs = [ip];
    } else if (!old || old.clusterIP !== spec.clusterIP) {
      const n = ipToInt(spec.clusterIP);
      const ipsValue = `[]string{"${spec.clusterIP}"}`;
      if (n === undefined) {
        errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs[0]', value: `"${spec.clusterIP}"`, detail: 'must be a valid IP address, (e.g. 10.9.8.7 or 2001:db8::ffff)' });
      } else if (n - CIDR_BASE <= 0 || n - CIDR_BASE >= CIDR_SIZE - 1) {
        errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: ipsValue, detail: `failed to allocate IP ${spec.clusterIP}: the provided IP (${spec.clusterIP}) is not in the valid range. The range of valid IPs is 10.96.0.0/12` });
      } else if (used.ips.has(spec.clusterIP)) {
        errs.push({ type: 'FieldValueInvalid', field: 'spec.clusterIPs', value: ipsValue, detail: `failed to allocate IP ${spec.clusterIP}: provided IP is already allocated` });
      } else {
        spec.clusterIPs = [spec.clusterIP];
      }
    }
    const ports = spec.ports ?? [];
    if (wantsNodePorts(spec)) {
      const oldByName = new Map((old?.ports ?? []).filter((p) => p.nodePort).map((p) => [p.name ?? '', p.nodePort!]));
      ports.forEach((p, i) => {
        if (p.nodePort === undefined || p.nodePort === 0) {
          const keep = oldByName.get(p.name ?? '');
          const np = keep ?? allocatePort(ctx, used.ports);
          p.nodePort = np;
          used.ports.add(np);
          return;
        }
        const wasOurs = (old?.ports ?? []).some((q) => q.nodePort === p.nodePort);
        if (wasOurs) return;
        if (p.nodePort < NODE_PORT_MIN || p.nodePort > NODE_PORT_MAX) {
          errs.push({ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, value: String(p.nodePort), detail: `provided port is not in the valid range. The range of valid ports is ${NODE_PORT_MIN}-${NODE_PORT_MAX}` });
        } else if (used.ports.has(p.nodePort)) {
          errs.push({ type: 'FieldValueInvalid', field: `spec.ports[${i}].nodePort`, value: String(p.nodePort), detail: 'provided port is already allocated' });
        } else {
          used.ports.add(p.nodePort);
        }
      });
    } else if (spec.type === 'ClusterIP' || spec.type === undefined) {
      for (const p of ports) delete p.nodePort;
    }
    if (errs.length) fail(obj, errs);
  },
};
