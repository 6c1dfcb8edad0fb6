// networking.k8s.io/v1 Ingress and IngressClass: defaults (none beyond status) and validation
// (pkg/apis/networking/validation: rules, hosts, paths with pathType, backends).

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { getObj, isObj, objs, str } from '../validation/json';
import { invalid, required, notSupported, goText } from '../validation/field';
import { isDNS1123Label, isDNS1123Subdomain, isWildcardDNS1123Subdomain, isValidPortNum, isValidPortName, nameIsDNSSubdomain } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate } from '../validation/objectmeta';
import { asObj, resetStatusOnCreate, keepStatusOnUpdate } from './common';
import type { KindBehaviour } from './types';

const PATH_TYPES = ['Exact', 'ImplementationSpecific', 'Prefix'];

function validateBackend(b: Obj, path: string): FieldError[] {
  const svc = getObj(b, 'service');
  const res = getObj(b, 'resource');
  if (svc && res) return [invalid(path, '', 'cannot set both resource and service backends')];
  if (res) {
    const errs: FieldError[] = [];
    if (!str(res, 'kind')) errs.push(required(`${path}.resource.kind`));
    if (!str(res, 'name')) errs.push(required(`${path}.resource.name`));
    return errs;
  }
  if (!svc) return [required(path, 'one of `resource` or `service` must be specified')];
  const errs: FieldError[] = [];
  const name = str(svc, 'name');
  if (!name) errs.push(required(`${path}.service.name`));
  else for (const m of isDNS1123Label(name)) errs.push(invalid(`${path}.service.name`, name, m));
  const port = getObj(svc, 'port') ?? {};
  const pname = str(port, 'name');
  const pnum = typeof port.number === 'number' ? port.number : 0;
  if (pname && pnum) errs.push(invalid(`${path}.service.port`, goText(`networking.ServiceBackendPort{Name:"${pname}", Number:${pnum}}`), 'cannot set both port name & port number'));
  else if (pname) for (const m of isValidPortName(pname)) errs.push(invalid(`${path}.service.port.name`, pname, m));
  else if (pnum) for (const m of isValidPortNum(pnum)) errs.push(invalid(`${path}.service.port.number`, pnum, m));
  else errs.push(required(`${path}.service.port`, 'port name or number is required'));
  return errs;
}

function validateRules(rules: Obj[]): FieldError[] {
  const errs: FieldError[] = [];
  rules.forEach((r, i) => {
    const p = `spec.rules[${i}]`;
    const host = str(r, 'host');
    if (host) {
      if (/^[0-9.]+$/.test(host) || host.includes(':')) errs.push(invalid(`${p}.host`, host, 'must be a DNS name, not an IP address'));
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(`${p}.host`, host, m));
    }
    const http = getObj(r, 'http');
    if (!http) return;
    const paths = objs(http, 'paths');
    if (paths.length === 0) errs.push(required(`${p}.http.paths`));
    paths.forEach((hp, j) => {
      const pp = `${p}.http.paths[${j}]`;
      const type = hp.pathType;
      const value = str(hp, 'path');
      if (type === undefined || type === null) errs.push(required(`${pp}.pathType`, 'pathType must be specified'));
      else if (!PATH_TYPES.includes(String(type))) errs.push(notSupported(`${pp}.pathType`, type, PATH_TYPES));
      else if (type !== 'ImplementationSpecific') {
        if (!value.startsWith('/')) errs.push(invalid(`${pp}.path`, value, 'must be an absolute path'));
        else if (/\/\/|\/\.\.?(\/|$)|[*^$\[\]{}()|\\]/.test(value)) errs.push(invalid(`${pp}.path`, value, 'must be a valid path'));
      } else if (value && !value.startsWith('/')) {
        errs.push(invalid(`${pp}.path`, value, 'must be an absolute path'));
      }
      errs.push(...validateBackend(getObj(hp, 'backend') ?? {}, `${pp}.backend`));
    });
  });
  return errs;
}

function validateIngressSpec(spec: Obj): FieldError[] {
  const errs: FieldError[] = [];
  const rules = objs(spec, 'rules');
  const def = getObj(spec, 'defaultBackend');
  if (rules.length === 0 && !def) errs.push(invalid('spec', goText('[]networking.IngressRule(nil)'), 'either `defaultBackend` or `rules` must be specified'));
  if (def) errs.push(...validateBackend(def, 'spec.defaultBackend'));
  errs.push(...validateRules(rules));
  objs(spec, 'tls').forEach((t, i) => {
    (Array.isArray(t.hosts) ? (t.hosts as unknown[]) : []).forEach((h, j) => {
      const host = typeof h === 'string' ? h : '';
      const msgs = host.includes('*') ? isWildcardDNS1123Subdomain(host) : isDNS1123Subdomain(host);
      for (const m of msgs) errs.push(invalid(`spec.tls[${i}].hosts[${j}]`, host, m));
    });
  });
  const cls = spec.ingressClassName;
  if (typeof cls === 'string') for (const m of isDNS1123Subdomain(cls)) errs.push(invalid('spec.ingressClassName', cls, m));
  return errs;
}

export const ingressStrategy: KindBehaviour = {
  validate(obj) {
    const o = asObj(obj);
    return [...validateObjectMeta(o.metadata, true, nameIsDNSSubdomain), ...validateIngressSpec(getObj(o, 'spec') ?? {})];
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    return [...validateObjectMetaUpdate(o.metadata, asObj(old).metadata), ...validateIngressSpec(getObj(o, 'spec') ?? {})];
  },
  prepareForCreate(obj) {
    resetStatusOnCreate(obj, { loadBalancer: {} }, true);
  },
  prepareForUpdate(obj, old) {
    keepStatusOnUpdate(obj, old, true);
  },
};

export const ingressClassStrategy: KindBehaviour = {
  validate(obj) {
    const o = asObj(obj);
    const errs = validateObjectMeta(o.metadata, false, nameIsDNSSubdomain);
    const ctl = str(getObj(o, 'spec'), 'controller');
    if (!ctl) errs.push(required('spec.controller'));
    if (isObj(getObj(o, 'spec')?.parameters) && !str(getObj(getObj(o, 'spec'), 'parameters'), 'kind')) errs.push(required('spec.parameters.kind'));
    return errs;
  },
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const errs = validateObjectMetaUpdate(o.metadata, asObj(old).metadata);
    const a = str(getObj(o, 'spec'), 'controller');
    const b = str(getObj(asObj(old), 'spec'), 'controller');
    if (a !== b) errs.push(invalid('spec.controller', a, 'field is immutable'));
    return errs;
  },
};
