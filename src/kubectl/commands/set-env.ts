// `kubectl set env` (kubectl pkg/cmd/set/set_env.go): KEY=VAL and KEY- arguments, -e, --from a
// secret or configmap (with --prefix, --keys), --list, -c, --overwrite; `env updated`.

import type { Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { makeCtx, type Ctx } from '../context';
import type { J } from '../describe/values';
import { CmdError } from '../errors';
import { podSpecOf, runSet, selectContainers, splitResourcesAndPairs, type MutationResult } from './set-common';
import { collectTargets, fetchTarget } from './targets';

const ENV_NAME = /^[-._a-zA-Z][-._a-zA-Z0-9]*$/;
const ENV_NAME_ERROR =
  "a valid environment variable name must consist of alphabetic characters, digits, '_', '-', or '.', and must not start with a digit (e.g. 'my.env-name',  or 'MY_ENV.NAME',  or 'MyEnvName1', regex used for validation is '[-._a-zA-Z][-._a-zA-Z0-9]*')";

/** ParseEnv: `K=V` sets, `K-` removes; names are validated as upstream. */
export function parseEnv(specs: string[]): { set: Array<{ name: string; value: string }>; remove: string[] } {
  const set: Array<{ name: string; value: string }> = [];
  const remove: string[] = [];
  for (const s of specs) {
    const i = s.indexOf('=');
    if (i >= 0) {
      const name = s.slice(0, i);
      if (!ENV_NAME.test(name)) throw new CmdError(`"${name}" is not a valid key name: ${ENV_NAME_ERROR}`);
      set.push({ name, value: s.slice(i + 1) });
    } else if (s.endsWith('-')) {
      remove.push(s.slice(0, -1));
    } else {
      throw new CmdError(`unknown environment variable: ${s}`);
    }
  }
  for (const r of remove) if (set.some((e) => e.name === r)) throw new CmdError('can not both modify and remove the same environment variable in the same command');
  return { set, remove };
}

/** keyToEnvName: a data key as an environment variable name (`db-user` -> `DB_USER`). */
export function keyToEnvName(key: string): string {
  return key.replace(/[^A-Za-z0-9_]/g, '_').toUpperCase();
}

/** The env lines `--list` prints for one container. */
export function listEnv(kind: string, name: string, c: J): string {
  let out = `# ${kind} ${name}, container ${c.name}\n`;
  for (const e of (c.env ?? []) as J[]) {
    const from = e.valueFrom;
    if (e.value !== undefined && e.value !== '') out += `${e.name}=${e.value}\n`;
    else if (!from) out += `${e.name}=\n`;
    else if (from.secretKeyRef) out += `# ${e.name} from secret ${from.secretKeyRef.name}, key ${from.secretKeyRef.key}\n`;
    else if (from.configMapKeyRef) out += `# ${e.name} from configmap ${from.configMapKeyRef.name}, key ${from.configMapKeyRef.key}\n`;
    else if (from.fieldRef) out += `# ${e.name} from field path ${from.fieldRef.fieldPath}\n`;
    else if (from.resourceFieldRef) out += `# ${e.name} from resource field ${from.resourceFieldRef.resource}\n`;
  }
  return out;
}

/** updateEnv on each selected container: replace by name (or refuse without --overwrite), append, remove. */
export function applyEnv(obj: J, pattern: string, add: J[], remove: string[], overwrite: boolean): MutationResult {
  const spec = podSpecOf(obj);
  const selected = selectContainers([...(spec.initContainers ?? []), ...(spec.containers ?? [])], pattern);
  if (selected.length === 0) return { errors: [], warnings: [`${obj.kind}/${obj.metadata?.name} does not have any containers matching "${pattern}"`] };
  const errors: string[] = [];
  for (const c of selected) {
    const env: J[] = [...(c.env ?? [])];
    for (const e of add) {
      const i = env.findIndex((x) => x.name === e.name);
      if (i >= 0 && !overwrite) errors.push(`'${e.name}' already has a value (${env[i].value ?? ''}), and --overwrite is false`);
      else if (i >= 0) env[i] = e;
      else env.push(e);
    }
    const kept = env.filter((x) => !remove.includes(x.name));
    if (kept.length > 0) c.env = kept;
    else delete c.env;
  }
  return { errors };
}

async function fromSource(ctx: Ctx, from: string, prefix: string, keys: string[]): Promise<J[]> {
  const m = /^(secret|secrets|configmap|configmaps|cm)\/(.+)$/.exec(from);
  if (!m) throw new CmdError('unsupported resource specified in --from');
  const secret = m[1].startsWith('secret');
  const mapping = await ctx.discovery.resolve(secret ? 'secrets' : 'configmaps');
  const obj = (await fetchTarget(ctx, { mapping, namespace: ctx.namespace, name: m[2] })) as J;
  const data = Object.keys({ ...(obj.data ?? {}), ...(secret ? {} : (obj.binaryData ?? {})) }).sort();
  const picked = keys.length ? data.filter((k) => keys.includes(k)) : data;
  return picked.map((key) => ({
    name: prefix + keyToEnvName(key),
    valueFrom: secret ? { secretKeyRef: { name: m[2], key } } : { configMapKeyRef: { name: m[2], key } },
  }));
}

export async function runSetEnv(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const { resources, pairs } = splitResourcesAndPairs(inv.args, (a) => a.includes('=') || a.endsWith('-'));
  if (resources.length === 0 && flagArray(f, 'filename').length === 0) {
    throw new CmdError('one or more resources must be specified as <resource> <name> or <resource>/<name>');
  }
  const list = flagBool(f, 'list');
  if (list && (flagString(f, 'output') ?? '') !== '') throw new CmdError('--list and --output may not be specified together');
  const from = flagString(f, 'from') ?? '';
  const keys = flagArray(f, 'keys');
  if (keys.length > 0 && from === '') throw new CmdError('when specifying --keys, a configmap or secret must be provided with --from');
  const pattern = flagString(f, 'containers') || '*';
  const parsed = parseEnv([...flagArray(f, 'env'), ...pairs]);
  if (list) {
    for (const t of await collectTargets(ctx, resources, { allowSelector: true, allowAll: true })) {
      const obj = (await fetchTarget(ctx, t)) as J;
      const spec = podSpecOf(JSON.parse(JSON.stringify(obj)));
      if (!spec) continue;
      for (const c of selectContainers([...(spec.initContainers ?? []), ...(spec.containers ?? [])], pattern)) ctx.out(listEnv(obj.kind, obj.metadata.name, c));
    }
    return 0;
  }
  const add: J[] = [...(from ? await fromSource(ctx, from, flagString(f, 'prefix') ?? '', keys) : []), ...parsed.set];
  const overwrite = f.values.get('overwrite') !== false;
  return runSet(ctx, resources, 'env updated', (obj) => applyEnv(obj, pattern, add, parsed.remove, overwrite));
}

