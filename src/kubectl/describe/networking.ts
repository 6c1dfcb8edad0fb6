// Describers of Ingress (rules with each backend's endpoints) and IngressClass.
import type { KObject } from '../../engine/api/types';
import { safeGet } from './client';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { formatEndpointSlices, serviceSlices } from './service';
import { LEVEL_0, LEVEL_1, LEVEL_2, tabbedString } from './writer';
import { int, isSet, list, rec, sortStrings, str, strMap } from './values';
import type { J } from './values';

/** describeBackendV1: `svc:port (endpoints)` or the resource backend. */
async function describeBackend(ctx: DescribeContext, ns: string, backend: J): Promise<string> {
  const svc = rec(backend?.service);
  if (svc) {
    const num = int(svc.port?.number);
    const sb = `${str(svc.name)}:${num !== '0' ? num : str(svc.port?.name)}`;
    const slices = await serviceSlices(ctx, ns, str(svc.name));
    const service = (await safeGet(ctx, '', 'services', ns, str(svc.name))) as J | undefined;
    if (!service) return `${sb} (<error: services "${str(svc.name)}" not found>)`;
    let spName = '';
    for (const sp of list(service.spec?.ports)) {
      if (num !== '0' && num === int(sp?.port)) spName = str(sp?.name);
      else if (str(svc.port?.name) !== '' && str(svc.port?.name) === str(sp?.name)) spName = str(sp?.name);
    }
    return `${sb} (${formatEndpointSlices(slices, new Set([spName]))})`;
  }
  const res = rec(backend?.resource);
  if (res) return `APIGroup: ${isSet(res.apiGroup) ? str(res.apiGroup) : '<none>'}, Kind: ${str(res.kind)}, Name: ${str(res.name)}`;
  return '';
}

/** kubectl describe ingress (networking.k8s.io/v1). */
export async function describeIngress(ing: KObject, ctx: DescribeContext): Promise<string> {
  const o = ing as J;
  const ns = str(o.metadata?.namespace);
  const spec = o.spec ?? {};
  // The backends need the API, so they are resolved before writing.
  const def = rec(spec.defaultBackend) ? await describeBackend(ctx, ns, spec.defaultBackend) : '<default>';
  const rules: Array<{ host: string; paths: Array<[string, string]> }> = [];
  for (const r of list(spec.rules)) {
    if (!rec(r?.http)) continue;
    const paths: Array<[string, string]> = [];
    for (const p of list(r.http.paths)) paths.push([str(p?.path), await describeBackend(ctx, ns, p?.backend)]);
    rules.push({ host: str(r.host) || '*', paths });
  }
  const events = await eventsFor(ctx, ing);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    w.write(LEVEL_0, `Namespace:\t${ns}\n`);
    const addrs = new Set<string>();
    for (const i of list(o.status?.loadBalancer?.ingress)) {
      if (str(i?.ip) !== '') addrs.add(str(i.ip));
      else if (str(i?.hostname) !== '') addrs.add(str(i.hostname));
    }
    w.write(LEVEL_0, `Address:\t${sortStrings(addrs).join(',')}\n`);
    w.write(LEVEL_0, `Ingress Class:\t${isSet(spec.ingressClassName) ? str(spec.ingressClassName) : '<none>'}\n`);
    w.write(LEVEL_0, `Default backend:\t${def}\n`);
    const tls = list(spec.tls);
    if (tls.length > 0) {
      w.write(LEVEL_0, 'TLS:\n');
      for (const t of tls) {
        const hosts = list(t?.hosts).map(str).join(',');
        w.write(LEVEL_1, str(t?.secretName) === '' ? `SNI routes ${hosts}\n` : `${str(t.secretName)} terminates ${hosts}\n`);
      }
    }
    w.write(LEVEL_0, 'Rules:\n  Host\tPath\tBackends\n');
    w.write(LEVEL_1, '----\t----\t--------\n');
    for (const r of rules) {
      w.write(LEVEL_1, `${r.host}\t\n`);
      for (const [path, backend] of r.paths) w.write(LEVEL_2, `\t${path} \t${backend}\n`);
    }
    if (rules.length === 0) w.write(LEVEL_1, `*\t*\t${def}\n`);
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe ingressclass. */
export async function describeIngressClass(ic: KObject, ctx: DescribeContext): Promise<string> {
  const o = ic as J;
  const events = await eventsFor(ctx, ic);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Controller:\t${str(o.spec?.controller)}\n`);
    const p = rec(o.spec?.parameters);
    if (p) {
      w.write(LEVEL_0, 'Parameters:\n');
      if (isSet(p.apiGroup)) w.write(LEVEL_1, `APIGroup:\t${str(p.apiGroup)}\n`);
      w.write(LEVEL_1, `Kind:\t${str(p.kind)}\n`);
      w.write(LEVEL_1, `Name:\t${str(p.name)}\n`);
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
