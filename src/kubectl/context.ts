// Per-invocation helpers every command uses: the API client, discovery, the effective
// namespace (-n, or the context's), and output.

import { Api } from './api';
import type { Invocation } from './cli/command';
import { flagBool, flagString } from './cli/flags';
import { Discovery } from './discovery';
import { currentNamespace } from './env';

export interface Ctx {
  inv: Invocation;
  api: Api;
  discovery: Discovery;
  /** The namespace in effect (-n or the kubeconfig context's). */
  namespace: string;
  /** Whether -n was given explicitly. */
  namespaceExplicit: boolean;
  allNamespaces: boolean;
  out(text: string): void;
  err(text: string): void;
  now(): number;
}

export function makeCtx(inv: Invocation): Ctx {
  const api = new Api(inv.env.transport, (w) => inv.env.io.err(`Warning: ${w}\n`));
  if (inv.flags.values.has('validate')) {
    const v = flagString(inv.flags, 'validate');
    api.fieldValidation = v === 'false' || v === 'ignore' ? 'Ignore' : v === 'warn' ? 'Warn' : 'Strict';
  }
  const explicit = flagString(inv.flags, 'namespace');
  return {
    inv,
    api,
    discovery: new Discovery(api, inv.env.cache),
    namespace: explicit || currentNamespace(inv.env.config),
    namespaceExplicit: !!explicit,
    allNamespaces: inv.flags.values.has('all-namespaces') ? flagBool(inv.flags, 'all-namespaces') : false,
    out: (t) => inv.env.io.out(t),
    err: (t) => inv.env.io.err(t),
    now: () => inv.env.host.now(),
  };
}
