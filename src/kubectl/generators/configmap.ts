// `kubectl create configmap`: data from --from-file, --from-literal and --from-env-file, with
// --append-hash (kubectl pkg/cmd/create/create_configmap.go).
import type { KObject } from '../../engine/api/types';
import { flagArray, flagBool } from '../cli/flags';
import { enforcedNamespace, fail, nameFromArgs, objectMeta, ok, sortedMap } from './common';
import { goQuote } from '../../engine/codec/go-quote';
import { configMapHash } from './hash';
import { isConfigMapKey, parseLiteralSource, readEnvFileSource, readFileSource } from './sources';
import type { GeneratorCommand } from './types';
import { CREATE_CONFIG_MAP_SPEC } from './specs';

/** validateNewConfigMap + addKeyFromLiteralToConfigMap, with upstream's messages. */
export function addConfigMapKey(data: Map<string, string>, cmName: string, key: string, value: string): string | undefined {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) return `${goQuote(key)} is not a valid key name for a ConfigMap: ${errs.join(',')}`;
  if (data.has(key)) {
    return `cannot add key ${goQuote(key)}, another key by that name already exists in Data for ConfigMap ${goQuote(cmName)}`;
  }
  data.set(key, value);
  return undefined;
}

const PATH = CREATE_CONFIG_MAP_SPEC.path;

/** `create configmap NAME [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export const createConfigMap: GeneratorCommand = {
  ...CREATE_CONFIG_MAP_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const name = named.name;
    const files = flagArray(flags, 'from-file');
    const literals = flagArray(flags, 'from-literal');
    const envFiles = flagArray(flags, 'from-env-file');
    if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
      return fail('from-env-file cannot be combined with from-file or from-literal');
    }
    const data = new Map<string, string>();
    // Upstream's order: files, then literals, then env files. Contents are text: binaryData (files
    // that are not valid UTF-8) cannot arise because the context hands back strings.
    for (const src of files) {
      const r = readFileSource(src, ctx);
      if ('error' in r) return fail(r.error);
      for (const [k, v] of r.entries) {
        const err = addConfigMapKey(data, name, k, v);
        if (err) return fail(err);
      }
    }
    for (const lit of literals) {
      const p = parseLiteralSource(lit);
      if ('error' in p) return fail(p.error);
      const err = addConfigMapKey(data, name, p.key, p.value);
      if (err) return fail(err);
    }
    for (const path of envFiles) {
      const r = readEnvFileSource(path, ctx, 'env config file cannot be a directory');
      if ('error' in r) return fail(r.error);
      for (const [k, v] of r.pairs) {
        const err = addConfigMapKey(data, name, k, v);
        if (err) return fail(err);
      }
    }
    const plain = Object.fromEntries(data);
    const finalName = flagBool(flags, 'append-hash') ? `${name}-${configMapHash(name, plain)}` : name;
    const cm: KObject = {
      kind: 'ConfigMap',
      apiVersion: 'v1',
      metadata: objectMeta({ name: finalName, namespace: enforcedNamespace(ctx) }),
    };
    if (data.size > 0) cm.data = sortedMap(plain);
    return ok(cm);
  },
};
