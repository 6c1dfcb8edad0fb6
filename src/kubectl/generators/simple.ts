// The generators with nothing but a name (and for quotas, two small flags): `create namespace`,
// `create serviceaccount`, `create quota` (kubectl pkg/cmd/create/create_{namespace,serviceaccount,quota}.go).
import { Quantity, QuantityError } from '../../engine/api/quantity';
import { flagString } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, objectMeta, ok, sortedMap } from './common';
import { HELP } from './help';
import type { GeneratorCommand } from './types';

const NS_PATH = ['create', 'namespace'];

/** `create namespace NAME` (never namespaced, whatever -n says). */
export const createNamespace: GeneratorCommand = {
  path: NS_PATH,
  aliases: ['ns'],
  use: 'namespace NAME [--dry-run=server|client|none]',
  short: 'Create a namespace with the specified name',
  long: HELP['create namespace'].long,
  example: HELP['create namespace'].example,
  flags: [],
  build(args) {
    const named = nameFromArgs(args, NS_PATH);
    if ('error' in named) return fail(named.error);
    return ok({ kind: 'Namespace', apiVersion: 'v1', metadata: objectMeta({ name: named.name }), spec: {}, status: {} });
  },
};

const SA_PATH = ['create', 'serviceaccount'];

/** `create serviceaccount NAME`. */
export const createServiceAccount: GeneratorCommand = {
  path: SA_PATH,
  aliases: ['sa'],
  use: 'serviceaccount NAME [--dry-run=server|client|none]',
  short: 'Create a service account with the specified name',
  long: HELP['create serviceaccount'].long,
  example: HELP['create serviceaccount'].example,
  flags: [],
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

const QUOTA_PATH = ['create', 'quota'];

/** `create quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2]`. */
export const createQuota: GeneratorCommand = {
  path: QUOTA_PATH,
  aliases: ['resourcequota'],
  use: 'quota NAME [--hard=key1=value1,key2=value2] [--scopes=Scope1,Scope2] [--dry-run=server|client|none]',
  short: 'Create a quota with the specified name',
  long: HELP['create quota'].long,
  example: HELP['create quota'].example,
  flags: [
    { name: 'hard', type: 'string', default: '', usage: 'A comma-delimited set of resource=quantity pairs that define a hard limit.' },
    { name: 'scopes', type: 'string', default: '', usage: 'A comma-delimited set of quota scopes that must all match each object tracked by the quota.' },
  ],
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
