// `kubectl create -f FILE` and `kubectl create <generator>` (kubectl pkg/cmd/create): objects
// from files are POSTed as they are; generators build the object client-side first. Errors are
// wrapped the way each upstream subcommand wraps them.

import type { KObject } from '../../engine/api/types';
import type { CommandDef, Invocation } from '../cli/command';
import type { FlagSpec } from '../cli/flags';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { AggregateErrors, CmdError, CommandFailedError, StatusError } from '../errors';
import { GENERATORS } from '../generators';
import type { GeneratorCommand } from '../generators/types';
import { OBJECT_FORMATS, parseOutput } from '../printers/output';
import { modifiedConfiguration } from '../apply/last-applied';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG, dryRunValue, klogWarning } from './common-flags';
import { createAndPrint, printResult } from './write-object';
import { fileInfos } from './object-infos';

/** The flags every create subcommand has besides its own (PrintFlags, dry-run, save-config...). */
export const CREATE_COMMON_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
  OUTPUT_FLAG,
  { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
  VALIDATE_FLAG,
];

/** How each generator wraps a server error (kubectl pkg/cmd/create/*.go). */
function wrapError(path: string[], e: StatusError): Error {
  const what = path[path.length - 1];
  const sub = path.length > 2 ? path[1] : what;
  const svc: Record<string, string> = { clusterip: 'ClusterIP', nodeport: 'NodePort', loadbalancer: 'LoadBalancer', externalname: 'ExternalName' };
  if (sub === 'service') return new CmdError(`failed to create ${svc[what] ?? what} service: ${e.status.message ?? ''}`);
  if (sub === 'secret') return new CmdError(`failed to create secret ${e.status.message ?? ''}`);
  if (['deployment', 'configmap', 'job', 'cronjob', 'ingress', 'serviceaccount', 'quota', 'role', 'rolebinding'].includes(what)) {
    return new CmdError(`failed to create ${what}: ${e.status.message ?? ''}`);
  }
  return e;
}

async function runGenerator(g: GeneratorCommand, inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'), (msg) => ctx.err(klogWarning(ctx.now(), msg) + '\n'));
  const files = inv.env.files;
  const built = g.build(inv.args, inv.rest, f, {
    namespace: ctx.namespace,
    enforceNamespace: ctx.namespaceExplicit,
    readFile: (p) => files.read(p),
    listDir: (p) => (files.isDir(p) ? files.list(p).filter((n) => !files.isDir(`${p}/${n}`)) : undefined),
  });
  if (!built.ok) {
    if (built.verbatim) {
      ctx.err(built.error.endsWith('\n') ? built.error : built.error + '\n');
      return 1;
    }
    // cobra's required-flag check fails after logging is set up: klog prints it.
    if (built.error.startsWith('required flag(s) ')) throw new CommandFailedError(built.error);
    throw new CmdError(built.error);
  }
  let obj: KObject = built.object;
  if (flagBool(f, 'save-config')) obj = modifiedConfiguration(obj, true).modified;
  try {
    await createAndPrint(ctx, obj, { dry, fmt, operation: 'created', generated: true });
  } catch (e) {
    if (e instanceof StatusError && g.path[0] === 'create') throw wrapError(g.path, e);
    throw e;
  }
  return 0;
}

export function generatorCommand(g: GeneratorCommand, extra: FlagSpec[] = CREATE_COMMON_FLAGS): CommandDef {
  return {
    name: g.path[g.path.length - 1],
    aliases: g.aliases,
    use: g.use,
    short: g.short,
    long: g.long,
    example: g.example,
    flags: [...g.flags, ...extra.filter((x) => !g.flags.some((y) => y.name === x.name))],
    run: (inv) => runGenerator(g, inv),
  };
}

async function runCreateFromFiles(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  if (flagArray(f, 'filename').length === 0) {
    throw new CmdError("must specify one of -f and -k\n\nSee 'kubectl create -h' for help and examples");
  }
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'), (msg) => ctx.err(klogWarning(ctx.now(), msg) + '\n'));
  const infos = await fileInfos(ctx);
  const errs: Error[] = [];
  for (const info of infos) {
    let obj = info.obj;
    if (flagBool(f, 'save-config')) obj = modifiedConfiguration(obj, true).modified;
    try {
      const result = dry === 'client' ? obj : await ctx.api.create(info.mapping, info.namespace, obj, dry === 'server' ? { dryRun: 'All' } : {});
      printResult(ctx, info.mapping, result, fmt, 'created', dry, false);
    } catch (e) {
      errs.push(e instanceof StatusError ? e.withSource('creating', info.source) : (e as Error));
    }
  }
  if (errs.length > 0) throw new AggregateErrors(errs);
  return 0;
}

function groupSubcommands(parent: string): CommandDef[] {
  const direct = GENERATORS.filter((g) => g.path[0] === 'create' && g.path.length === 2);
  const nested = new Map<string, GeneratorCommand[]>();
  for (const g of GENERATORS.filter((x) => x.path[0] === 'create' && x.path.length === 3)) {
    const list = nested.get(g.path[1]) ?? [];
    list.push(g);
    nested.set(g.path[1], list);
  }
  const out = direct.map((g) => generatorCommand(g));
  for (const [name, gens] of nested) {
    out.push({
      name,
      use: `${name} (${gens.map((g) => g.path[2]).join(' | ')})`,
      short: name === 'secret' ? 'Create a secret using a specified subcommand' : name === 'service' ? 'Create a service using a specified subcommand' : `Create a ${name}`,
      subcommands: gens.map((g) => generatorCommand(g)),
    });
  }
  void parent;
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const createCommand: CommandDef = {
  name: 'create',
  group: 'Basic Commands (Beginner)',
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  flags: [...CREATE_COMMON_FLAGS, ...FILENAME_FLAGS, { name: 'edit', type: 'bool', default: false, usage: 'Edit the API resource before creating' }, { name: 'raw', type: 'string', default: '', usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' }, { name: 'selector', short: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' }],
  subcommands: groupSubcommands('create'),
  run: runCreateFromFiles,
};
