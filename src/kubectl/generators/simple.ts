// The generators with nothing but a name (and for quotas, two small flags): `create namespace`,
// `create serviceaccount`, `create quota` (kubectl pkg/cmd/create/create_{namespace,serviceaccount,quota}.go).
import { Quantity, QuantityError } from '../../engine/api/quantity';
import { flagString } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, objectMeta, ok, sortedMap } from './common';
import type { GeneratorCommand } from './types';
import { CREATE_NAMESPACE_SPEC, CREATE_SERVICE_ACCOUNT_SPEC, CREATE_QUOTA_SPEC } from './specs';

const NS_PATH = CREATE_NAMESPACE_SPEC.path;

/** `create namespace NAME` (never namespaced, whatever -n says). */
export const createNamespace: GeneratorCommand = {
  ...CREATE_NAMESPACE_SPEC,
  build(args) {
    const named = nameFromArgs(args, NS_PATH);
    if ('error' in named) return fail(named.error);
    return ok({ kind: 'Namespace', apiVersion: 'v1', metadata: objectMeta({ name: named.name }), spec: {}, status: {} });
  },
};

const SA_PATH = CREATE_SERVICE_ACCOUNT_SPEC.path;

/** `create serviceaccount NAME`. */
export const createServiceAccount: GeneratorCommand = {
  ...CREATE_SERVICE_ACCOUNT_SPEC,
  build(args, _rest, _flags, ctx) {
    const named = nameFromArgs(args, SA_PATH);
    if ('error' in named) return fail(named.error);
    return ok({ kind: 'ServiceAccount', apiVersion: 'v1', metadata: objectMeta({ name: named.name, namespace: enforcedNamespace(ctx) }) });
  },
};

/** populateResourceListV1: `res=qty,...` with quantities in canonical form. */
export function parseResourceList(spec: string): { list?: Record<string, string> } | { error: string } {
  if (spec === '') return {};
  const list: Record<string, string> = {};
  for (const stmt of spec.split(',')) {
    const parts = stmt.split('=');
    if (parts.length !== 2) return { error: `Invalid argument syntax ${stmt}, expected <resource>=<value>` };
    try {
      list[parts[0]] = Quantity.parse(parts[1]).toString();
    } catch (e) {
      if (e instanceof QuantityError) return { error: e.message };
      throw e;
    }
  }
  return { list: sortedMap(list) };
}

const QUOTA_PATH = CREATE_QUOTA_SPEC.path;

/** `create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`. */
export const createQuota: GeneratorCommand = {
  ...CREATE_QUOTA_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, QUOTA_PATH);
    if ('error' in named) return fail(named.error);
    const hard = parseResourceList(flagString(flags, 'hard') ?? '');
    if ('error' in hard) return fail(hard.error);
    const scopesArg = flagString(flags, 'scopes') ?? '';
    const scopes = scopesArg === '' ? [] : scopesArg.split(',');
    if (scopes.includes('')) return fail('invalid resource quota scope ""');
    const spec: Record<string, unknown> = {};
    if (hard.list) spec.hard = hard.list;
    if (scopes.length > 0) spec.scopes = scopes;
    return ok({
      kind: 'ResourceQuota',
      apiVersion: 'v1',
      metadata: objectMeta({ name: named.name, namespace: enforcedNamespace(ctx) }),
      spec,
      status: {},
    });
  },
};
