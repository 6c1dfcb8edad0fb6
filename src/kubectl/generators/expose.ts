// `kubectl expose`: the Service for a Deployment, ReplicaSet, ReplicationController, Pod or Service,
// its selector, ports and protocols introspected from the source unless given by flags
// (kubectl pkg/cmd/expose/expose.go, polymorphichelpers/{canbeexposed,mapbasedselectorforobject,
// portsforobject,multiprotocolsforobject}.go).
import type { KObject } from '../../engine/api/types';
import type { ParsedFlags } from '../cli/flags';
import { flagString } from '../cli/flags';
import { atoi, enforcedNamespace, fail, objectMeta, ok } from './common';
import { applyOverrides } from './overrides';
import { parseLabelSpec } from './run';
import type { GeneratorContext, GeneratorResult } from './types';
import { typedObjectMeta } from './typed-order';

export { EXPOSE_FLAGS } from './specs';

type Obj = Record<string, unknown>;
type Port = { containerPort?: number; port?: number; protocol?: string };

const EXPOSABLE = new Set(['v1/ReplicationController', 'v1/Service', 'v1/Pod', 'apps/Deployment', 'apps/ReplicaSet',
  'extensions/Deployment', 'extensions/ReplicaSet']);

function groupOf(apiVersion: string): string {
  return apiVersion.includes('/') ? apiVersion.split('/')[0] : '';
}

/** Go's %+v of []metav1.LabelSelectorRequirement. */
function formatExpressions(exprs: { key?: string; operator?: string; values?: string[] }[]): string {
  return `[${exprs.map((e) => `{Key:${e.key ?? ''} Operator:${e.operator ?? ''} Values:[${(e.values ?? []).join(' ')}]}`).join(' ')}]`;
}

/** mapBasedSelectorForObject: the selector as `k=v` pairs, or why there is none. */
export function selectorForObject(obj: KObject): { selector: Record<string, string> } | { error: string } {
  const spec = (obj.spec ?? {}) as Obj;
  switch (obj.kind) {
    case 'ReplicationController':
      return { selector: (spec.selector as Record<string, string> | undefined) ?? {} };
    case 'Pod':
      if (!obj.metadata.labels || Object.keys(obj.metadata.labels).length === 0) return { error: 'the pod has no labels and cannot be exposed' };
      return { selector: obj.metadata.labels };
    case 'Service':
      if (spec.selector === undefined || spec.selector === null) return { error: 'the service has no pod selector set' };
      return { selector: spec.selector as Record<string, string> };
    case 'Deployment':
    case 'ReplicaSet': {
      const what = obj.kind === 'Deployment' ? 'deployment' : 'replicaset';
      const sel = spec.selector as { matchLabels?: Record<string, string>; matchExpressions?: [] } | undefined;
      if (!sel || !sel.matchLabels || Object.keys(sel.matchLabels).length === 0) {
        return { error: `invalid ${what}: no selectors, therefore cannot be exposed` };
      }
      if (sel.matchExpressions && sel.matchExpressions.length > 0) {
        return { error: `couldn't convert expressions - "${formatExpressions(sel.matchExpressions)}" to map-based selector format` };
      }
      return { selector: sel.matchLabels };
    }
    default:
      return { error: `cannot extract pod selector from ${obj.kind}` };
  }
}

/** The ports of the pod template's containers, or of a Service, with their protocols (TCP if unset). */
function portsOf(obj: KObject): { port: number; protocol: string }[] {
  const spec = (obj.spec ?? {}) as Obj;
  if (obj.kind === 'Service') {
    return ((spec.ports as Port[] | undefined) ?? []).map((p) => ({ port: p.port ?? 0, protocol: p.protocol || 'TCP' }));
  }
  const podSpec = (obj.kind === 'Pod' ? spec : ((spec.template as Obj | undefined)?.spec ?? {})) as { containers?: { ports?: Port[] }[] };
  return (podSpec.containers ?? []).flatMap((c) => (c.ports ?? []).map((p) => ({ port: p.containerPort ?? 0, protocol: p.protocol || 'TCP' })));
}

function buildPorts(portString: string, protocol: string, protocols: Map<string, string[]>): { ports: Obj[] } | { error: string } {
  const ports: Obj[] = [];
  if (portString === '') return { ports };
  const list = portString.split(',');
  for (let i = 0; i < list.length; i++) {
    const n = atoi(list[i]);
    if ('error' in n) return n;
    const name = list.length > 1 ? `port-${i + 1}` : '';
    let proto = protocol;
    if (protocol === '' && protocols.size === 0) proto = 'TCP';
    else if (protocol === '') {
      proto = 'TCP';
      const found = protocols.get(list[i]);
      if (found && found.length > 1) {
        for (const p of found) ports.push({ name: `port-${i + 1}-${p.toLowerCase()}`, protocol: p, port: n.value });
        continue;
      }
      if (found) proto = found[0];
    }
    ports.push(name ? { name, protocol: proto, port: n.value } : { protocol: proto, port: n.value });
  }
  return { ports };
}

/** RunExpose for one source object: the Service upstream would create, or upstream's error. */
export function exposeService(source: KObject, flags: ParsedFlags, ctx: GeneratorContext): GeneratorResult {
  const group = groupOf(source.apiVersion);
  if (!EXPOSABLE.has(`${group || 'v1'}/${source.kind}`)) return fail(`cannot expose a ${source.kind}${group ? '.' + group : ''}`);
  const get = (n: string): string => flagString(flags, n) ?? '';
  const defaultName = (source.metadata.name ?? '').slice(0, 63);
  // Introspection first (RunExpose), parsing later (createService), as upstream orders its errors.
  let selectorFromObject: Record<string, string> | undefined;
  if (get('selector') === '') {
    const s = selectorForObject(source);
    if ('error' in s) return fail(`couldn't retrieve selectors via --selector flag or introspection: ${s.error}`);
    selectorFromObject = s.selector;
  }
  let portString = get('port');
  const found = portsOf(source);
  if (portString === '') {
    const unique = [...new Set(found.map((p) => String(p.port)))];
    if (unique.length === 0 && get('cluster-ip') !== 'None') return fail("couldn't find port via --port flag or introspection");
    portString = unique.join(',');
  }
  const protocols = new Map<string, string[]>();
  for (const p of found) protocols.set(String(p.port), [...(protocols.get(String(p.port)) ?? []), p.protocol]);
  let selector: Record<string, string>;
  if (selectorFromObject) {
    if (Object.keys(selectorFromObject).length === 0) return fail('selector must be specified');
    selector = selectorFromObject;
  } else {
    const s = parseLabelSpec(get('selector'));
    if ('error' in s) return fail(s.error);
    selector = s.labels;
  }
  let labels: Record<string, string> | undefined;
  if (get('labels') !== '') {
    const l = parseLabelSpec(get('labels'));
    if ('error' in l) return fail(l.error);
    labels = l.labels;
  } else if (source.metadata.labels && Object.keys(source.metadata.labels).length > 0) {
    labels = source.metadata.labels;
  }
  const ports = buildPorts(portString, get('protocol'), protocols);
  if ('error' in ports) return fail(ports.error);
  const target = get('target-port');
  for (const p of ports.ports) p.targetPort = target === '' ? p.port : /^[+-]?[0-9]+$/.test(target) ? Number(target) : target;
  const spec: Obj = {};
  if (ports.ports.length > 0) spec.ports = ports.ports;
  spec.selector = Object.fromEntries(Object.keys(selector).sort().map((k) => [k, selector[k]]));
  const clusterIP = get('cluster-ip');
  if (clusterIP !== '') spec.clusterIP = clusterIP;
  if (get('type') !== '') spec.type = get('type');
  if (get('external-ip') !== '') spec.externalIPs = [get('external-ip')];
  const affinity = get('session-affinity');
  if (affinity !== '' && affinity !== 'None' && affinity !== 'ClientIP') return fail(`unknown session affinity: ${affinity}`);
  if (affinity !== '') spec.sessionAffinity = affinity;
  if (spec.type === 'LoadBalancer' && get('load-balancer-ip') !== '') spec.loadBalancerIP = get('load-balancer-ip');
  const service: KObject = {
    kind: 'Service',
    apiVersion: 'v1',
    metadata: objectMeta({ name: get('name') || defaultName, labels }),
    spec: reorderServiceSpec(spec),
    status: { loadBalancer: {} },
  };
  const overridden = applyOverrides(service, get('overrides'), get('override-type'));
  if ('error' in overridden) return fail(overridden.error);
  const out = overridden.object;
  const ns = enforcedNamespace(ctx);
  if (ns) out.metadata = typedObjectMeta({ ...out.metadata, namespace: ns });
  return ok(out);
}

/** ServiceSpec field order for the fields expose sets. */
function reorderServiceSpec(spec: Obj): Obj {
  const order = ['ports', 'selector', 'clusterIP', 'type', 'externalIPs', 'sessionAffinity', 'loadBalancerIP'];
  return Object.fromEntries(order.filter((k) => k in spec).map((k) => [k, spec[k]]));
}
