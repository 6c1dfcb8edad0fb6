// `kubectl expose` (a Service for a Deployment, ReplicaSet, Pod or Service, built by the expose
// generator from the live object) and `kubectl run` (a Pod from the run generator).

import type { CommandDef, Invocation } from '../cli/command';
import { flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { CmdError, CommandFailedError } from '../errors';
import { EXPOSE_COMMAND, EXPOSE_FLAGS, exposeService } from '../generators/expose';
import { GENERATORS } from '../generators';
import { OBJECT_FORMATS, parseOutput } from '../printers/output';
import { resourceRequests } from '../resource-args';
import { CREATE_COMMON_FLAGS, generatorCommand } from './create';
import { dryRunValue } from './common-flags';
import { createAndPrint } from './write-object';
import { fetchTarget, RESOURCES_REQUIRED } from './targets';
import { fileInfos } from './object-infos';

async function runExpose(inv: Invocation): Promise<number> {
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

export const exposeCommand: CommandDef = {
  name: 'expose',
  group: 'Basic Commands (Beginner)',
  use: EXPOSE_COMMAND.use,
  short: EXPOSE_COMMAND.short,
  long: EXPOSE_COMMAND.long,
  example: EXPOSE_COMMAND.example,
  flags: [...EXPOSE_FLAGS, ...CREATE_COMMON_FLAGS.filter((x) => !EXPOSE_FLAGS.some((y) => y.name === x.name))],
  run: runExpose,
};

const runGenerator = GENERATORS.find((g) => g.path.length === 1 && g.path[0] === 'run');
if (!runGenerator) throw new Error('the run generator is missing');

export const runCommand: CommandDef = { ...generatorCommand(runGenerator), group: 'Basic Commands (Beginner)' };
