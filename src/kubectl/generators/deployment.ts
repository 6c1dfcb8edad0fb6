// `kubectl create deployment`: one container per --image (named after the image), app=<name>
// labels and selector, optional --port on the first container and a command after `--`
// (kubectl pkg/cmd/create/create_deployment.go).
import { flagArray, flagInt } from '../cli/flags';
import { enforcedNamespace, fail, missingRequired, nameFromArgs, objectMeta, ok, randomSuffix } from './common';
import type { GeneratorCommand, GeneratorContext } from './types';
import { CREATE_DEPLOYMENT_SPEC } from './specs';

const PATH = CREATE_DEPLOYMENT_SPEC.path;

/** Container name from an image: last path segment without tag or digest, made DNS-1123-ish. */
export function containerNameFromImage(image: string, ctx: GeneratorContext): string {
  let name = image.split('/').pop() ?? '';
  if (name.includes(':')) name = name.split(':')[0];
  if (name.includes('@')) name = name.split('@')[0];
  // sanitizeAndUniquify: `_` and `.` become `-`, and a random suffix keeps such names unique.
  if (/[_.]/.test(name)) name = `${name.replace(/[_.]/g, '-')}-${randomSuffix(ctx, image, 5)}`;
  return name;
}

/** `create deployment NAME --image=image [--port] [--replicas] -- [COMMAND] [args...]`. */
export const createDeployment: GeneratorCommand = {
  ...CREATE_DEPLOYMENT_SPEC,
  build(args, rest, flags, ctx) {
    const required = missingRequired(flags, ['image']);
    if (required) return fail(required);
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const name = named.name;
    const images = flagArray(flags, 'image');
    const command = [...args.slice(1), ...rest];
    if (images.length > 1 && command.length > 0) return fail('cannot specify multiple --image options and command');
    const port = flagInt(flags, 'port') ?? -1;
    const replicas = flagInt(flags, 'replicas') ?? 1;

    const containers = images.map((image, i) => {
      const c: Record<string, unknown> = { name: containerNameFromImage(image, ctx), image };
      if (command.length > 0) c.command = command;
      if (i === 0 && port >= 0) c.ports = [{ containerPort: port }];
      c.resources = {};
      return c;
    });
    const labels = { app: name };
    return ok({
      kind: 'Deployment',
      apiVersion: 'apps/v1',
      metadata: objectMeta({ name, namespace: enforcedNamespace(ctx), labels }),
      spec: {
        replicas,
        selector: { matchLabels: { app: name } },
        template: {
          metadata: objectMeta({ labels }),
          spec: { containers },
        },
        strategy: {},
      },
      status: {},
    });
  },
};
