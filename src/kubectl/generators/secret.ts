// `kubectl create secret generic`: data from --from-literal, --from-file and --from-env-file, with
// --type and --append-hash; plus the Secret shape shared with the tls and docker-registry variants
// (kubectl pkg/cmd/create/create_secret.go).
import type { KObject } from '../../engine/api/types';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { base64Utf8, enforcedNamespace, fail, nameFromArgs, objectMeta, ok, sortedMap } from './common';
import { goQuote } from '../../engine/codec/go-quote';
import { secretHash } from './hash';
import { isConfigMapKey, parseLiteralSource, readEnvFileSource, readFileSource } from './sources';
import type { GeneratorCommand } from './types';
import { CREATE_SECRET_GENERIC_SPEC } from './specs';

/** Secret data under construction: key -> value (plain text; base64-encoded when built). */
export type SecretData = Map<string, string>;

/** addKeyFromLiteralToSecret: validates the key and refuses duplicates, with upstream's texts. */
export function addSecretKey(data: SecretData, key: string, value: string): string | undefined {
  const errs = isConfigMapKey(key);
  if (errs.length > 0) return `${goQuote(key)} is not valid key name for a Secret ${errs.join(';')}`;
  if (data.has(key)) return `cannot add key ${key}, another key by that name already exists`;
  data.set(key, value);
  return undefined;
}

/**
 * The Secret as newSecretObj builds it (data base64, type omitted when empty), named
 * `<name>-<hash>` when appendHash is set.
 */
export function buildSecret(name: string, namespace: string | undefined, type: string, data: SecretData, appendHash: boolean): KObject {
  const encoded: Record<string, string> = {};
  for (const [k, v] of data) encoded[k] = base64Utf8(v);
  const finalName = appendHash ? `${name}-${secretHash(name, type, encoded)}` : name;
  const secret: KObject = { kind: 'Secret', apiVersion: 'v1', metadata: objectMeta({ name: finalName, namespace }) };
  if (data.size > 0) secret.data = sortedMap(encoded);
  if (type) secret.type = type;
  return secret;
}

const PATH = CREATE_SECRET_GENERIC_SPEC.path;

/** `create secret generic NAME [--type=string] [--from-file=[key=]source] [--from-literal=key1=value1]`. */
export const createSecretGeneric: GeneratorCommand = {
  ...CREATE_SECRET_GENERIC_SPEC,
  build(args, _rest, flags, ctx) {
    const named = nameFromArgs(args, PATH);
    if ('error' in named) return fail(named.error);
    const files = flagArray(flags, 'from-file');
    const literals = flagArray(flags, 'from-literal');
    const envFiles = flagArray(flags, 'from-env-file');
    if (envFiles.length > 0 && (files.length > 0 || literals.length > 0)) {
      return fail('from-env-file cannot be combined with from-file or from-literal');
    }
    const data: SecretData = new Map();
    // Upstream's order: literals, then files, then env files (it decides which duplicate fails).
    for (const lit of literals) {
      const p = parseLiteralSource(lit);
      if ('error' in p) return fail(p.error);
      const err = addSecretKey(data, p.key, p.value);
      if (err) return fail(err);
    }
    for (const src of files) {
      const r = readFileSource(src, ctx);
      if ('error' in r) return fail(r.error);
      for (const [k, v] of r.entries) {
        const err = addSecretKey(data, k, v);
        if (err) return fail(err);
      }
    }
    for (const path of envFiles) {
      const r = readEnvFileSource(path, ctx, 'env secret file cannot be a directory');
      if ('error' in r) return fail(r.error);
      for (const [k, v] of r.pairs) {
        const err = addSecretKey(data, k, v);
        if (err) return fail(err);
      }
    }
    return ok(buildSecret(named.name, enforcedNamespace(ctx), flagString(flags, 'type') ?? '', data, flagBool(flags, 'append-hash')));
  },
};
