// `kubectl patch`, `kubectl replace` and `kubectl scale` (kubectl pkg/cmd/patch, replace, scale):
// patch types strategic|merge|json with `patched` / `patched (no change)`, replace from files
// with `replaced`, scale through the scale subresource with `scaled`.

import type { CommandDef, Invocation } from '../cli/command';
import { flagArray, flagBool, flagInt, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError, CommandFailedError, StatusError } from '../errors';
import { OBJECT_FORMATS, parseOutput, printObject } from '../printers/output';
import { parseManifestStream } from '../../engine/codec/yaml-parse';
import { isStrategicKind } from '../../engine/patch/patch-meta';
import { modifiedConfiguration, LAST_APPLIED } from '../apply/last-applied';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, dryRunValue } from './common-flags';
import { collectTargets, fetchTarget, RESOURCES_REQUIRED } from './targets';
import { fileInfos } from './object-infos';
import { jsonEqual } from '../../engine/apiserver/meta';

const PATCH_CONTENT = {
  strategic: 'application/strategic-merge-patch+json',
  merge: 'application/merge-patch+json',
  json: 'application/json-patch+json',
} as const;

async function runPatch(inv: Invocation): Promise<number> {
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

async function runReplace(inv: Invocation): Promise<number> {
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

async function runScale(inv: Invocation): Promise<number> {
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

export const patchCommand: CommandDef = {
  name: 'patch',
  group: 'Advanced Commands',
  use: 'patch (-f FILENAME | TYPE NAME) [-p PATCH|--patch-file FILE]',
  short: 'Update fields of a resource',
  long: `Update fields of a resource using strategic merge patch, a JSON merge patch, or a JSON patch.

 JSON and YAML formats are accepted.

 Note: Strategic merge patch is not supported for custom resources.`,
  example: `  # Partially update a node using a strategic merge patch, specifying the patch as JSON
  kubectl patch node k8s-node-1 -p '{"spec":{"unschedulable":true}}'

  # Update a container's image; spec.containers[*].name is required because it's a merge key
  kubectl patch pod valid-pod -p '{"spec":{"containers":[{"name":"kubernetes-serve-hostname","image":"new image"}]}}'

  # Update a container's image using a JSON patch with positional arrays
  kubectl patch pod valid-pod --type='json' -p='[{"op": "replace", "path": "/spec/containers/0/image", "value":"new image"}]'`,
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-patch', usage: 'Name of the manager used to track field ownership.' },
    ...FILENAME_FLAGS,
    { name: 'local', type: 'bool', default: false, usage: 'If true, patch will operate on the content of the file, not the server-side resource.' },
    OUTPUT_FLAG,
    { name: 'patch', short: 'p', type: 'string', default: '', usage: 'The patch to be applied to the resource JSON file.' },
    { name: 'patch-file', type: 'string', default: '', usage: 'A file containing a patch to be applied to the resource.' },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: 'subresource', type: 'string', default: '', usage: "If specified, patch will operate on the subresource of the requested object. Supported subresources: status, scale." },
    TEMPLATE_FLAG,
    { name: 'type', type: 'string', default: 'strategic', usage: 'The type of patch being provided; one of [json merge strategic]' },
  ],
  run: runPatch,
};

export const replaceCommand: CommandDef = {
  name: 'replace',
  group: 'Advanced Commands',
  use: 'replace -f FILENAME',
  short: 'Replace a resource by file name or stdin',
  long: `Replace a resource by file name or stdin.

 JSON and YAML formats are accepted. If replacing an existing resource, the complete resource spec must be provided. This can be obtained by

        $ kubectl get TYPE NAME -o yaml`,
  example: `  # Replace a pod using the data in pod.json
  kubectl replace -f ./pod.json

  # Force replace, delete and then re-create the resource
  kubectl replace --force -f ./pod.json`,
  flags: [
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-replace', usage: 'Name of the manager used to track field ownership.' },
    ...FILENAME_FLAGS,
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    OUTPUT_FLAG,
    { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    VALIDATE_FLAG,
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  run: runReplace,
};

export const scaleCommand: CommandDef = {
  name: 'scale',
  group: 'Deploy Commands',
  use: 'scale [--resource-version=version] [--current-replicas=count] --replicas=COUNT (-f FILENAME | TYPE NAME)',
  short: 'Set a new size for a deployment, replica set, or replication controller',
  long: `Set a new size for a deployment, replica set, replication controller, or stateful set.

 Scale also allows users to specify one or more preconditions for the scale action.

 If --current-replicas or --resource-version is specified, it is validated before the scale is attempted, and it is guaranteed that the precondition holds true when the scale is sent to the server.`,
  example: `  # Scale a replica set named 'foo' to 3
  kubectl scale --replicas=3 rs/foo

  # Scale a resource identified by type and name specified in "foo.yaml" to 3
  kubectl scale --replicas=3 -f foo.yaml

  # If the deployment named mysql's current size is 2, scale mysql to 3
  kubectl scale --current-replicas=2 --replicas=3 deployment/mysql

  # Scale multiple replication controllers
  kubectl scale --replicas=5 rc/example1 rc/example2 rc/example3

  # Scale stateful set named 'web' to 3
  kubectl scale --replicas=3 statefulset/web`,
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'current-replicas', type: 'int', default: -1, usage: 'Precondition for current size. Requires that the current size of the resource match this value in order to scale. -1 (default) for no condition.' },
    DRY_RUN_FLAG,
    ...FILENAME_FLAGS,
    OUTPUT_FLAG,
    { name: 'replicas', type: 'int', default: 0, usage: 'The new desired number of replicas. Required.' },
    { name: 'resource-version', type: 'string', default: '', usage: 'Precondition for resource version. Requires that the current resource version match this value in order to scale.' },
    SELECTOR_FLAG,
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before giving up on a scale operation, zero means don\'t wait. Any other values should contain a corresponding time unit (e.g. 1s, 2m, 3h).' },
  ],
  run: runScale,
};
