// `kubectl create job`: one container named after the job with restartPolicy Never, or a copy of a
// CronJob's job template with `--from=cronjob/NAME` (kubectl pkg/cmd/create/create_job.go).
import type { KObject } from '../../engine/api/types';
import { flagString } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, objectMeta, ok } from './common';
import type { GeneratorCommand, GeneratorResult } from './types';
import { typedJobSpec } from './typed-order';
import { CREATE_JOB_SPEC } from './specs';

const PATH = CREATE_JOB_SPEC.path;
const CRONJOB_TYPES = new Set(['cronjob', 'cronjobs', 'cj', 'cronjob.batch', 'cronjobs.batch']);

/** createJobFromCronJob: the template's labels and annotations, a controller ownerReference. */
export function jobFromCronJob(name: string, namespace: string | undefined, cronJob: KObject): KObject {
  const spec = (cronJob.spec ?? {}) as Record<string, unknown>;
  const tpl = (spec.jobTemplate ?? {}) as { metadata?: { labels?: Record<string, string>; annotations?: Record<string, string> }; spec?: unknown };
  return {
    kind: 'Job',
    apiVersion: 'batch/v1',
    metadata: objectMeta({
      name,
      namespace,
      labels: tpl.metadata?.labels,
      annotations: { 'cronjob.kubernetes.io/instantiate': 'manual', ...tpl.metadata?.annotations },
      ownerReferences: [{
        apiVersion: 'batch/v1', kind: 'CronJob', name: cronJob.metadata.name ?? '', uid: cronJob.metadata.uid ?? '', controller: true,
      }],
    }),
    spec: typedJobSpec(tpl.spec),
    status: {},
  };
}

function fromCronJob(name: string, from: string, ctx: Parameters<GeneratorCommand['build']>[3]): GeneratorResult {
  const slash = from.indexOf('/');
  const type = slash < 0 ? from : from.slice(0, slash);
  const target = slash < 0 ? '' : from.slice(slash + 1);
  if (!CRONJOB_TYPES.has(type.toLowerCase()) || target === '') return fail('from must be an existing cronjob');
  const cj = ctx.getCronJob?.(target);
  if (!cj) return { ok: false, error: `Error from server (NotFound): cronjobs.batch "${target}" not found`, verbatim: true };
  return ok(jobFromCronJob(name, enforcedNamespace(ctx), cj));
}

/** `create job NAME --image=image [--from=cronjob/name] -- [COMMAND] [args...]`. */
export const createJob: GeneratorCommand = {
  ...CREATE_JOB_SPEC,
  build(args, rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const name = named.name;
    const command = [...args.slice(1), ...rest];
    const image = flagString(flags, 'image') ?? '';
    const from = flagString(flags, 'from') ?? '';
    if ((image === '' && from === '') || (image !== '' && from !== '')) return fail('either --image or --from must be specified');
    if (command.length > 0 && from !== '') return fail('cannot specify --from and command');
    if (image === '') return fromCronJob(name, from, ctx);
    const container: Record<string, unknown> = { name, image };
    if (command.length > 0) container.command = command;
    container.resources = {};
    return ok({
      kind: 'Job',
      apiVersion: 'batch/v1',
      metadata: objectMeta({ name, namespace: enforcedNamespace(ctx) }),
      spec: {
        template: {
          metadata: objectMeta({}),
          spec: { containers: [container], restartPolicy: 'Never' },
        },
      },
      status: {},
    });
  },
};
