// `kubectl create cronjob`: a CronJob whose job template runs one container named after it
// (restartPolicy OnFailure unless --restart) (kubectl pkg/cmd/create/create_cronjob.go).
import { flagString } from '../cli/flags';
import { enforcedNamespace, fail, missingRequired, nameFromArgs, objectMeta, ok } from './common';
import { HELP } from './help';
import type { GeneratorCommand } from './types';

const PATH = ['create', 'cronjob'];

/** `create cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]`. */
export const createCronJob: GeneratorCommand = {
  path: PATH,
  aliases: ['cj'],
  use: "cronjob NAME --image=image --schedule='0/5 * * * ?' -- [COMMAND] [args...]",
  short: 'Create a cron job with the specified name',
  long: HELP['create cronjob'].long,
  example: HELP['create cronjob'].example,
  flags: [
    { name: 'image', type: 'string', default: '', usage: 'Image name to run.' },
    { name: 'schedule', type: 'string', default: '', usage: 'A schedule in the Cron format the job should be run with.' },
    { name: 'restart', type: 'string', default: '', usage: "job's restart policy. supported values: OnFailure, Never" },
  ],
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
