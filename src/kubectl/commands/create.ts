// `kubectl create -f FILE` and `kubectl create <generator>` (kubectl pkg/cmd/create): objects
// from files are POSTed as they are; generators build the object client-side first. Errors are
// wrapped the way each upstream subcommand wraps them.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { AggregateErrors, CmdError, CommandFailedError, StatusError } from '../errors';
import { GENERATORS } from '../generators';
import type { GeneratorSpec } from '../generators/types';
import { OBJECT_FORMATS, parseOutput } from '../printers/output';
import { modifiedConfiguration } from '../apply/last-applied';
import { dryRunValue, klogWarning } from './common-flags';
import { createAndPrint, printResult } from './write-object';
import { fileInfos } from './object-infos';

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

/** Runs the generator command `spec` names: its builder comes from ./generators, loaded with this module. */
export async function runGenerator(spec: GeneratorSpec, inv: Invocation): Promise<number> {
  const g = GENERATORS.find((x) => x.path.join(' ') === spec.path.join(' '));
  if (!g) throw new Error(`no generator for ${spec.path.join(' ')}`);
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

export async function runCreateFromFiles(inv: Invocation): Promise<number> {
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

