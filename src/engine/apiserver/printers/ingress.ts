// `kubectl get ingress` / `ingressclasses` columns: printers.go printIngress (CLASS, HOSTS,
// ADDRESS, PORTS) and printIngressClass (CONTROLLER, PARAMETERS).

import type { KindPrinter } from './types';
import { ageCol, ageOf, col, nameCol, nameOf, specOf, statusOf } from './common';
import { arr, obj, objs, optStr, str } from './fields';
import { loadBalancerStatus } from './network';

/** HOSTS: up to 3 rule hosts, then ` + N more...` (N counted over all rules), or `*`. */
export function formatHosts(rules: unknown): string {
  const all = objs(rules);
  const max = 3;
  const list: string[] = [];
  let more = false;
  for (const r of all) {
    if (list.length === max) more = true;
    if (!more && str(r.host) !== '') list.push(str(r.host));
  }
  if (list.length === 0) return '*';
  const ret = list.join(',');
  return more ? `${ret} + ${all.length - max} more...` : ret;
}

export const ingressPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Class', 'string', 'The name of the IngressClass resource that should be used for additional configuration'),
    col('Hosts', 'string', 'Hosts that incoming requests are matched against before the ingress rule'),
    col('Address', 'string', 'Address is a list containing ingress points for the load-balancer'),
    col('Ports', 'string', 'Ports of TLS configurations that open'),
    ageCol(),
  ],
  cells(o, now) {
    const spec = specOf(o);
    return [
      nameOf(o),
      optStr(spec.ingressClassName) ?? '<none>',
      formatHosts(spec.rules),
      // The apiserver renders tables wide, so ADDRESS is never clipped in practice.
      loadBalancerStatus(statusOf(o).loadBalancer, true),
      arr(spec.tls).length !== 0 ? '80, 443' : '80',
      ageOf(o, now),
    ];
  },
};

export const ingressClassPrinter: KindPrinter = {
  columns: [
    nameCol(),
    col('Controller', 'string', 'Controller that is responsible for handling this class'),
    col('Parameters', 'string', 'A reference to a resource with additional parameters'),
    ageCol(),
  ],
  cells(o, now) {
    const spec = specOf(o);
    let parameters = '<none>';
    if (spec.parameters !== null && typeof spec.parameters === 'object') {
      const p = obj(spec.parameters);
      const group = optStr(p.apiGroup);
      parameters = `${str(p.kind)}${group !== undefined ? `.${group}` : ''}/${str(p.name)}`;
    }
    return [nameOf(o), str(spec.controller), parameters, ageOf(o, now)];
  },
};
