// `kubectl run`: a bare Pod (run=<name> label unless --labels, restartPolicy from --restart,
// dnsPolicy ClusterFirst), with the checks of kubectl pkg/cmd/run/run.go and the BasicPod generator
// of pkg/generate/versioned/run.go.
import type { KObject } from '../../engine/api/types';
import type { ParsedFlags } from '../cli/flags';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { atoi, enforcedNamespace, fail, missingRequired, objectMeta, ok, usageError } from './common';
import { applyOverrides } from './overrides';
import { isEnvVarName } from './sources';
import { typedObjectMeta } from './typed-order';
import type { GeneratorCommand, GeneratorResult } from './types';
import { RUN_SPEC } from './specs';

const PATH = RUN_SPEC.path;

// github.com/distribution/reference ReferenceRegexp, spelled out.
const ALNUM = '[a-z0-9]+';
const SEPARATOR = '(?:[._]|__|[-]+)';
const PATH_COMPONENT = `${ALNUM}(?:${SEPARATOR}${ALNUM})*`;
const DOMAIN_COMPONENT = '(?:[a-zA-Z0-9]|[a-zA-Z0-9][a-zA-Z0-9-]*[a-zA-Z0-9])';
const DOMAIN = `(?:${DOMAIN_COMPONENT}(?:\\.${DOMAIN_COMPONENT})*|\\[(?:[a-fA-F0-9:]+)\\])(?::[0-9]+)?`;
const TAG = '[\\w][\\w.-]{0,127}';
const DIGEST = '[A-Za-z][A-Za-z0-9]*(?:[-_+.][A-Za-z][A-Za-z0-9]*)*[:][0-9a-fA-F]{32,}';
const REFERENCE_RE = new RegExp(`^((?:${DOMAIN}/)?${PATH_COMPONENT}(?:/${PATH_COMPONENT})*)(?::(${TAG}))?(?:@(${DIGEST}))?$`);

/** Whether an image reference is well formed (distribution/reference). */
export function isValidImageReference(image: string): boolean {
  return REFERENCE_RE.test(image);
}

/** generate.ParseLabels: `k=v,k2=v2`. */
export function parseLabelSpec(spec: string): { labels: Record<string, string> } | { error: string } {
  if (spec === '') return { error: 'no label spec passed' };
  const labels: Record<string, string> = {};
  for (const item of spec.split(',')) {
    const kv = item.split('=');
    if (kv.length !== 2) return { error: `unexpected label spec: ${item}` };
    if (kv[0] === '') return { error: 'unexpected empty label key' };
    labels[kv[0]] = kv[1];
  }
  return { labels };
}

/** parseEnvs: `NAME=value`, NAME a valid environment variable name. */
export function parseEnvs(envs: string[]): { env: { name: string; value: string }[] } | { error: string } {
  const out: { name: string; value: string }[] = [];
  for (const e of envs) {
    const pos = e.indexOf('=');
    if (pos <= 0 || isEnvVarName(e.slice(0, pos)).length > 0) return { error: `invalid env: ${e}` };
    out.push({ name: e.slice(0, pos), value: e.slice(pos + 1) });
  }
  return { env: out };
}

/** cmdutil.ParsePairs without removal: `k=v` pairs, bad ones listed together. */
export function parsePairs(pairs: string[], kind: string): { pairs: Record<string, string> } | { error: string } {
  const out: Record<string, string> = {};
  const invalid: string[] = [];
  for (const p of pairs) {
    const eq = p.indexOf('=');
    if (eq > 0) out[p.slice(0, eq)] = p.slice(eq + 1);
    else invalid.push(p);
  }
  if (invalid.length > 0) return { error: `invalid ${kind} format: ${invalid.join(', ')}` };
  return { pairs: out };
}

/** The option checks of RunOptions.Run, in upstream's order; undefined when all pass. */
function checkOptions(args: string[], flags: ParsedFlags): string | undefined {
  if (args.length === 0) return usageError('NAME is required for run', PATH);
  const image = flagString(flags, 'image') ?? '';
  if (image === '') return '--image is required';
  if (!isValidImageReference(image)) return `Invalid image name "${image}": invalid reference format`;
  const interactive = flagBool(flags, 'stdin');
  if (flagBool(flags, 'tty') && !interactive) return usageError('-i/--stdin is required for containers with -t/--tty=true', PATH);
  if (flagBool(flags, 'expose') && (flagString(flags, 'port') ?? '') === '') return usageError('--port must be set when exposing a service', PATH);
  const restart = flagString(flags, 'restart') ?? 'Always';
  if (restart !== '' && !['Always', 'OnFailure', 'Never'].includes(restart)) return usageError(`invalid restart policy: ${restart}`, PATH);
  const attach = flags.changed.has('attach') ? flagBool(flags, 'attach') : interactive;
  if (!attach && flagBool(flags, 'rm')) return usageError('--rm should only be used for attached containers', PATH);
  const dryRun = flagString(flags, 'dry-run');
  if (attach && dryRun !== undefined && dryRun !== 'none') {
    return usageError("--dry-run=[server|client] can't be used with attached containers options (--attach, --stdin, or --tty)", PATH);
  }
  const pull = flagString(flags, 'image-pull-policy') ?? '';
  if (!['', 'Always', 'IfNotPresent', 'Never'].includes(pull)) return usageError(`invalid image pull policy: ${pull}`, PATH);
  return undefined;
}

/** BasicPod.Generate: the Pod for a name, its flags and the arguments after the name. */
function generatePod(name: string, podArgs: string[], flags: ParsedFlags): { pod: KObject } | { error: string } {
  const env = parseEnvs(flagArray(flags, 'env'));
  if ('error' in env) return env;
  const annotations = parsePairs(flagArray(flags, 'annotations'), 'annotations');
  if ('error' in annotations) return annotations;
  const labelSpec = flagString(flags, 'labels') ?? '';
  const labels = labelSpec !== '' ? parseLabelSpec(labelSpec) : { labels: { run: name } };
  if ('error' in labels) return labels;
  const stdin = flagBool(flags, 'stdin');
  const container: Record<string, unknown> = { name, image: flagString(flags, 'image') ?? '' };
  if (podArgs.length > 0) container[flagBool(flags, 'command') ? 'command' : 'args'] = podArgs;
  const port = flagString(flags, 'port') ?? '';
  if (port !== '') {
    const n = atoi(port);
    if ('error' in n) return n;
    container.ports = [{ containerPort: n.value }];
  }
  if (env.env.length > 0) container.env = env.env;
  container.resources = {};
  const pull = flagString(flags, 'image-pull-policy') ?? '';
  if (pull !== '') container.imagePullPolicy = pull;
  if (flagBool(flags, 'privileged')) container.securityContext = { privileged: true };
  if (stdin) container.stdin = true;
  if (stdin && !flagBool(flags, 'leave-stdin-open')) container.stdinOnce = true;
  if (flagBool(flags, 'tty')) container.tty = true;
  return {
    pod: {
      kind: 'Pod',
      apiVersion: 'v1',
      metadata: objectMeta({ name, labels: labels.labels, annotations: annotations.pairs }),
      spec: {
        containers: [container],
        restartPolicy: (flagString(flags, 'restart') ?? '') || 'Always',
        dnsPolicy: 'ClusterFirst',
      },
      status: {},
    },
  };
}

/** `run NAME --image=image [--env="key=value"] [--port=port] ... -- [COMMAND] [args...]`. */
export const run: GeneratorCommand = {
  ...RUN_SPEC,
  build(args, rest, flags, ctx): GeneratorResult {
    const required = missingRequired(flags, ['image']);
    if (required) return fail(required);
    const bad = checkOptions(args, flags);
    if (bad) return fail(bad);
    const generated = generatePod(args[0], [...args.slice(1), ...rest], flags);
    if ('error' in generated) return fail(generated.error);
    const overridden = applyOverrides(generated.pod, flagString(flags, 'overrides') ?? '', flagString(flags, 'override-type') ?? 'merge');
    if ('error' in overridden) return fail(overridden.error);
    const pod = overridden.object;
    const ns = enforcedNamespace(ctx);
    if (ns) pod.metadata = typedObjectMeta({ ...pod.metadata, namespace: ns });
    return ok(pod);
  },
};
