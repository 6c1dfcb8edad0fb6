// `kubectl rollout pause|resume|restart` (kubectl pkg/cmd/rollout, polymorphichelpers
// objectpauser/objectresumer/objectrestarter): a strategic merge patch per object, `paused`,
// `resumed`, `restarted`, and upstream's per-object errors.

import { rfc3339 } from '../../engine/util/time';
import type { Invocation } from '../cli/command';
import { makeCtx } from '../context';
import type { J } from '../describe/values';
import { AggregateErrors, CmdError } from '../errors';
import { printResult, resourceString, rolloutTargets } from './rollout-targets';

export const RESTARTED_AT = 'kubectl.kubernetes.io/restartedAt';

/** What to patch for one object, `null` when nothing changes, or an error message (`is already paused`). */
export type PatchPlan = { patch: unknown } | { patch: null } | { error: string };

/** objectpauser: only Deployments pause. */
export function planPause(group: string, kind: string, obj: J): PatchPlan {
  if (group !== 'apps' && group !== 'extensions') return { error: 'pausing is not supported' };
  if (kind !== 'Deployment') return { error: 'pausing is not supported' };
  if (obj?.spec?.paused === true) return { error: 'is already paused' };
  return { patch: { spec: { paused: true } } };
}

/** objectresumer: only Deployments resume. */
export function planResume(group: string, kind: string, obj: J): PatchPlan {
  if ((group !== 'apps' && group !== 'extensions') || kind !== 'Deployment') return { error: 'resuming is not supported' };
  if (obj?.spec?.paused !== true) return { error: 'is not paused' };
  return { patch: { spec: { paused: null } } };
}

/** objectrestarter: Deployments (unless paused), DaemonSets and StatefulSets get the restartedAt annotation. */
export function planRestart(group: string, kind: string, obj: J, now: number): PatchPlan {
  if (group !== 'apps' || !['Deployment', 'DaemonSet', 'StatefulSet'].includes(kind)) return { error: 'restarting is not supported' };
  if (kind === 'Deployment' && obj?.spec?.paused === true) return { error: "can't restart paused deployment (run rollout resume first)" };
  const at = rfc3339(now);
  // Two restarts within one second give the same value: an empty patch, reported by the caller.
  if (obj?.spec?.template?.metadata?.annotations?.[RESTARTED_AT] === at) return { patch: null };
  return { patch: { spec: { template: { metadata: { annotations: { [RESTARTED_AT]: at } } } } } };
}

export type Verb = 'pause' | 'resume' | 'restart';

export async function runVerb(inv: Invocation, verb: Verb): Promise<number> {
  const ctx = makeCtx(inv);
  const targets = await rolloutTargets(ctx);
  if (targets.length === 0 && verb === 'restart') {
    ctx.err(`No resources found in ${ctx.namespace} namespace.\n`);
    return 0;
  }
  const errs: Error[] = [];
  for (const t of targets) {
    const { group, kind } = t.mapping;
    const plan = verb === 'pause' ? planPause(group, kind, t.obj) : verb === 'resume' ? planResume(group, kind, t.obj) : planRestart(group, kind, t.obj, ctx.now());
    if ('error' in plan) {
      errs.push(new CmdError(`error: ${resourceString(t)} ${plan.error}`));
      continue;
    }
    if (plan.patch === null) {
      if (verb === 'restart') {
        errs.push(new CmdError(`failed to create patch for ${t.name}: if restart has already been triggered within the past second, please wait before attempting to trigger another`));
        continue;
      }
      printResult(ctx, t, t.obj, verb === 'pause' ? 'already paused' : 'already resumed');
      continue;
    }
    let obj;
    try {
      obj = await ctx.api.patch(t.mapping, t.namespace, t.name, plan.patch, 'application/strategic-merge-patch+json');
    } catch (e) {
      errs.push(new CmdError(`failed to patch: ${(e as Error).message}`));
      continue;
    }
    printResult(ctx, t, obj, verb === 'pause' ? 'paused' : verb === 'resume' ? 'resumed' : 'restarted');
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}
