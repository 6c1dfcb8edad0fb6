// `kubectl wait --for=condition=X|delete|jsonpath=...` (kubectl pkg/cmd/wait): re-checks the
// objects as simulated time passes, prints `<kind>/<name> condition met`, or times out with
// upstream's message.

import type { KObject } from '../../engine/api/types';
import type { Invocation } from '../cli/command';
import { flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import { kindPrefix } from '../discovery';
import { CmdError, StatusError } from '../errors';
import { parseJsonPath } from '../jsonpath';
import { parseGoDuration } from '../../engine/util/duration';
import { collectTargets, type Target } from './targets';

type Check = (obj: KObject | undefined) => boolean;

function parseFor(spec: string): { check: Check; deletion: boolean } {
  if (spec === 'delete') return { check: (o) => o === undefined, deletion: true };
  if (spec.startsWith('condition=')) {
    let rest = spec.slice('condition='.length);
    let want = 'true';
    const eq = rest.indexOf('=');
    if (eq >= 0) {
      want = rest.slice(eq + 1).toLowerCase();
      rest = rest.slice(0, eq);
    }
    const type = rest.toLowerCase();
    return {
      deletion: false,
      check: (o) => {
        const conds = ((o?.status as { conditions?: { type: string; status: string }[] } | undefined)?.conditions ?? []);
        return conds.some((c) => c.type.toLowerCase() === type && c.status.toLowerCase() === want);
      },
    };
  }
  if (spec.startsWith('jsonpath=')) {
    const rest = spec.slice('jsonpath='.length);
    const m = /^(\{.*\})(?:=(.*))?$/.exec(rest) ?? /^([^=]*)(?:=(.*))?$/.exec(rest)!;
    const expr = m[1].startsWith('{') ? m[1] : `{${m[1]}}`;
    const path = parseJsonPath(expr);
    const value = m[2];
    return {
      deletion: false,
      check: (o) => {
        if (!o) return false;
        const got = path.findResults(o).flat();
        if (value === undefined) return got.length > 0;
        return got.length > 0 && got.every((g) => String(g) === value.replace(/^['"]|['"]$/g, ''));
      },
    };
  }
  throw new CmdError(`unrecognized condition: "${spec}"`);
}

async function current(ctx: Ctx, t: Target): Promise<KObject | undefined> {
  try {
    return await ctx.api.get(t.mapping, t.namespace, t.name);
  } catch (e) {
    if (e instanceof StatusError && e.status.code === 404) return undefined;
    throw e;
  }
}

export async function runWait(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const spec = flagString(inv.flags, 'for');
  if (!spec) throw new CmdError('--for must be specified');
  const { check, deletion } = parseFor(spec);
  const timeoutMs = parseGoDuration(flagString(inv.flags, 'timeout') || '30s');
  const targets = await collectTargets(ctx, inv.args, { allowSelector: true, allowAll: true });
  // --for=delete ignores NotFound and an empty match (the visitor's IgnoreErrors(IsNotFound)):
  // what is already gone prints nothing.
  if (targets.length === 0 && !deletion) throw new CmdError('no matching resources found');
  const deadline = ctx.now() + timeoutMs;
  for (const t of targets) {
    for (let first = true; ; first = false) {
      const o = await current(ctx, t);
      if (!o && deletion && first) break;
      if (!o && !deletion) throw new StatusError({ kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', reason: 'NotFound', code: 404, message: `${t.mapping.group ? `${t.mapping.plural}.${t.mapping.group}` : t.mapping.plural} "${t.name}" not found` });
      if (check(o)) {
        ctx.out(`${kindPrefix(t.mapping)}/${t.name} condition met\n`);
        break;
      }
      // --timeout=0 checks once: upstream's message then says the condition is not met.
      if (timeoutMs === 0 && !deletion) throw new CmdError(`condition not met for ${t.mapping.plural}/${t.name}`);
      if (ctx.now() >= deadline) throw new CmdError(`timed out waiting for the condition on ${t.mapping.plural}/${t.name}`);
      await inv.env.host.wait(Math.min(1000, deadline - ctx.now()));
    }
  }
  return 0;
}

