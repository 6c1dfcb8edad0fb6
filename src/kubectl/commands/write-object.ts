// Sending a built object to the server (or not, for --dry-run=client) and printing the result
// the way create/run/expose do: `<kind>/<name> created`, or the object in the -o format.

import type { KObject } from '../../engine/api/types';
import type { Ctx } from '../context';
import { kindPrefix, type Mapping } from '../discovery';
import { CmdError } from '../errors';
import { printObject, type OutputFormat } from '../printers/output';
import type { DryRun } from './common-flags';

export function dryRunSuffix(dry: DryRun): string {
  return dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
}

/** POSTs (unless client dry run) and prints; returns the object as stored (or as built). */
export async function createAndPrint(
  ctx: Ctx,
  obj: KObject,
  opts: { dry: DryRun; fmt: OutputFormat; operation: string; generated: boolean },
): Promise<KObject> {
  const m = await mappingFor(ctx, obj);
  const ns = m.namespaced ? obj.metadata.namespace || ctx.namespace : undefined;
  let result = obj;
  if (opts.dry !== 'client') {
    result = await ctx.api.create(m, ns, obj, opts.dry === 'server' ? { dryRun: 'All' } : {});
  }
  printResult(ctx, m, result, opts.fmt, opts.operation, opts.dry, opts.generated && opts.dry === 'client');
  return result;
}

export function printResult(ctx: Ctx, m: Mapping, obj: KObject, fmt: OutputFormat, operation: string, dry: DryRun, generated: boolean): void {
  if (fmt.kind === 'table' || fmt.kind === 'wide') {
    ctx.out(`${kindPrefix(m)}/${obj.metadata.name ?? ''} ${operation}${dryRunSuffix(dry)}\n`);
    return;
  }
  ctx.out(printObject(obj, fmt, { generated, kindOf: () => kindPrefix(m) }));
}

export async function mappingFor(ctx: Ctx, obj: KObject): Promise<Mapping> {
  const m = await ctx.discovery.forKind(obj.apiVersion, obj.kind);
  if (!m) throw new CmdError(`no matches for kind "${obj.kind}" in version "${obj.apiVersion}"`);
  return m;
}
