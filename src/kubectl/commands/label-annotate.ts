// `kubectl label` and `kubectl annotate` (kubectl pkg/cmd/label, pkg/cmd/annotate): `key=value`
// sets, `key-` removes, --overwrite, --all, -l, --list; sent as a JSON merge patch; prints
// `labeled` / `unlabeled` / `not labeled` and `annotated` as upstream decides them.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { kindPrefix } from '../discovery';
import { AggregateErrors, CmdError } from '../errors';
import { OBJECT_FORMATS, parseOutput, printObject } from '../printers/output';
import { validateLabelKey, validateLabelValue } from '../../engine/api/labels';
import { createMergePatch } from '../../engine/patch/merge-patch';
import { goCompactJson } from '../apply/last-applied';
import { dryRunValue } from './common-flags';
import { collectTargets, fetchTarget } from './targets';

type Mode = 'label' | 'annotate';

interface Changes {
  set: [string, string][];
  remove: string[];
}

function parseChanges(mode: Mode, args: string[]): { resources: string[]; changes: Changes } {
  const resources: string[] = [];
  const changes: Changes = { set: [], remove: [] };
  for (const a of args) {
    if (a.includes('=')) {
      const i = a.indexOf('=');
      const k = a.slice(0, i);
      const v = a.slice(i + 1);
      if (mode === 'label') {
        const errs = [...validateLabelKey(k), ...validateLabelValue(v)];
        if (errs.length) throw new CmdError(`invalid label value: "${a}": ${errs.join('; ')}`);
      }
      changes.set.push([k, v]);
    } else if (a.endsWith('-') && a.length > 1) {
      changes.remove.push(a.slice(0, -1));
    } else {
      resources.push(a);
    }
  }
  return { resources, changes };
}

async function run(mode: Mode, inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  const { resources, changes } = parseChanges(mode, inv.args);
  const list = mode === 'label' && flagBool(f, 'list');
  if (!list && changes.set.length === 0 && changes.remove.length === 0) {
    throw new CmdError(`at least one ${mode === 'label' ? 'label' : 'annotation'} update is required`);
  }
  if (resources.length === 0 && !(f.values.get('filename') as string[] | undefined)?.length) {
    throw new CmdError(`one or more resources must be specified as <resource> <name> or <resource>/<name>`);
  }
  const overwrite = flagBool(f, 'overwrite');
  const targets = await collectTargets(ctx, resources, { allowSelector: true, allowAll: true });
  const errs: Error[] = [];
  for (const t of targets) {
    try {
      const obj = await fetchTarget(ctx, t);
      const field = mode === 'label' ? 'labels' : 'annotations';
      if (list) {
        const m = obj.metadata.labels ?? {};
        for (const k of Object.keys(m).sort()) ctx.out(`${k}=${m[k]}\n`);
        continue;
      }
      const cur: Record<string, string> = { ...((obj.metadata[field] as Record<string, string> | undefined) ?? {}) };
      if (!overwrite) {
        const clashes = changes.set.filter(([k, v]) => k in cur && cur[k] !== v);
        if (clashes.length > 0) {
          if (mode === 'label') throw new CmdError(`'${clashes[0][0]}' already has a value (${cur[clashes[0][0]]}), and --overwrite is false`);
          throw new CmdError(`--overwrite is false but found the following declared annotation(s): ${clashes.map(([k]) => `'${k}' already has a value (${cur[k]})`).join('; ')}`);
        }
      }
      for (const k of changes.remove) {
        if (!(k in cur) && mode === 'label') ctx.err(`label "${k}" not found.\n`);
        delete cur[k];
      }
      for (const [k, v] of changes.set) cur[k] = v;
      const oldMeta = { [field]: obj.metadata[field] ?? null };
      const newMeta = { [field]: Object.keys(cur).length ? cur : null };
      const oldJson = goCompactJson(obj);
      const next: KObject = { ...obj, metadata: { ...obj.metadata, [field]: Object.keys(cur).length ? cur : undefined } };
      const newJson = goCompactJson(next);
      const patch = createMergePatch({ metadata: oldMeta }, { metadata: newMeta }) as Record<string, unknown>;
      const rv = flagString(f, 'resource-version');
      if (rv) (patch.metadata as Record<string, unknown> ?? (patch.metadata = {}) as Record<string, unknown>).resourceVersion = rv;
      let result = next;
      if (dry !== 'client' && Object.keys(patch).length > 0) {
        result = await ctx.api.patch(t.mapping, t.namespace, t.name, patch, 'application/merge-patch+json', dry === 'server' ? { dryRun: 'All' } : {});
      }
      let word = 'annotated';
      if (mode === 'label') {
        word = 'not labeled';
        if (oldJson !== newJson) word = !overwrite && newJson.length < oldJson.length ? 'unlabeled' : 'labeled';
      }
      if (fmt.kind === 'table') ctx.out(`${kindPrefix(t.mapping)}/${t.name} ${word}${dry === 'client' ? ' (dry run)' : dry === 'server' ? ' (server dry run)' : ''}\n`);
      else ctx.out(printObject(result, fmt, { kindOf: () => kindPrefix(t.mapping) }));
    } catch (e) {
      errs.push(e as Error);
    }
  }
  if (errs.length) throw new AggregateErrors(errs);
  return 0;
}

export async function runLabel(inv: Invocation): Promise<number> {
  return run('label', inv);
}

export async function runAnnotate(inv: Invocation): Promise<number> {
  return run('annotate', inv);
}

