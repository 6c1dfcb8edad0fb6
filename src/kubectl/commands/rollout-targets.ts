// What the rollout subcommands act on (the resource.Builder with ResourceTypeOrNameArgs(true)):
// TYPE NAME, TYPE/NAME, -f FILE, or TYPE with -l / alone (all of that type in the namespace).

import type { KObject } from '../../engine/api/types';
import { flagArray, flagString } from '../cli/flags';
import type { Ctx } from '../context';
import { kindPrefix, resourcePrefix, type Mapping } from '../discovery';
import { CmdError } from '../errors';
import { OBJECT_FORMATS, parseOutput, printObject } from '../printers/output';
import { resourceRequests } from '../resource-args';
import { fileInfos } from './object-infos';
import { fetchTarget, type Target } from './targets';

/** A resolved target with its live object. */
export interface RolloutTarget {
  mapping: Mapping;
  namespace: string | undefined;
  name: string;
  obj: KObject;
}

/** Resolves and fetches the targets; `required resource not specified` when there are none given. */
export async function rolloutTargets(ctx: Ctx): Promise<RolloutTarget[]> {
  const f = ctx.inv.flags;
  const args = ctx.inv.args;
  if (args.length === 0 && flagArray(f, 'filename').length === 0) throw new CmdError('required resource not specified');
  const targets: Target[] = [];
  if (flagArray(f, 'filename').length > 0) {
    for (const i of await fileInfos(ctx)) targets.push({ mapping: i.mapping, namespace: i.namespace, name: i.name });
  } else {
    const selector = flagString(f, 'selector') ?? '';
    for (const r of await resourceRequests(ctx.discovery, args)) {
      const ns = r.mapping.namespaced ? ctx.namespace : undefined;
      if (r.names) {
        if (selector) throw new CmdError('name cannot be provided when a selector is specified');
        for (const n of r.names) targets.push({ mapping: r.mapping, namespace: ns, name: n });
        continue;
      }
      const list = await ctx.api.list(r.mapping, ns, selector ? { labelSelector: selector } : {});
      for (const o of list.items) targets.push({ mapping: r.mapping, namespace: o.metadata.namespace, name: o.metadata.name ?? '', obj: o });
    }
  }
  const out: RolloutTarget[] = [];
  for (const t of targets) out.push({ mapping: t.mapping, namespace: t.namespace, name: t.name, obj: await fetchTarget(ctx, t) });
  return out;
}

/** `deployments.apps "web"`: how the rollout commands name an object in their errors. */
export function resourceString(t: Pick<RolloutTarget, 'mapping' | 'name'>): string {
  return `${resourcePrefix(t.mapping)} "${t.name}"`;
}

/**
 * Prints an object the way the rollout commands' PrintFlags do: `kind.group/name operation`, or
 * the object in the -o format (`-o name` drops the operation).
 */
export function printResult(ctx: Ctx, t: Pick<RolloutTarget, 'mapping' | 'name'>, obj: KObject, operation: string): void {
  const fmt = parseOutput(flagString(ctx.inv.flags, 'output'), OBJECT_FORMATS);
  if (fmt.kind === 'table') {
    ctx.out(`${kindPrefix(t.mapping)}/${t.name}${operation ? ` ${operation}` : ''}\n`);
    return;
  }
  ctx.out(printObject(obj, fmt, { kindOf: () => kindPrefix(t.mapping) }));
}
