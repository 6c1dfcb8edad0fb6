// `kubectl get` columns for Services (TYPE, CLUSTER-IP, EXTERNAL-IP, PORT(S)), Endpoints and
// EndpointSlices: printers.go printService, formatEndpoints, formatDiscoveryPorts/Endpoints.

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, formatLabels, nameCol, nameOf, specOf, statusOf } from './common';
import { arr, int, obj, objs, optInt, optStr, str } from './fields';
import * as d from './descriptions';

/** Longest EXTERNAL-IP / ADDRESS shown without `-o wide` before clipping to `...`. */
const LOAD_BALANCER_WIDTH = 16;

/**
 * The load-balancer ingress points (IP, else hostname) deduplicated, sorted and joined by `,`,
 * clipped to 13 characters + `...` unless wide. Shared with Ingress ADDRESS.
 */
export function loadBalancerStatus(lb: unknown, wide: boolean): string {
  const set = new Set<string>();
  for (const ing of objs(obj(lb).ingress)) {
    if (str(ing.ip) !== '') set.add(str(ing.ip));
    else if (str(ing.hostname) !== '') set.add(str(ing.hostname));
  }
  let r = [...set].sort().join(',');
  if (!wide && r.length > LOAD_BALANCER_WIDTH) r = `${r.slice(0, LOAD_BALANCER_WIDTH - 3)}...`;
  return r;
}

/** EXTERNAL-IP by service type (getServiceExternalIP). */
export function serviceExternalIP(spec: Record<string, unknown>, status: Record<string, unknown>, wide: boolean): string {
  const externalIPs = arr(spec.externalIPs).map(str);
  switch (str(spec.type)) {
    case 'ClusterIP':
    case 'NodePort':
      return externalIPs.length > 0 ? externalIPs.join(',') : '<none>';
    case 'LoadBalancer': {
      const lb = loadBalancerStatus(status.loadBalancer, wide);
      if (externalIPs.length > 0) return [...(lb ? lb.split(',') : []), ...externalIPs].join(',');
      return lb || '<pending>';
    }
    case 'ExternalName':
      return str(spec.externalName);
    default:
      return '<unknown>';
  }
}

/** PORT(S): `port/PROTO` or `port:nodePort/PROTO`, joined by `,`; `<none>` when there are none. */
export function servicePorts(ports: unknown): string {
  const s = objs(ports)
    .map((p) => {
      const nodePort = int(p.nodePort);
      const proto = str(p.protocol);
      return nodePort > 0 ? `${int(p.port)}:${nodePort}/${proto}` : `${int(p.port)}/${proto}`;
    })
    .join(',');
  return s === '' ? '<none>' : s;
}

/**
 * The cells of one service; `wide` only changes EXTERNAL-IP clipping. The apiserver always
 * renders wide (the client drops priority columns), so the table printer passes true.
 */
export function serviceCells(o: Parameters<KindPrinter['cells']>[0], now: number, wide: boolean) {
  const spec = specOf(o);
  // Defaulting fills clusterIPs from clusterIP when decoding; fall back for undefaulted objects.
  const clusterIPs = arr(spec.clusterIPs).map(str);
  const clusterIP = clusterIPs[0] ?? (str(spec.clusterIP) || '<none>');
  return [
    nameOf(o),
    str(spec.type),
    clusterIP,
    serviceExternalIP(spec, statusOf(o), wide),
    servicePorts(spec.ports),
    ageOf(o, now),
    formatLabels(spec.selector),
  ];
}

export const servicePrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Type', 'string', d.SVC_TYPE),
    col('Cluster-IP', 'string', d.SVC_CLUSTER_IP),
    col('External-IP', 'string', d.SVC_EXTERNAL_IPS),
    col('Port(s)', 'string', d.SVC_PORTS),
    ageCol(),
    col('Selector', 'string', d.SVC_SELECTOR, 1),
  ],
  cells: (o, now) => serviceCells(o, now, true),
};

/** net.JoinHostPort: IPv6 addresses are bracketed. */
function joinHostPort(host: string, port: number): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/** ENDPOINTS of an Endpoints object: up to 3 `ip:port`, then ` + N more...`; `<none>` without subsets. */
export function formatEndpoints(subsets: unknown): string {
  const ss = objs(subsets);
  if (ss.length === 0) return '<none>';
  const max = 3;
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const s of ss) {
    const addresses = objs(s.addresses);
    const ports = objs(s.ports);
    if (ports.length === 0) {
      // Headless services may have no ports: list the bare IPs.
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(str(a.ip));
      }
      continue;
    }
    for (const p of ports) {
      count += addresses.length;
      for (const a of addresses) {
        if (list.length === max) {
          more = true;
          break;
        }
        list.push(joinHostPort(str(a.ip), int(p.port)));
      }
    }
  }
  const ret = list.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

export const endpointsPrinter: KindPrinter = {
  columns: [nameCol(), col('Endpoints', 'string', d.EP_SUBSETS), ageCol()],
  cells: (o, now) => [nameOf(o), formatEndpoints(o.subsets), ageOf(o, now)],
};

/** listWithMoreString: `a,b,c + N more...`, or `<unset>` for an empty list. */
function listWithMore(list: string[], more: boolean, count: number, max: number): string {
  const ret = list.join(',');
  if (more) return `${ret} + ${count - max} more...`;
  return ret === '' ? '<unset>' : ret;
}

/** A slice's PORTS: port numbers (or names, or `*`), at most 3. */
export function formatSlicePorts(ports: unknown): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const p of objs(ports)) {
    if (list.length < 3) {
      const num = optInt(p.port);
      list.push(num !== undefined ? String(num) : (optStr(p.name) ?? '*'));
    } else if (list.length === 3) more = true;
    count++;
  }
  return listWithMore(list, more, count, 3);
}

/** A slice's ENDPOINTS: addresses of all endpoints, at most 3. */
export function formatSliceEndpoints(endpoints: unknown): string {
  const list: string[] = [];
  let more = false;
  let count = 0;
  for (const e of objs(endpoints)) {
    for (const a of arr(e.addresses)) {
      if (list.length < 3) list.push(str(a));
      else if (list.length === 3) more = true;
      count++;
    }
  }
  return listWithMore(list, more, count, 3);
}

export const endpointSlicePrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('AddressType', 'string', 'addressType specifies the type of address carried by this EndpointSlice. All addresses in this slice must be the same type. This field is immutable after creation. The following address types are currently supported: * IPv4: Represents an IPv4 Address. * IPv6: Represents an IPv6 Address. * FQDN: Represents a Fully Qualified Domain Name.'),
    col('Ports', 'string', 'ports specifies the list of network ports exposed by each endpoint in this slice. Each port must have a unique name. When ports is empty, it indicates that there are no defined ports. When a port is defined with a nil port value, it indicates "all ports". Each slice may include a maximum of 100 ports.'),
    col('Endpoints', 'string', 'endpoints is a list of unique endpoints in this slice. Each slice may include a maximum of 1000 endpoints.'),
    ageCol(),
  ],
  cells: (o, now) => [
    nameOf(o),
    str(o.addressType),
    formatSlicePorts(o.ports),
    formatSliceEndpoints(o.endpoints),
    ageOf(o, now),
  ],
};
