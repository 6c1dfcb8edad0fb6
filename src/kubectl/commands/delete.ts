// `kubectl delete` (kubectl pkg/cmd/delete/delete.go): by name, -f, -l, --all; prints
// `<kind> "<name>" deleted` per object (`force deleted` with --grace-period=0 --force), `No
// resources found` when a selector matches nothing, cascading background/foreground/orphan, and
// by default waits until the objects are gone (advancing simulated time in scripts).

import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagInt, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError, StatusError } from '../errors';
import { parseOutput } from '../printers/output';
import { dryRunValue } from './common-flags';
import { collectTargets, type Target, RESOURCES_REQUIRED } from './targets';
import { parseGoDuration } from '../../engine/util/duration';

function cascade(v: string | undefined): string {
  switch (v ?? 'background') {
    case 'background':
    case 'true':
      return 'Background';
    case 'foreground':
      return 'Foreground';
    case 'orphan':
    case 'false':
      return 'Orphan';
    default:
      throw new CmdError(`invalid cascade value (${v}). Must be "background", "foreground", or "orphan"`);
  }
}

async function waitGone(ctx: Ctx, targets: { t: Target; uid?: string }[], timeoutMs: number): Promise<void> {
  const deadline = ctx.now() + timeoutMs;
  for (const { t, uid } of targets) {
    for (;;) {
      let present = false;
      try {
        const o = await ctx.api.get(t.mapping, t.namespace, t.name);
        present = !uid || o.metadata.uid === uid;
      } catch (e) {
        if (!(e instanceof StatusError && e.status.code === 404)) throw e;
      }
      if (!present) break;
      if (ctx.now() >= deadline) throw new CmdError(`timed out waiting for the condition on ${t.mapping.plural}/${t.name}`);
      await ctx.inv.env.host.wait(Math.min(1000, deadline - ctx.now()));
    }
  }
}

export async function runDelete(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), 'name');
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const all = flagBool(f, 'all');
  const selector = flagString(f, 'selector');
  const force = flagBool(f, 'force');
  let grace = flagInt(f, 'grace-period') ?? -1;
  if (flagBool(f, 'now')) grace = 1;
  if (force && grace < 0) grace = 0;
  if (grace === 0 && !force) throw new CmdError('--grace-period=0 must have --force specified');
  if (inv.args.length === 0 && flagArray(f, 'filename').length === 0) {
    throw new CmdError(RESOURCES_REQUIRED);
  }
  const targets = await collectTargets(ctx, inv.args, { allowSelector: true, allowAll: true });
  const typeOnly = inv.args.length > 0 && !inv.args.some((a) => a.includes('/')) && inv.args.length === 1 && flagArray(f, 'filename').length === 0;
  if (typeOnly && !all && !selector && !flagString(f, 'field-selector')) {
    throw new CmdError('resource(s) were provided, but no name was specified');
  }
  if (targets.length === 0) {
    ctx.out('No resources found\n');
    return 0;
  }
  if (force) ctx.err('Warning: Immediate deletion does not wait for confirmation that the running resource has been terminated. The resource may continue to run on the cluster indefinitely.\n');
  const policy = cascade(flagString(f, 'cascade'));
  const errs: Error[] = [];
  const deleted: { t: Target; uid?: string }[] = [];
  for (const t of targets) {
    const options: Record<string, unknown> = { propagationPolicy: policy };
    if (grace >= 0) options.gracePeriodSeconds = grace;
    try {
      const res = await ctx.api.delete(t.mapping, t.namespace, t.name, options, dry === 'server' || dry === 'client' ? { dryRun: 'All' } : {});
      deleted.push({ t, uid: (res?.metadata as { uid?: string } | undefined)?.uid });
      const word = grace === 0 && force ? 'force deleted' : 'deleted';
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      if (fmt.kind === 'name') ctx.out(`${kindPrefix(t.mapping)}/${t.name}\n`);
      else ctx.out(`${kindPrefix(t.mapping)} "${t.name}" ${word}${suffix}\n`);
    } catch (e) {
      errs.push(e instanceof StatusError && t.source ? e.withSource('deleting', t.source) : (e as Error));
    }
  }
  const wait = f.values.has('wait') ? flagBool(f, 'wait') : true;
  if (wait && dry === 'none' && deleted.length > 0) {
    const timeout = flagString(f, 'timeout');
    const ms = timeout && timeout !== '0s' ? parseGoDuration(timeout) : 7 * 24 * 3600 * 1000;
    await waitGone(ctx, deleted, ms);
  }
  if (errs.length > 0) throw new AggregateErrors(errs);
  return 0;
}

/** `kubectl delete`, with --ignore-not-found dropping the NotFound errors. */
export async function runDeleteCommand(inv: Invocation): Promise<number> {
  try {
    return await runDelete(inv);
  } catch (e) {
    if (e instanceof AggregateErrors && flagBool(inv.flags, 'ignore-not-found')) {
      const rest = e.errors.filter((x) => !(x instanceof StatusError && x.status.code === 404));
      if (rest.length === 0) return 0;
      throw new AggregateErrors(rest);
    }
    throw e;
  }
}

