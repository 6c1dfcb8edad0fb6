// `kubectl expose` (a Service for a Deployment, ReplicaSet, Pod or Service, built by the expose
// generator from the live object); its entry is in ./expose-command.

import type { Invocation } from '../cli/command';
import { flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { CmdError, CommandFailedError } from '../errors';
import { exposeService } from '../generators/expose';
import { OBJECT_FORMATS, parseOutput } from '../printers/output';
import { resourceRequests } from '../resource-args';
import { dryRunValue } from './common-flags';
import { createAndPrint } from './write-object';
import { fetchTarget, RESOURCES_REQUIRED } from './targets';
import { fileInfos } from './object-infos';

export async function runExpose(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt = parseOutput(flagString(f, 'output'), OBJECT_FORMATS);
  const dry = dryRunValue(flagString(f, 'dry-run'));
  let sources;
  if (((f.values.get('filename') as string[] | undefined) ?? []).length > 0) {
    sources = (await fileInfos(ctx)).map((i) => ({ mapping: i.mapping, namespace: i.namespace, name: i.name }));
  } else {
    if (inv.args.length === 0) {
      throw new CmdError(RESOURCES_REQUIRED);
    }
    sources = (await resourceRequests(ctx.discovery, inv.args)).flatMap((r) =>
      (r.names ?? []).map((n) => ({ mapping: r.mapping, namespace: r.mapping.namespaced ? ctx.namespace : undefined, name: n })),
    );
  }
  for (const s of sources) {
    const obj = await fetchTarget(ctx, s);
    const built = exposeService(obj, f, {
      namespace: ctx.namespace,
      enforceNamespace: ctx.namespaceExplicit,
      readFile: (p) => inv.env.files.read(p),
      listDir: () => undefined,
    });
    if (!built.ok) {
      if (built.verbatim) {
        ctx.err(built.error + '\n');
        return 1;
      }
      // cobra's required-flag check fails after logging is set up: klog prints it.
      if (built.error.startsWith('required flag(s) ')) throw new CommandFailedError(built.error);
      throw new CmdError(built.error);
    }
    await createAndPrint(ctx, built.object, { dry, fmt, operation: 'exposed', generated: true });
  }
  return 0;
}

