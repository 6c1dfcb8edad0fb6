// Describers of Service (endpoints from its EndpointSlices), Endpoints and EndpointSlice.
import type { KObject } from '../../engine/api/types';
import { formatLabels } from '../../engine/api/labels';
import { safeList } from './client';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './writer';
import { int, isSet, list, str, strMap } from './values';
import type { J } from './values';

/** The EndpointSlices of a Service (label kubernetes.io/service-name). */
export async function serviceSlices(ctx: DescribeContext, namespace: string, service: string): Promise<KObject[]> {
  return (await safeList(ctx, 'discovery.k8s.io', 'endpointslices', namespace, { labelSelector: `kubernetes.io/service-name=${service}` })) ?? [];
}

function joinHostPort(host: string, port: string): string {
  return host.includes(':') ? `[${host}]:${port}` : `${host}:${port}`;
}

/**
 * formatEndpointSlices: ready endpoints as `ip:port` for the named port (all ports when
 * `portNames` is undefined), at most 3, then ` + N more...`; `<none>` without slices.
 */
export function formatEndpointSlices(slices: readonly KObject[], portNames: ReadonlySet<string> | undefined): string {
  if (slices.length === 0) return '<none>';
  const out: string[] = [];
  const max = 3;
  let more = false;
  let count = 0;
  // A nil ready condition means unknown, which consumers treat as ready.
  const ready = (ep: J) => !isSet(ep?.conditions?.ready) || ep.conditions.ready === true;
  for (const s of slices as J[]) {
    const ports = list(s?.ports);
    const endpoints = list(s?.endpoints);
    if (ports.length === 0) {
      for (const ep of endpoints) {
        if (out.length === max) more = true;
        if (!ready(ep)) continue;
        if (!more) out.push(str(list(ep?.addresses)[0]));
        count++;
      }
      continue;
    }
    for (const port of ports) {
      if (portNames && !portNames.has(str(port?.name))) continue;
      for (const ep of endpoints) {
        if (out.length === max) more = true;
        if (!ready(ep)) continue;
        if (!more) out.push(joinHostPort(str(list(ep?.addresses)[0]), int(port?.port)));
        count++;
      }
    }
  }
  const ret = out.join(',');
  return more ? `${ret} + ${count - max} more...` : ret;
}

function buildIngressString(ingress: unknown): string {
  return list(ingress)
    .map((i: J) => (str(i?.ip) !== '' ? str(i.ip) + (isSet(i.ipMode) ? ` (${str(i.ipMode)})` : '') : str(i?.hostname)))
    .join(', ');
}

/** kubectl describe service. */
export async function describeService(svc: KObject, ctx: DescribeContext): Promise<string> {
  const o = svc as J;
  const slices = await serviceSlices(ctx, str(o.metadata?.namespace), str(o.metadata?.name));
  const events = await eventsFor(ctx, svc);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Selector:\t${formatLabels(strMap(spec.selector))}\n`);
    w.write(LEVEL_0, `Type:\t${str(spec.type)}\n`);
    if (isSet(spec.ipFamilyPolicy)) w.write(LEVEL_0, `IP Family Policy:\t${str(spec.ipFamilyPolicy)}\n`);
    const families = list(spec.ipFamilies).map(str);
    w.write(LEVEL_0, `IP Families:\t${families.length > 0 ? families.join(',') : '<none>'}\n`);
    w.write(LEVEL_0, `IP:\t${str(spec.clusterIP)}\n`);
    const ips = list(spec.clusterIPs).map(str);
    w.write(LEVEL_0, `IPs:\t${ips.length > 0 ? ips.join(',') : '<none>'}\n`);
    const externalIPs = list(spec.externalIPs).map(str);
    if (externalIPs.length > 0) w.write(LEVEL_0, `External IPs:\t${externalIPs.join(',')}\n`);
    if (str(spec.loadBalancerIP) !== '') w.write(LEVEL_0, `Desired LoadBalancer IP:\t${str(spec.loadBalancerIP)}\n`);
    if (str(spec.externalName) !== '') w.write(LEVEL_0, `External Name:\t${str(spec.externalName)}\n`);
    if (list(o.status?.loadBalancer?.ingress).length > 0) {
      w.write(LEVEL_0, `LoadBalancer Ingress:\t${buildIngressString(o.status.loadBalancer.ingress)}\n`);
    }
    for (const sp of list(spec.ports)) {
      const name = str(sp?.name) || '<unset>';
      const proto = str(sp?.protocol);
      w.write(LEVEL_0, `Port:\t${name}\t${int(sp?.port)}/${proto}\n`);
      const tp = sp?.targetPort;
      w.write(LEVEL_0, `TargetPort:\t${typeof tp === 'number' ? int(tp) : str(tp)}/${proto}\n`);
      if (int(sp?.nodePort) !== '0') w.write(LEVEL_0, `NodePort:\t${name}\t${int(sp.nodePort)}/${proto}\n`);
      w.write(LEVEL_0, `Endpoints:\t${formatEndpointSlices(slices, new Set([str(sp?.name)]))}\n`);
    }
    w.write(LEVEL_0, `Session Affinity:\t${str(spec.sessionAffinity)}\n`);
    if (str(spec.externalTrafficPolicy) !== '') w.write(LEVEL_0, `External Traffic Policy:\t${str(spec.externalTrafficPolicy)}\n`);
    if (isSet(spec.internalTrafficPolicy)) w.write(LEVEL_0, `Internal Traffic Policy:\t${str(spec.internalTrafficPolicy)}\n`);
    if (int(spec.healthCheckNodePort) !== '0') w.write(LEVEL_0, `HealthCheck NodePort:\t${int(spec.healthCheckNodePort)}\n`);
    const ranges = list(spec.loadBalancerSourceRanges).map(str);
    if (ranges.length > 0) w.write(LEVEL_0, `LoadBalancer Source Ranges:\t${ranges.join(',')}\n`);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe endpoints. */
export async function describeEndpoints(ep: KObject, ctx: DescribeContext): Promise<string> {
  const o = ep as J;
  const events = await eventsFor(ctx, ep);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, 'Subsets:\n');
    for (const subset of list(o.subsets)) {
      const addrs = list(subset?.addresses).map((a: J) => str(a?.ip)).join(',');
      w.write(LEVEL_1, `Addresses:\t${addrs || '<none>'}\n`);
      const notReady = list(subset?.notReadyAddresses).map((a: J) => str(a?.ip)).join(',');
      w.write(LEVEL_1, `NotReadyAddresses:\t${notReady || '<none>'}\n`);
      const ports = list(subset?.ports);
      if (ports.length > 0) {
        w.write(LEVEL_1, 'Ports:\n');
        w.write(LEVEL_2, 'Name\tPort\tProtocol\n');
        w.write(LEVEL_2, '----\t----\t--------\n');
        for (const p of ports) w.write(LEVEL_2, `${str(p?.name) || '<unset>'}\t${int(p?.port)}\t${str(p?.protocol)}\n`);
      }
      w.write(LEVEL_0, '\n');
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe endpointslice. */
export async function describeEndpointSlice(eps: KObject, ctx: DescribeContext): Promise<string> {
  const o = eps as J;
  const events = await eventsFor(ctx, eps);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `AddressType:\t${str(o.addressType)}\n`);
    const ports = list(o.ports);
    if (ports.length === 0) {
      w.write(LEVEL_0, 'Ports: <unset>\n');
    } else {
      w.write(LEVEL_0, 'Ports:\n');
      w.write(LEVEL_1, 'Name\tPort\tProtocol\n');
      w.write(LEVEL_1, '----\t----\t--------\n');
      for (const p of ports) {
        const name = str(p?.name) || '<unset>';
        const port = isSet(p?.port) ? int(p.port) : '<unset>';
        w.write(LEVEL_1, `${name}\t${port}\t${str(p?.protocol)}\n`);
      }
    }
    const endpoints = list(o.endpoints);
    if (endpoints.length === 0) {
      w.write(LEVEL_0, 'Endpoints: <none>\n');
    } else {
      w.write(LEVEL_0, 'Endpoints:\n');
      for (const ep of endpoints) {
        const addrs = list(ep?.addresses).map(str).join(', ');
        w.write(LEVEL_1, `- Addresses:\t${addrs || '<none>'}\n`);
        w.write(LEVEL_2, 'Conditions:\n');
        const ready = ep?.conditions?.ready;
        w.write(LEVEL_3, `Ready:\t${isSet(ready) ? String(ready === true) : '<unset>'}\n`);
        w.write(LEVEL_2, `Hostname:\t${isSet(ep?.hostname) ? str(ep.hostname) : '<unset>'}\n`);
        if (isSet(ep?.targetRef)) w.write(LEVEL_2, `TargetRef:\t${str(ep.targetRef.kind)}/${str(ep.targetRef.name)}\n`);
        w.write(LEVEL_2, `NodeName:\t${isSet(ep?.nodeName) ? str(ep.nodeName) : '<unset>'}\n`);
        w.write(LEVEL_2, `Zone:\t${isSet(ep?.zone) ? str(ep.zone) : '<unset>'}\n`);
      }
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
