// `kubectl patch`, `kubectl replace` and `kubectl scale` (kubectl pkg/cmd/patch, replace, scale):
// patch types strategic|merge|json with `patched` / `patched (no change)`, replace from files
// with `replaced`, scale through the scale subresource with `scaled`.

import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagInt, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError, CommandFailedError, StatusError } from '../errors';
import { OBJECT_FORMATS, parseOutput, printObject } from '../printers/output';
import { parseManifestStream } from '../../engine/codec/yaml-parse';
import { isStrategicKind } from '../../engine/patch/patch-meta';
import { modifiedConfiguration, LAST_APPLIED } from '../apply/last-applied';
import { dryRunValue } from './common-flags';
import { collectTargets, fetchTarget, RESOURCES_REQUIRED } from './targets';
import { fileInfos } from './object-infos';
import { jsonEqual } from '../../engine/apiserver/meta';

const PATCH_CONTENT = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
} as const;

export async function runPatch(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const type = (flagString(f, 'type') || 'strategic') as keyof typeof PATCH_CONTENT;
  if (!(type in PATCH_CONTENT)) throw new CmdError(`--type must be one of [json merge strategic], not "${type}"`);
  let text = flagString(f, 'patch') ?? '';
  const patchFile = flagString(f, 'patch-file');
  if (patchFile) {
    const t = inv.env.files.read(patchFile);
    if (t === undefined) throw new CmdError(`unable to read patch file: open ${patchFile}: no such file or directory`);
    text = t;
  }
  if (!text) throw new CmdError('must specify --patch or --patch-file containing the contents of the patch');
  const parsed = parseManifestStream(text);
  if (!parsed.ok || parsed.docs.length !== 1) throw new CmdError(`unable to parse "${text}": ${parsed.ok ? 'expected one document' : parsed.error}`);
  const patch = parsed.docs[0];
  if (inv.args.length === 0 && flagArray(f, 'filename').length === 0) {
    throw new CmdError(RESOURCES_REQUIRED);
  }
  const targets = await collectTargets(ctx, inv.args, { allowSelector: false, allowAll: false });
  const errs: Error[] = [];
  for (const t of targets) {
    try {
      const before = await fetchTarget(ctx, t);
      if (type === 'strategic' && !isStrategicKind(before.apiVersion, before.kind)) {
        throw new CmdError(`strategic merge patch is not supported for ${before.kind}.${before.apiVersion.split('/')[0]}; use --type merge instead`);
      }
      const after = await ctx.api.patch(t.mapping, t.namespace, t.name, patch, PATCH_CONTENT[type], dry !== 'none' ? { dryRun: 'All' } : {}, flagString(f, 'subresource') || undefined);
      const changed = !jsonEqual(before, after);
      if (fmt.kind === 'table') {
        const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
        ctx.out(`${kindPrefix(t.mapping)}/${t.name} ${changed ? 'patched' : 'patched (no change)'}${suffix}\n`);
      } else {
        ctx.out(printObject(after, fmt, { kindOf: () => kindPrefix(t.mapping) }));
      }
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

export async function runReplace(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  if (flagArray(f, 'filename').length === 0) throw new CmdError('must specify --filename to replace');
  const errs: Error[] = [];
  for (const info of await fileInfos(ctx)) {
    try {
      let obj = info.obj;
      if (flagBool(f, 'save-config') || obj.metadata.annotations?.[LAST_APPLIED] !== undefined) {
        obj = modifiedConfiguration(obj, true).modified;
      }
      let result = obj;
      if (flagBool(f, 'force')) {
        if (dry === 'none') {
          try {
            await ctx.api.delete(info.mapping, info.namespace, info.name, { propagationPolicy: 'Background' });
          } catch (e) {
            if (!(e instanceof StatusError && e.status.code === 404)) throw e;
          }
          ctx.out(`${kindPrefix(info.mapping)} "${info.name}" deleted\n`);
          const { metadata } = obj;
          delete metadata.resourceVersion;
          result = await ctx.api.create(info.mapping, info.namespace, obj);
        }
      } else if (dry !== 'client') {
        result = await ctx.api.replace(info.mapping, info.namespace, info.name, obj, dry === 'server' ? { dryRun: 'All' } : {});
      }
      if (fmt.kind === 'table') {
        const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
        ctx.out(`${kindPrefix(info.mapping)}/${info.name} replaced${suffix}\n`);
      } else ctx.out(printObject(result, fmt, { kindOf: () => kindPrefix(info.mapping) }));
    } catch (e) {
      errs.push(e instanceof StatusError ? e.withSource('replacing', info.source) : (e as Error));
    }
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

export async function runScale(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  // --replicas is marked required: cobra refuses before the command runs, through klog.
  if (!f.changed.has('replicas')) throw new CommandFailedError('required flag(s) "replicas" not set');
  const replicas = flagInt(f, 'replicas') ?? -1;
  if (replicas < 0) throw new CmdError('The --replicas=COUNT flag is required, and COUNT must be greater than or equal to 0');
  if (inv.args.length === 0 && flagArray(f, 'filename').length === 0) {
    throw new CmdError(RESOURCES_REQUIRED);
  }
  const targets = await collectTargets(ctx, inv.args, { allowSelector: true, allowAll: true });
  if (targets.length === 0) throw new CmdError('no objects passed to scale');
  const current = flagInt(f, 'current-replicas') ?? -1;
  const rv = flagString(f, 'resource-version');
  for (const t of targets) {
    const scalable = ['deployments', 'replicasets', 'statefulsets', 'replicationcontrollers'].includes(t.mapping.plural);
    if (!scalable) throw new CmdError(`cannot scale ${t.mapping.plural}.${t.mapping.group || ''}`.replace(/\.$/, ''));
    let scale;
    try {
      scale = (await ctx.api.raw('GET', ctx.api.path(t.mapping, t.namespace, t.name, 'scale'))) as { spec: { replicas: number }; metadata: { resourceVersion: string } };
    } catch (e) {
      if (e instanceof StatusError && e.status.code === 404) {
        throw new CmdError(`no objects passed to scale ${kindPrefix({ group: t.mapping.group, kind: t.mapping.plural }).replace(/^(\w+)\./, '$1.')} "${t.name}" not found`.replace(`${t.mapping.plural.toLowerCase()}`, t.mapping.group ? `${t.mapping.plural}` : t.mapping.plural));
      }
      throw e;
    }
    if (current >= 0 && scale.spec.replicas !== current) {
      throw new CmdError(`Expected replicas to be ${current}, was ${scale.spec.replicas}`);
    }
    const patch: Record<string, unknown> = { spec: { replicas } };
    if (rv) patch.metadata = { resourceVersion: rv };
    let obj = t.obj;
    if (dry !== 'client') {
      await ctx.api.patch(t.mapping, t.namespace, t.name, patch, 'application/merge-patch+json', dry === 'server' ? { dryRun: 'All' } : {}, 'scale');
      if (fmt.kind !== 'table') obj = await ctx.api.get(t.mapping, t.namespace, t.name);
    }
    if (fmt.kind === 'table') {
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      ctx.out(`${kindPrefix(t.mapping)}/${t.name} scaled${suffix}\n`);
    } else if (obj) ctx.out(printObject(obj, fmt, { kindOf: () => kindPrefix(t.mapping) }));
  }
  return 0;
}

