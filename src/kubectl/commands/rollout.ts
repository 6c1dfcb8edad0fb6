// `kubectl rollout` and its status / history / undo subcommands (kubectl pkg/cmd/rollout):
// status watches the object and prints a viewer line per event until done, history prints the
// revisions, undo patches an earlier template back. Pause/resume/restart: rollout-pause.ts.

import type { KObject } from '../../engine/api/types';
import { parseGoDuration } from '../../engine/util/duration';
import type { Invocation } from '../cli/command';
import { flagInt, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import { AggregateErrors, CmdError } from '../errors';
import { controlledRevisions, controllerRevisionHistory, deploymentHistory, printTemplate } from '../rollout/history';
import { deploymentReplicaSets } from '../rollout/replicasets';
import { statusViewerFor, type StatusViewer } from '../rollout/status';
import { planDeploymentRollback, planRevisionRollback, replicaSetForRevision } from '../rollout/undo';
import { dryRunValue } from './common-flags';
import { printResult, rolloutTargets, type RolloutTarget } from './rollout-targets';

/** Without --timeout a stuck rollout would wait forever; after this much quiet simulated time the
 * command waits for an interrupt instead of moving the clock on. */
const QUIET_LIMIT_MS = 60 * 60 * 1000;

export async function runStatus(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const revision = flagInt(inv.flags, 'revision') ?? 0;
  const watch = inv.flags.values.get('watch') !== false;
  const timeoutMs = parseGoDuration(flagString(inv.flags, 'timeout') || '0s');
  if (inv.args.length === 0 && (inv.flags.values.get('filename') as string[] | undefined)?.length === 0) throw new CmdError('required resource not specified');
  if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
  const targets = await rolloutTargets(ctx);
  if (targets.length !== 1) throw new CmdError(`rollout status is only supported on individual resources and resource collections - ${targets.length} resources were found`);
  const t = targets[0];
  const viewer = statusViewerFor(t.mapping.group, t.mapping.kind);
  return watchStatus(ctx, t, viewer, revision, watch, timeoutMs);
}

/** watchtools.UntilWithSync: the listed object first, then each watch event, until done. */
async function watchStatus(ctx: Ctx, t: RolloutTarget, viewer: StatusViewer, revision: number, watch: boolean, timeoutMs: number): Promise<number> {
  const host = ctx.inv.env.host;
  const deadline = timeoutMs > 0 ? ctx.now() + timeoutMs : undefined;
  const list = await ctx.api.list(t.mapping, t.namespace, { fieldSelector: `metadata.name=${t.name}` });
  const queue: Array<{ type: string; object: KObject }> = list.items.map((o) => ({ type: 'ADDED', object: o }));
  const handle = await ctx.api.watch(t.mapping, t.namespace, { fieldSelector: `metadata.name=${t.name}`, resourceVersion: list.metadata?.resourceVersion }, {
    onEvent: (e) => queue.push({ type: e.type, object: e.object as KObject }),
  });
  try {
    let quietSince = ctx.now();
    for (;;) {
      while (queue.length > 0) {
        const e = queue.shift()!;
        quietSince = ctx.now();
        if (e.type === 'DELETED') throw new CmdError('object has been deleted');
        if (e.type !== 'ADDED' && e.type !== 'MODIFIED') continue;
        const v = viewer(e.object, revision);
        ctx.out(v.message);
        if (v.done || !watch) return 0;
      }
      if (deadline !== undefined && ctx.now() >= deadline) throw new CmdError('timed out waiting for the condition');
      if (deadline === undefined && ctx.now() - quietSince >= QUIET_LIMIT_MS) {
        await host.untilInterrupted();
        return 0;
      }
      await host.wait(deadline !== undefined ? Math.min(1000, deadline - ctx.now()) : 1000);
    }
  } finally {
    handle.stop();
  }
}

async function revisionsOf(ctx: Ctx, t: RolloutTarget): Promise<J[]> {
  const m = await ctx.discovery.resolve('controllerrevisions.apps');
  const list = await ctx.api.list(m, t.namespace);
  return controlledRevisions(list.items, t.obj);
}

export async function runHistory(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const revision = flagInt(inv.flags, 'revision') ?? 0;
  if (revision < 0) throw new CmdError(`revision must be a positive integer: ${revision}`);
  const targets = await rolloutTargets(ctx);
  const errs: Error[] = [];
  for (const t of targets) {
    try {
      let text: string;
      const kind = t.mapping.group === 'apps' ? t.mapping.kind : '';
      if (kind === 'Deployment') text = deploymentHistory((await deploymentReplicaSets(ctx, t.obj)).all, revision, ctx.now());
      else if (kind === 'DaemonSet' || kind === 'StatefulSet') text = controllerRevisionHistory(await revisionsOf(ctx, t), revision, kind, ctx.now());
      else throw new CmdError(`no history viewer has been implemented for "${t.mapping.group ? `${t.mapping.kind}.${t.mapping.group}` : t.mapping.kind}"`);
      // The operation is `with revision #N` (or empty) + a newline + the history text.
      printResult(ctx, t, t.obj, `${revision > 0 ? `with revision #${revision}` : ''}\n${text}`);
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

export async function runUndo(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const toRevision = flagInt(inv.flags, 'to-revision') ?? 0;
  const dry = dryRunValue(flagString(inv.flags, 'dry-run'));
  const query = dry === 'server' ? { dryRun: 'All' } : {};
  const suffix = dry === 'server' ? ' (server dry run)' : '';
  const targets = await rolloutTargets(ctx);
  const errs: Error[] = [];
  for (const t of targets) {
    try {
      const kind = t.mapping.group === 'apps' ? t.mapping.kind : '';
      if (kind === 'Deployment') {
        const deploy = t.obj as J;
        const rs = replicaSetForRevision(t.name, (await deploymentReplicaSets(ctx, t.obj)).all, toRevision);
        if (dry === 'client') {
          printResult(ctx, t, t.obj, printTemplate(rs.spec?.template, ctx.now()));
          continue;
        }
        const plan = planDeploymentRollback(deploy, rs, toRevision);
        if (plan.kind === 'skipped') {
          printResult(ctx, t, t.obj, plan.message);
          continue;
        }
        try {
          await ctx.api.patch(t.mapping, t.namespace, t.name, plan.patch, 'application/json-patch+json', query);
        } catch (e) {
          throw new CmdError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
        }
        printResult(ctx, t, t.obj, 'rolled back' + suffix);
      } else if (kind === 'DaemonSet' || kind === 'StatefulSet') {
        const plan = planRevisionRollback(t.obj, await revisionsOf(ctx, t), toRevision);
        if (dry === 'client') {
          printResult(ctx, t, t.obj, printTemplate(plan.template, ctx.now()));
          continue;
        }
        if (plan.kind === 'skipped') {
          printResult(ctx, t, t.obj, plan.message);
          continue;
        }
        try {
          await ctx.api.patch(t.mapping, t.namespace, t.name, plan.patch, 'application/strategic-merge-patch+json', query);
        } catch (e) {
          throw new CmdError(`failed restoring revision ${toRevision}: ${(e as Error).message}`);
        }
        printResult(ctx, t, t.obj, 'rolled back' + suffix);
      } else {
        throw new CmdError(`no rollbacker has been implemented for "${t.mapping.group ? `${t.mapping.kind}.${t.mapping.group}` : t.mapping.kind}"`);
      }
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

