// `kubectl explain TYPE[.FIELD...]`'s implementation (its entry is in ./info): resolves the
// argument and prints the schema from the group-version's OpenAPI document, loaded on demand.

import type { Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { CmdError } from '../errors';
import { explainAsync, resolveExplainArgument } from '../explain';

export async function runExplain(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  if (inv.args.length === 0) {
    throw new CmdError(`You must specify the type of resource to explain. Use "kubectl api-resources" for a complete list of supported resources.\n`);
  }
  const apiVersion = flagString(inv.flags, 'api-version') || undefined;
  const resolved = resolveExplainArgument(inv.args[0], apiVersion);
  if (!resolved.ok) {
    ctx.err(resolved.error + '\n');
    return 1;
  }
  const t = resolved.target;
  const r = await explainAsync({ apiVersion: t.apiVersion, kind: t.kind, fieldPath: t.fieldPath, recursive: flagBool(inv.flags, 'recursive'), resource: t.resource });
  if (!r.ok) {
    if (r.text) ctx.out(r.text);
    ctx.err((r.error.startsWith('error: ') ? r.error : `error: ${r.error}`) + '\n');
    return 1;
  }
  ctx.out(r.text);
  return 0;
}
