// `kubectl create cronjob`: a CronJob whose job template runs one container named after it
// (restartPolicy OnFailure unless --restart) (kubectl pkg/cmd/create/create_cronjob.go).
import { flagString } from '../cli/flags';
import { enforcedNamespace, fail, missingRequired, nameFromArgs, objectMeta, ok } from './common';
import type { GeneratorCommand } from './types';
import { CREATE_CRON_JOB_SPEC } from './specs';

const PATH = CREATE_CRON_JOB_SPEC.path;

/** `create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]`. */
export const createCronJob: GeneratorCommand = {
  ...CREATE_CRON_JOB_SPEC,
  build(args, rest, flags, ctx) {
    const required = missingRequired(flags, ['image', 'schedule']);
    if (required) return fail(required);
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const name = named.name;
    const command = [...args.slice(1), ...rest];
    const container: Record<string, unknown> = { name, image: flagString(flags, 'image') ?? '' };
    if (command.length > 0) container.command = command;
    container.resources = {};
    const restart = flagString(flags, 'restart') || 'OnFailure';
    return ok({
      kind: 'CronJob',
      apiVersion: 'batch/v1',
      metadata: objectMeta({ name, namespace: enforcedNamespace(ctx) }),
      spec: {
        schedule: flagString(flags, 'schedule') ?? '',
        jobTemplate: {
          metadata: objectMeta({ name }),
          spec: {
            template: {
              metadata: objectMeta({}),
              spec: { containers: [container], restartPolicy: restart },
            },
          },
        },
      },
      status: {},
    });
  },
};
