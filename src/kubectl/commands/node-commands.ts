// `kubectl cordon`, `uncordon` and `taint` (kubectl pkg/cmd/drain cordon paths, pkg/cmd/taint):
// patch spec.unschedulable / spec.taints and print `node/x cordoned`, `already cordoned`,
// `tainted`, `untainted`, with upstream's taint parsing and errors. Drain: node-commands-drain.ts.

import { validateLabelValue } from '../../engine/api/labels';
import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import { AggregateErrors, CmdError } from '../errors';
import { dryRunValue } from './common-flags';

export interface Taint {
  key: string;
  value?: string;
  effect: string;
}

/** The nodes named in args (`NODE...`, `node/NAME`) or matched by -l. */
export async function nodeTargets(ctx: Ctx, args: string[]): Promise<KObject[]> {
  const mapping = await ctx.discovery.resolve('nodes');
  const selector = flagString(ctx.inv.flags, 'selector') ?? '';
  if (args.length === 0 && selector === '') return [];
  if (selector) return (await ctx.api.list(mapping, undefined, { labelSelector: selector })).items;
  const out: KObject[] = [];
  for (const a of args) out.push(await ctx.api.get(mapping, undefined, a.replace(/^(nodes?|no)\//, '')));
  return out;
}

/**
 * Cordons or uncordons one node (drain.RunCordonOrUncordon): `cordoned` / `already cordoned`.
 * Used by drain too.
 */
export async function setUnschedulable(ctx: Ctx, node: KObject, desired: boolean, dry: 'none' | 'client' | 'server'): Promise<void> {
  const word = desired ? 'cordoned' : 'uncordoned';
  const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
  const current = (node as J).spec?.unschedulable === true;
  if (current === desired) {
    ctx.out(`node/${node.metadata.name} already ${word}${suffix}\n`);
    return;
  }
  if (dry !== 'client') {
    const mapping = await ctx.discovery.resolve('nodes');
    await ctx.api.patch(mapping, undefined, node.metadata.name!, { spec: { unschedulable: desired ? true : null } }, 'application/strategic-merge-patch+json', dry === 'server' ? { dryRun: 'All' } : {});
  }
  ctx.out(`node/${node.metadata.name} ${word}${suffix}\n`);
}

async function runCordon(inv: Invocation, desired: boolean): Promise<number> {
  const ctx = makeCtx(inv);
  if (inv.args.length === 0 && !flagString(inv.flags, 'selector')) throw new CmdError(`USAGE: ${desired ? 'cordon' : 'uncordon'} NODE [flags]`);
  const dry = dryRunValue(flagString(inv.flags, 'dry-run'));
  for (const n of await nodeTargets(ctx, inv.args)) await setUnschedulable(ctx, n, desired, dry);
  return 0;
}

/** parseTaint: `key=value:Effect`, `key:Effect`, or `key` (only for removal). */
export function parseTaint(spec: string): Taint {
  const parts = spec.split(':');
  let key: string;
  let value: string | undefined;
  let effect = '';
  if (parts.length === 1) key = parts[0];
  else if (parts.length === 2) {
    effect = parts[1];
    if (!['NoSchedule', 'PreferNoSchedule', 'NoExecute'].includes(effect)) throw new CmdError(`invalid taint effect: ${effect}, unsupported taint effect`);
    const kv = parts[0].split('=');
    if (kv.length > 2) throw new CmdError(`invalid taint spec: ${spec}`);
    key = kv[0];
    if (kv.length === 2) {
      value = kv[1];
      const errs = validateLabelValue(value);
      if (errs.length) throw new CmdError(`invalid taint spec: ${spec}, ${errs.join('; ')}`);
    }
  } else throw new CmdError(`invalid taint spec: ${spec}`);
  if (!/^([a-z0-9]([-a-z0-9]*[a-z0-9])?(\.[a-z0-9]([-a-z0-9]*[a-z0-9])?)*\/)?[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/.test(key) || key.length > 316) {
    throw new CmdError(`invalid taint spec: ${spec}, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')`);
  }
  return value === undefined ? { key, effect } : { key, value, effect };
}

/** Taint.ToString: `key=value:effect`, `key:effect`, `key`. */
export function taintString(t: Taint): string {
  const kv = t.value ? `${t.key}=${t.value}` : t.key;
  return t.effect ? `${kv}:${t.effect}` : kv;
}

/** parseTaints: additions and removals, with the duplicate check on (key, effect). */
export function parseTaints(specs: string[]): { add: Taint[]; remove: Taint[] } {
  const add: Taint[] = [];
  const remove: Taint[] = [];
  for (const s of specs) {
    if (s.endsWith('-')) {
      const t = parseTaint(s.slice(0, -1));
      remove.push({ key: t.key, effect: t.effect });
      continue;
    }
    const t = parseTaint(s);
    if (!t.effect) throw new CmdError(`invalid taint spec: ${s}`);
    if (add.some((x) => x.key === t.key && x.effect === t.effect)) throw new CmdError(`duplicated taints with the same key and effect: {${t.key} ${t.value ?? ''} ${t.effect} <nil>}`);
    add.push(t);
  }
  return { add, remove };
}

/** reorganizeTaints: the new list, the operation word and the not-found errors. */
export function reorganizeTaints(old: Taint[], overwrite: boolean, add: Taint[], remove: Taint[]): { op: string; taints: Taint[]; errors: string[] } {
  const match = (a: Taint, b: Taint) => a.key === b.key && a.effect === b.effect;
  let taints = [...add];
  for (const o of old) if (!taints.some((t) => match(t, o))) taints.push(o);
  const added = old.length !== taints.length;
  const errors: string[] = [];
  let removed = false;
  for (const r of remove) {
    const before = taints.length;
    taints = taints.filter((t) => !(r.effect ? match(t, r) : t.key === r.key));
    removed = before !== taints.length;
    if (!removed) errors.push(`taint "${taintString(r)}" not found`);
  }
  const op = (added && removed) || overwrite ? 'modified' : added ? 'tainted' : 'untainted';
  return { op, taints, errors };
}

export async function runTaint(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const selector = flagString(f, 'selector') ?? '';
  const all = flagBool(f, 'all');
  const args = [...inv.args];
  if (args.length === 0) throw new CmdError('at least one taint update is required');
  let nodeArgs: string[];
  const first = args.shift()!;
  if (first.includes('/')) {
    if (!/^(nodes?|no)\//.test(first)) throw new CmdError(`invalid resource type ${first.split('/')[0]}, only node types are supported`);
    nodeArgs = [first];
  } else {
    if (!['node', 'nodes', 'no'].includes(first)) throw new CmdError(`invalid resource type ${first}, only node types are supported`);
    nodeArgs = selector || all ? [] : args.length ? [args.shift()!] : [];
  }
  if (args.length === 0) throw new CmdError('at least one taint update is required');
  const { add, remove } = parseTaints(args);
  const overwrite = flagBool(f, 'overwrite');
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const mapping = await ctx.discovery.resolve('nodes');
  const nodes = all ? (await ctx.api.list(mapping, undefined)).items : await nodeTargets(ctx, nodeArgs);
  const errs: Error[] = [];
  for (const n of nodes) {
    const old: Taint[] = ((n as J).spec?.taints ?? []) as Taint[];
    if (!overwrite) {
      const exists = add.filter((t) => old.some((o) => o.key === t.key && o.effect === t.effect)).map((t) => t.key);
      if (exists.length) throw new CmdError(`node ${n.metadata.name} already has ${exists.join(',')} taint(s) with same effect(s) and --overwrite is false`);
    }
    const r = reorganizeTaints(old, overwrite, add, remove);
    if (r.errors.length) {
      errs.push(...r.errors.map((e) => new CmdError(e)));
      continue;
    }
    if (dry !== 'client') {
      await ctx.api.patch(mapping, undefined, n.metadata.name!, { spec: { taints: r.taints.length ? r.taints : null } }, 'application/merge-patch+json', dry === 'server' ? { dryRun: 'All' } : {});
    }
    const suffix = dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : '';
    ctx.out(`node/${n.metadata.name} ${r.op}${suffix}\n`);
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

export async function runCordonOn(inv: Invocation): Promise<number> {
  return runCordon(inv, true);
}

export async function runCordonOff(inv: Invocation): Promise<number> {
  return runCordon(inv, false);
}

