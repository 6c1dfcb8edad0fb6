// Shared machinery of `kubectl set image|env|resources` (kubectl pkg/cmd/set): find the pod spec
// in any workload, apply a mutation to a copy, send the change as a merge patch of the pod spec's
// container lists, print `<kind>/<name> <operation>`, and collect per-object errors.

import type { KObject } from '../../engine/api/types';
import { flagArray, flagBool, flagString } from '../cli/flags';
import type { Ctx } from '../context';
import type { J } from '../describe/values';
import { kindPrefix, type Mapping } from '../discovery';
import { AggregateErrors, CmdError } from '../errors';
import { OBJECT_FORMATS, parseOutput, printObject } from '../printers/output';
import { dryRunValue } from './common-flags';
import { jsonEqual } from '../../engine/apiserver/meta';
import { collectTargets, fetchTarget } from './targets';

/** Where a kind keeps its pod spec (polymorphichelpers.updatePodSpecForObject), as a path. */
export function podSpecPath(kind: string): string[] | undefined {
  switch (kind) {
    case 'Pod':
      return ['spec'];
    case 'Deployment':
    case 'ReplicaSet':
    case 'DaemonSet':
    case 'StatefulSet':
    case 'ReplicationController':
    case 'Job':
    case 'PodTemplate':
      return kind === 'PodTemplate' ? ['template', 'spec'] : ['spec', 'template', 'spec'];
    case 'CronJob':
      return ['spec', 'jobTemplate', 'spec', 'template', 'spec'];
  }
  return undefined;
}

/** The pod spec object inside `obj` (created along the path if missing), or undefined for other kinds. */
export function podSpecOf(obj: J): J | undefined {
  const path = podSpecPath(str(obj?.kind));
  if (!path) return undefined;
  let cur = obj;
  for (const p of path) {
    cur[p] ??= {};
    cur = cur[p];
  }
  return cur;
}

function str(v: unknown): string {
  return typeof v === 'string' ? v : '';
}

/** What a mutation reports for one object: errors that fail it, warnings printed on stderr. */
export interface MutationResult {
  errors: string[];
  warnings?: string[];
}

/** A merge patch that sets the pod spec's container lists to those of `after`. */
function containersPatch(kind: string, after: J): unknown {
  const path = podSpecPath(kind)!;
  const spec = podSpecOf(after);
  const leaf: Record<string, unknown> = { containers: spec.containers ?? null };
  if (spec.initContainers !== undefined) leaf.initContainers = spec.initContainers;
  let patch: unknown = leaf;
  for (let i = path.length - 1; i >= 0; i--) patch = { [path[i]]: patch };
  return patch;
}

/** Splits `TYPE NAME KEY=VAL...` into resource words and pairs (the first pair ends the resources). */
export function splitResourcesAndPairs(args: string[], isPair: (a: string) => boolean): { resources: string[]; pairs: string[] } {
  const i = args.findIndex(isPair);
  return i < 0 ? { resources: args, pairs: [] } : { resources: args.slice(0, i), pairs: args.slice(i) };
}

/**
 * Runs a set subcommand over its targets: each object is copied, mutated and, when it changed,
 * patched (or printed for --local / client dry run). Unchanged objects print nothing, as upstream.
 */
export async function runSet(ctx: Ctx, resources: string[], operation: string, mutate: (obj: J, mapping: Mapping) => MutationResult): Promise<number> {
  const f = ctx.inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const local = flagBool(f, 'local');
  if (local && flagArray(f, 'filename').length === 0) {
    throw new CmdError(`you must specify resources by --filename when --local is set.
Example resource specifications include:
   '-f rsrc.yaml'
   '--filename=rsrc.json'`);
  }
  const targets = await collectTargets(ctx, resources, { allowSelector: true, allowAll: true });
  const errs: Error[] = [];
  for (const t of targets) {
    const before = await fetchTarget(ctx, t);
    const after = JSON.parse(JSON.stringify(before)) as J;
    if (!podSpecOf(after)) {
      errs.push(new CmdError(`error: ${kindPrefix(t.mapping)}/${t.name} ${'the object is not a pod or does not have a pod template'}`));
      continue;
    }
    const r = mutate(after, t.mapping);
    for (const w of r.warnings ?? []) ctx.err(`Warning: ${w}\n`);
    errs.push(...r.errors.map((e) => new CmdError(e)));
    if (jsonEqual(before, after)) continue;
    let shown: KObject = after;
    if (!local && dry !== 'client') {
      shown = await ctx.api.patch(t.mapping, t.namespace, t.name, containersPatch(str(after.kind), after), 'application/merge-patch+json', dry === 'server' ? { dryRun: 'All' } : {});
    }
    if (fmt.kind === 'table') {
      const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
      ctx.out(`${kindPrefix(t.mapping)}/${t.name} ${operation}${suffix}\n`);
    } else ctx.out(printObject(shown, fmt, { kindOf: () => kindPrefix(t.mapping) }));
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

/** Containers selected by a -c pattern (`*` wildcards, as path.Match is used upstream). */
export function selectContainers(containers: J[], pattern: string): J[] {
  const re = new RegExp('^' + pattern.split('*').map((s) => s.replace(/[.+?^${}()|[\]\\]/g, '\\$&')).join('.*') + '$');
  return containers.filter((c) => re.test(str(c?.name)));
}
