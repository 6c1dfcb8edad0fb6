// Resolving "which objects does this command act on" for commands that take TYPE NAME,
// TYPE/NAME, -f FILE, -l SELECTOR or --all (label, annotate, delete, scale, patch...).

import { enhanceListError } from '../list-errors';
import type { KObject } from '../../engine/api/types';
import { flagArray, flagBool, flagString } from '../cli/flags';
import type { Ctx } from '../context';
import type { Mapping } from '../discovery';
import { CmdError, StatusError } from '../errors';
import { resourceRequests } from '../resource-args';
import { fileInfos } from './object-infos';

export interface Target {
  mapping: Mapping;
  namespace: string | undefined;
  name: string;
  /** The object, when the lookup fetched it (selectors, --all). */
  obj?: KObject;
  source?: string;
}

/**
 * Collects targets; selector and --all lists come back with objects. `errors` receives per-name
 * problems that do not stop the others.
 */
export async function collectTargets(ctx: Ctx, args: string[], opts: { allowSelector: boolean; allowAll: boolean }): Promise<Target[]> {
  const f = ctx.inv.flags;
  const out: Target[] = [];
  if (flagArray(f, 'filename').length > 0) {
    for (const i of await fileInfos(ctx)) out.push({ mapping: i.mapping, namespace: i.namespace, name: i.name, source: i.source });
    return out;
  }
  const reqs = await resourceRequests(ctx.discovery, args);
  const selector = opts.allowSelector ? flagString(f, 'selector') : '';
  const fieldSelector = flagString(f, 'field-selector') ?? '';
  const all = opts.allowAll && flagBool(f, 'all');
  for (const r of reqs) {
    const ns = r.mapping.namespaced ? (ctx.allNamespaces ? undefined : ctx.namespace) : undefined;
    if (r.names) {
      if (selector) throw new CmdError('name cannot be provided when a selector is specified');
      for (const n of r.names) out.push({ mapping: r.mapping, namespace: r.mapping.namespaced ? ctx.namespace : undefined, name: n });
      continue;
    }
    if (!selector && !all && !fieldSelector) continue;
    const q: Record<string, string | undefined> = {};
    if (selector) q.labelSelector = selector;
    if (fieldSelector) q.fieldSelector = fieldSelector;
    const list = await ctx.api.list(r.mapping, ns, q).catch((e: unknown) => {
      throw enhanceListError(e, r.mapping, q);
    });
    for (const o of list.items) out.push({ mapping: r.mapping, namespace: o.metadata.namespace, name: o.metadata.name ?? '', obj: o });
  }
  return out;
}

/** Fetches a target's object (GET), leaving NotFound as a StatusError. */
export async function fetchTarget(ctx: Ctx, t: Target): Promise<KObject> {
  if (t.obj) return t.obj;
  try {
    return await ctx.api.get(t.mapping, t.namespace, t.name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404 && t.namespace && t.namespace !== 'default') {
      try {
        await ctx.api.get(await ctx.discovery.resolve('namespaces'), undefined, t.namespace);
      } catch (e2) {
        if (e2 instanceof StatusError && e2.status.code === 404) throw e2;
      }
    }
    throw e;
  }
}

/** kubectl's error when a command gets neither resource arguments nor -f (cmdutil.UsageErrorf text). */
export const RESOURCES_REQUIRED = `You must provide one or more resources by argument or filename.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'
   '<resource> <name>'
   '<resource>'`;

