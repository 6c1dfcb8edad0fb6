// `kubectl create service clusterip|nodeport|loadbalancer|externalname`: ports from --tcp
// (`port[:targetPort]`, named `port-targetPort`), app=<name> labels and selector
// (kubectl pkg/cmd/create/create_service.go).
import { flagArray, flagInt, flagString } from '../cli/flags';
import { enforcedNamespace, fail, missingRequired, nameFromArgs, objectMeta, ok } from './common';
import { goQuote } from '../../engine/codec/go-quote';
import type { GeneratorCommand, GeneratorSpec } from './types';
import { CREATE_SERVICE_CLUSTER_IP_SPEC, CREATE_SERVICE_EXTERNAL_NAME_SPEC, CREATE_SERVICE_LOAD_BALANCER_SPEC, CREATE_SERVICE_NODE_PORT_SPEC } from './specs';

type ServiceType = 'ClusterIP' | 'NodePort' | 'LoadBalancer' | 'ExternalName';

/** validation.IsValidPortName: errors for a named port (empty when valid). */
export function isValidPortName(port: string): string[] {
  const errs: string[] = [];
  if (port.length > 15) errs.push('must be no more than 15 characters');
  if (!/^[-a-z0-9]+$/.test(port)) errs.push('must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-)');
  if (!/[a-z]/.test(port)) errs.push('must contain at least one letter (a-z)');
  if (port.includes('--')) errs.push('must not contain consecutive hyphens (--)');
  if (port.length > 0 && (port.startsWith('-') || port.endsWith('-'))) errs.push('must not begin or end with a hyphen');
  return errs;
}

/** validation.IsDNS1123Subdomain, as a yes/no (callers print their own message). */
export function isDNS1123Subdomain(v: string): boolean {
  return v.length <= 253 && /^[a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*$/.test(v);
}

/** parsePorts: `port` (utilsnet.ParsePort, 0 allowed) and optional `:target` (number or port name). */
export function parseTcpPort(spec: string): { port: number; targetPort: number | string } | { error: string } {
  const parts = spec.split(':');
  if (!/^[0-9]+$/.test(parts[0])) return { error: `strconv.ParseUint: parsing ${goQuote(parts[0])}: invalid syntax` };
  const port = Number(parts[0]);
  if (port > 65535) return { error: `strconv.ParseUint: parsing ${goQuote(parts[0])}: value out of range` };
  if (parts.length === 1) return { port, targetPort: port };
  const t = parts[1];
  if (/^[+-]?[0-9]+$/.test(t)) {
    const n = Number(t);
    if (n < 1 || n > 65535) return { error: 'must be between 1 and 65535, inclusive' };
    return { port, targetPort: n };
  }
  const errs = isValidPortName(t);
  if (errs.length > 0) return { error: errs.join(',') };
  return { port, targetPort: t };
}

function serviceCommand(spec: GeneratorSpec, type: ServiceType, required: string[]): GeneratorCommand {
  const path = spec.path;
  return {
    ...spec,
    build(args, _rest, f, ctx) {
      const req = missingRequired(f, required);
      if (req) return fail(req);
      const named = nameFromArgs(args, path);
      if ('error' in named) return fail(named.error);
      const name = named.name;
      const tcp = flagArray(f, 'tcp');
      const clusterIP = flagString(f, 'clusterip') ?? '';
      const externalName = flagString(f, 'external-name') ?? '';
      // Validate()
      if (clusterIP === 'None' && type !== 'ClusterIP') return fail('ClusterIP=None can only be used with ClusterIP service type');
      if (clusterIP !== 'None' && tcp.length === 0 && type !== 'ExternalName') return fail('at least one tcp port specifier must be provided');
      if (type === 'ExternalName' && !isDNS1123Subdomain(externalName)) return fail(`invalid service external name ${externalName}`);
      const nodePort = flagInt(f, 'node-port') ?? 0;
      const ports: Record<string, unknown>[] = [];
      for (const spec of tcp) {
        const parsed = parseTcpPort(spec);
        if ('error' in parsed) return fail(parsed.error);
        const p: Record<string, unknown> = { name: spec.replaceAll(':', '-'), protocol: 'TCP', port: parsed.port, targetPort: parsed.targetPort };
        if (nodePort !== 0) p.nodePort = nodePort;
        ports.push(p);
      }
      const spec: Record<string, unknown> = {};
      if (ports.length > 0) spec.ports = ports;
      spec.selector = { app: name };
      if (clusterIP) spec.clusterIP = clusterIP;
      spec.type = type;
      if (externalName) spec.externalName = externalName;
      return ok({
        kind: 'Service',
        apiVersion: 'v1',
        metadata: objectMeta({ name, namespace: enforcedNamespace(ctx), labels: { app: name } }),
        spec,
        status: { loadBalancer: {} },
      });
    },
  };
}

/** `create service clusterip NAME [--tcp=<port>:<targetPort>] [--clusterip]`. */
export const createServiceClusterIP = serviceCommand(CREATE_SERVICE_CLUSTER_IP_SPEC, 'ClusterIP', []);

/** `create service nodeport NAME [--tcp=port:targetPort] [--node-port]`. */
export const createServiceNodePort = serviceCommand(CREATE_SERVICE_NODE_PORT_SPEC, 'NodePort', []);

/** `create service loadbalancer NAME [--tcp=port:targetPort]`. */
export const createServiceLoadBalancer = serviceCommand(CREATE_SERVICE_LOAD_BALANCER_SPEC, 'LoadBalancer', []);

/** `create service externalname NAME --external-name external.name`. */
export const createServiceExternalName = serviceCommand(CREATE_SERVICE_EXTERNAL_NAME_SPEC, 'ExternalName', ['external-name']);
