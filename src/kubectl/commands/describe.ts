// `kubectl describe` (kubectl pkg/cmd/describe): fetches the objects (an exact name, else every
// object whose name starts with it, or all of a type / a selector) and prints each describer's
// text, separated by two blank lines.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { CmdError, StatusError } from '../errors';
import { describeObject, type DescribeClient } from '../describe';
import { resourceRequests } from '../resource-args';
import { fileInfos } from './object-infos';
import { fetchTarget } from './targets';

function client(ctx: Ctx): DescribeClient {
  const mappingFor = async (group: string, plural: string) => {
    const all = await ctx.discovery.all();
    return all.find((m) => m.group === group && m.plural === plural);
  };
  return {
    async list(group, plural, namespace, opts = {}) {
      const m = await mappingFor(group, plural);
      if (!m) return [];
      const q: Record<string, string | undefined> = {};
      if (opts.labelSelector) q.labelSelector = opts.labelSelector;
      if (opts.fieldSelector) q.fieldSelector = opts.fieldSelector;
      const list = await ctx.api.list(m, m.namespaced && namespace ? namespace : undefined, q);
      return list.items.map((o) => ({ ...o, apiVersion: list.apiVersion, kind: list.kind.replace(/List$/, '') }));
    },
    async get(group, plural, namespace, name) {
      const m = await mappingFor(group, plural);
      if (!m) return undefined;
      try {
        return await ctx.api.get(m, m.namespaced ? namespace : undefined, name);
      } catch (e) {
        if (e instanceof StatusError && e.status.code === 404) return undefined;
        throw e;
      }
    },
  };
}

export async function runDescribe(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const objects: KObject[] = [];
  const errors: Error[] = [];
  if (flagArray(f, 'filename').length > 0) {
    for (const i of await fileInfos(ctx)) objects.push(await fetchTarget(ctx, { mapping: i.mapping, namespace: i.namespace, name: i.name }));
  } else {
    if (inv.args.length === 0) {
      throw new CmdError(`You must specify the type of resource to describe. Use "kubectl api-resources" for a complete list of supported resources.\n`);
    }
    const selector = flagString(f, 'selector');
    for (const r of await resourceRequests(ctx.discovery, inv.args)) {
      const ns = r.mapping.namespaced ? (ctx.allNamespaces ? undefined : ctx.namespace) : undefined;
      if (!r.names) {
        const list = await ctx.api.list(r.mapping, ns, selector ? { labelSelector: selector } : {});
        objects.push(...list.items.map((o) => ({ ...o, apiVersion: list.apiVersion, kind: list.kind.replace(/List$/, '') })));
        continue;
      }
      for (const name of r.names) {
        try {
          objects.push(await fetchTarget(ctx, { mapping: r.mapping, namespace: ns ?? ctx.namespace, name }));
        } catch (e) {
          if (!(e instanceof StatusError && e.status.code === 404)) throw e;
          // No exact match: describe every object whose name starts with it (DescribeMatchingResources).
          let matches: KObject[] = [];
          try {
            const list = await ctx.api.list(r.mapping, ns);
            matches = list.items.filter((o) => (o.metadata.name ?? '').startsWith(name)).map((o) => ({ ...o, apiVersion: list.apiVersion, kind: list.kind.replace(/List$/, '') }));
          } catch {
            matches = [];
          }
          if (matches.length === 0) errors.push(e);
          objects.push(...matches);
        }
      }
    }
  }
  const dc = client(ctx);
  let first = true;
  for (const o of objects) {
    const text = await describeObject(o, dc, { now: ctx.now(), showEvents: flagBool(f, 'show-events') });
    ctx.out(first ? text : `\n\n${text}`);
    first = false;
  }
  if (objects.length === 0 && errors.length === 0) {
    ctx.err(ctx.allNamespaces ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
  }
  if (errors.length) throw errors.length === 1 ? errors[0] : new CmdError(errors.map((x) => x.message).join('\n'));
  return 0;
}

