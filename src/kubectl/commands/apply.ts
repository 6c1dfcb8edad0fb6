// `kubectl apply`: client-side three-way strategic merge with the last-applied annotation
// (kubectl pkg/cmd/apply/apply.go + patcher.go): created / configured / unchanged exactly when
// upstream says so, the missing-annotation warning, dry runs, and `--server-side`.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError, StatusError } from '../errors';
import { parseOutput, printObject, OBJECT_FORMATS } from '../printers/output';
import { createThreeWayMergePatch } from '../../engine/patch/strategic';
import { createThreeWayJsonMergePatch } from '../../engine/patch/merge-patch';
import { isStrategicKind, patchMetaFor } from '../../engine/patch/patch-meta';
import { LAST_APPLIED, modifiedConfiguration, originalConfiguration } from '../apply/last-applied';
import { dryRunValue, klogWarning } from './common-flags';
import { fileInfos, type Info } from './object-infos';

function suffix(dry: string): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

async function applyOne(ctx: Ctx, info: Info, dry: string, serverSide: boolean): Promise<{ obj: KObject; op: string }> {
  const q = dry === 'server' ? { dryRun: 'All' } : {};
  const m = info.mapping;
  if (serverSide) {
    const obj = await ctx.api.patch(m, info.namespace, info.name, info.obj, 'application/apply-patch+yaml', {
      ...q,
      fieldManager: flagString(ctx.inv.flags, 'field-manager') || 'kubectl',
      force: flagBool(ctx.inv.flags, 'force-conflicts') ? 'true' : undefined,
    });
    return { obj, op: 'serverside-applied' };
  }
  const { modified, annotation } = modifiedConfiguration(info.obj, true);
  let current: KObject | undefined;
  try {
    current = await ctx.api.get(m, info.namespace, info.name);
  } catch (e) {
    if (!(e instanceof StatusError && e.status.code === 404)) throw e;
  }
  if (!current) {
    if (dry === 'client') return { obj: modified, op: 'created' };
    try {
      return { obj: await ctx.api.create(m, info.namespace, modified, q), op: 'created' };
    } catch (e) {
      if (e instanceof StatusError) throw e.withSource('creating', info.source);
      throw e;
    }
  }
  if (dry === 'client') return { obj: modified, op: 'configured' };
  const original = originalConfiguration(current);
  if (original === undefined) {
    ctx.err(
      `Warning: resource ${m.plural}/${info.name} is missing the ${LAST_APPLIED} annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n`,
    );
  }
  void annotation;
  const strategic = isStrategicKind(current.apiVersion, current.kind);
  const patch = strategic
    ? createThreeWayMergePatch((original ?? {}) as Record<string, unknown>, modified, current, patchMetaFor(current.apiVersion, current.kind), true)
    : createThreeWayJsonMergePatch((original ?? {}) as Record<string, unknown>, modified, current);
  if (patch === null || (typeof patch === 'object' && Object.keys(patch as object).length === 0)) {
    return { obj: current, op: 'unchanged' };
  }
  try {
    const obj = await ctx.api.patch(m, info.namespace, info.name, patch, strategic ? 'application/strategic-merge-patch+json' : 'application/merge-patch+json', q);
    return { obj, op: 'configured' };
  } catch (e) {
    if (e instanceof StatusError) throw e.withSource('patching', info.source);
    throw e;
  }
}

export async function runApply(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'), (msg) => ctx.err(klogWarning(ctx.now(), msg) + '\n'));
  const serverSide = flagBool(f, 'server-side');
  if (flagArray(f, 'filename').length === 0 && !flagString(f, 'kustomize')) {
    throw new CmdError('must specify one of -f and -k');
  }
  if (flagString(f, 'kustomize')) throw new CmdError('kustomize directories are not supported in kubeplay yet');
  const infos = await fileInfos(ctx);
  if (infos.length === 0) throw new CmdError('no objects passed to apply');
  const errs: Error[] = [];
  for (const info of infos) {
    try {
      const { obj, op } = await applyOne(ctx, info, dry, serverSide);
      if (fmt.kind === 'table') ctx.out(`${kindPrefix(info.mapping)}/${info.name} ${op}${suffix(dry)}\n`);
      else ctx.out(printObject(obj, fmt, { kindOf: () => kindPrefix(info.mapping) }));
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length > 0) throw new AggregateErrors(errs);
  return 0;
}
