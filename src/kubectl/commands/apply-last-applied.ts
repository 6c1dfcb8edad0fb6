// `kubectl apply view-last-applied` / `set-last-applied`: read or write the last-applied
// annotation (kubectl pkg/cmd/apply/apply_view_last_applied.go, apply_set_last_applied.go).

import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { kindPrefix } from '../discovery';
import { CmdError, StatusError } from '../errors';
import { toGoYaml } from '../../engine/codec/yaml-emit';
import { toGoJson } from '../../engine/codec/json-emit';
import { resourceRequests } from '../resource-args';
import { LAST_APPLIED, modifiedConfiguration } from '../apply/last-applied';
import { dryRunValue } from './common-flags';
import { fileInfos } from './object-infos';

export async function runView(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const out = flagString(inv.flags, 'output') || 'yaml';
  if (out !== 'yaml' && out !== 'json') throw new CmdError(`unexpected -o output mode: ${out}, the flag 'output' must be one of yaml|json`);
  const targets: { m: Awaited<ReturnType<typeof ctx.discovery.resolve>>; ns: string | undefined; name: string }[] = [];
  if (flagArray(inv.flags, 'filename').length > 0) {
    for (const i of await fileInfos(ctx)) targets.push({ m: i.mapping, ns: i.namespace, name: i.name });
  } else {
    if (inv.args.length === 0) throw new CmdError('You must specify the type of resource to view last-applied. ');
    for (const r of await resourceRequests(ctx.discovery, inv.args)) {
      for (const n of r.names ?? []) targets.push({ m: r.mapping, ns: r.mapping.namespaced ? ctx.namespace : undefined, name: n });
    }
  }
  for (const t of targets) {
    const obj = await ctx.api.get(t.m, t.ns, t.name);
    const raw = obj.metadata.annotations?.[LAST_APPLIED];
    if (raw === undefined) throw new CmdError(`no last-applied-configuration annotation found on resource: ${t.name}`);
    const parsed = JSON.parse(raw);
    ctx.out(out === 'json' ? toGoJson(parsed, '  ') + '\n' : toGoYaml(parsed));
  }
  return 0;
}

export async function runSet(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const dry = dryRunValue(flagString(inv.flags, 'dry-run'));
  for (const info of await fileInfos(ctx)) {
    let live;
    try {
      live = await ctx.api.get(info.mapping, info.namespace, info.name);
    } catch (e) {
      if (e instanceof StatusError && e.status.code === 404 && !flagBool(inv.flags, 'create-annotation')) {
        throw new CmdError(`no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`);
      }
      throw e;
    }
    if (!live.metadata.annotations?.[LAST_APPLIED] && !flagBool(inv.flags, 'create-annotation')) {
      throw new CmdError(`no last-applied-configuration annotation found on resource: ${info.name}, to create the annotation, run the command with --create-annotation`);
    }
    const { annotation } = modifiedConfiguration(info.obj, false);
    if (dry === 'none') {
      await ctx.api.patch(info.mapping, info.namespace, info.name, { metadata: { annotations: { [LAST_APPLIED]: annotation } } }, 'application/merge-patch+json');
    }
    ctx.out(`${kindPrefix(info.mapping)}/${info.name} configured${dry === 'client' ? ' (dry run)' : ''}\n`);
  }
  return 0;
}
