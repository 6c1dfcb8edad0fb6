// `kubectl apply`: client-side three-way strategic merge with the last-applied annotation
// (kubectl pkg/cmd/apply/apply.go + patcher.go): created / configured / unchanged exactly when
// upstream says so, the missing-annotation warning, dry runs, and `--server-side`.

import type { KObject } from '../../engine/api/types';
import type { CommandDef, Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError, StatusError } from '../errors';
import { parseOutput, printObject, OBJECT_FORMATS } from '../printers/output';
import { createThreeWayMergePatch } from '../../engine/patch/strategic';
import { createThreeWayJsonMergePatch } from '../../engine/patch/merge-patch';
import { isStrategicKind, patchMetaFor } from '../../engine/patch/patch-meta';
import { LAST_APPLIED, modifiedConfiguration, originalConfiguration } from '../apply/last-applied';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, dryRunValue, klogWarning } from './common-flags';
import { fileInfos, type Info } from './object-infos';
import { applySubcommands } from './apply-last-applied';

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

export const applyCommand: CommandDef = {
  name: 'apply',
  group: 'Advanced Commands',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/

  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -`,
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    ...FILENAME_FLAGS,
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'force-conflicts', type: 'bool', default: false, usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    OUTPUT_FLAG,
    { name: 'overwrite', type: 'bool', default: true, usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'prune', type: 'bool', default: false, usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    SELECTOR_FLAG,
    { name: 'server-side', type: 'bool', default: false, usage: 'If true, apply runs in the server instead of the client.' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    VALIDATE_FLAG,
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  subcommands: applySubcommands,
  run: runApply,
};
