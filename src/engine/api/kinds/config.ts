// Secret and ConfigMap: defaults (Secret type Opaque, stringData folded into data as the v1
// conversion does), validation (keys, sizes, per-type required keys) and `immutable` on update.

import type { FieldError } from '../strategy';
import type { Obj } from '../validation/json';
import { getObj, isObj, sortedKeys, str, deepEqual, setDefaultStr } from '../validation/json';
import { invalid, required, forbidden, tooLong, key } from '../validation/field';
import { isConfigMapKey, nameIsDNSSubdomain, byteLength } from '../validation/names';
import { validateObjectMeta, validateObjectMetaUpdate, validateImmutable } from '../validation/objectmeta';
import { asObj } from './common';
import type { KindBehaviour } from './types';

/** MaxSecretSize: 1 MiB of data (ConfigMaps share the limit). */
export const MAX_SECRET_SIZE = 1024 * 1024;
const IMMUTABLE = 'field is immutable when `immutable` is set';

const B64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Standard base64 of a string's UTF-8 bytes (no DOM/Node helpers in the engine). */
export function base64Utf8(s: string): string {
  const bytes: number[] = [];
  for (const ch of s) {
    const c = ch.codePointAt(0) ?? 0;
    if (c < 0x80) bytes.push(c);
    else if (c < 0x800) bytes.push(0xc0 | (c >> 6), 0x80 | (c & 63));
    else if (c < 0x10000) bytes.push(0xe0 | (c >> 12), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
    else bytes.push(0xf0 | (c >> 18), 0x80 | ((c >> 12) & 63), 0x80 | ((c >> 6) & 63), 0x80 | (c & 63));
  }
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const n = (bytes[i] << 16) | ((bytes[i + 1] ?? 0) << 8) | (bytes[i + 2] ?? 0);
    out += B64[(n >> 18) & 63] + B64[(n >> 12) & 63];
    out += i + 1 < bytes.length ? B64[(n >> 6) & 63] : '=';
    out += i + 2 < bytes.length ? B64[n & 63] : '=';
  }
  return out;
}

/** Decoded byte length of a base64 string. */
function b64Bytes(v: unknown): number {
  if (typeof v !== 'string') return 0;
  const clean = v.replace(/=+$/, '');
  return Math.floor((clean.length * 3) / 4);
}

function validateKeys(map: unknown, path: string): FieldError[] {
  const errs: FieldError[] = [];
  for (const k of sortedKeys(isObj(map) ? map : undefined)) for (const m of isConfigMapKey(k)) errs.push(invalid(key(path, k), k, m));
  return errs;
}

function validateSecretType(s: Obj): FieldError[] {
  const data = getObj(s, 'data') ?? {};
  const has = (k: string): boolean => b64Bytes(data[k]) > 0;
  switch (str(s, 'type')) {
    case 'kubernetes.io/service-account-token':
      return str(getObj(getObj(s, 'metadata'), 'annotations'), 'kubernetes.io/service-account.name')
        ? []
        : [required('metadata.annotations[kubernetes.io/service-account.name]')];
    case 'kubernetes.io/dockercfg':
      return data['.dockercfg'] === undefined ? [required('data[.dockercfg]')] : [];
    case 'kubernetes.io/dockerconfigjson':
      return data['.dockerconfigjson'] === undefined ? [required('data[.dockerconfigjson]')] : [];
    case 'kubernetes.io/basic-auth':
      return !has('username') && !has('password') ? [required('data[username]'), required('data[password]')] : [];
    case 'kubernetes.io/ssh-auth':
      return !has('ssh-privatekey') ? [required('data[ssh-privatekey]')] : [];
    case 'kubernetes.io/tls': {
      const errs: FieldError[] = [];
      if (data['tls.crt'] === undefined) errs.push(required('data[tls.crt]'));
      if (data['tls.key'] === undefined) errs.push(required('data[tls.key]'));
      return errs;
    }
    default:
      return [];
  }
}

function validateSecret(s: Obj): FieldError[] {
  const errs = validateObjectMeta(s.metadata, true, nameIsDNSSubdomain);
  errs.push(...validateKeys(s.data, 'data'));
  const data = getObj(s, 'data') ?? {};
  const size = Object.values(data).reduce<number>((n, v) => n + b64Bytes(v), 0);
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('data', MAX_SECRET_SIZE));
  errs.push(...validateSecretType(s));
  return errs;
}

function validateImmutableData(o: Obj, p: Obj, fields: string[]): FieldError[] {
  if (p.immutable !== true) return [];
  const errs: FieldError[] = [];
  if (o.immutable !== true) errs.push(forbidden('immutable', IMMUTABLE));
  for (const f of fields) if (!deepEqual(o[f] ?? {}, p[f] ?? {})) errs.push(forbidden(f, IMMUTABLE));
  return errs;
}

export const secretStrategy: KindBehaviour = {
  defaults(obj) {
    const s = asObj(obj);
    setDefaultStr(s, 'type', 'Opaque');
    const sd = getObj(s, 'stringData');
    if (sd) {
      const data = isObj(s.data) ? s.data : (s.data = {});
      for (const k of Object.keys(sd)) data[k] = base64Utf8(String(sd[k] ?? ''));
      delete s.stringData;
    }
  },
  validate: (obj) => validateSecret(asObj(obj)),
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const errs = validateObjectMetaUpdate(o.metadata, p.metadata);
    errs.push(...validateImmutable(str(o, 'type'), str(p, 'type'), 'type'));
    errs.push(...validateImmutableData(o, p, ['data']));
    errs.push(...validateSecret(o).filter((e) => !e.field.startsWith('metadata.')));
    return errs;
  },
};

function validateConfigMap(c: Obj): FieldError[] {
  const errs = validateObjectMeta(c.metadata, true, nameIsDNSSubdomain);
  const data = getObj(c, 'data') ?? {};
  const binary = getObj(c, 'binaryData') ?? {};
  let size = 0;
  for (const k of sortedKeys(data)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('data', k), k, m));
    size += byteLength(String(data[k] ?? ''));
  }
  for (const k of sortedKeys(binary)) {
    for (const m of isConfigMapKey(k)) errs.push(invalid(key('binaryData', k), k, m));
    if (data[k] !== undefined) errs.push(invalid(key('binaryData', k), k, 'duplicate of key present in data'));
    size += b64Bytes(binary[k]);
  }
  if (size > MAX_SECRET_SIZE) errs.push(tooLong('', MAX_SECRET_SIZE));
  return errs;
}

export const configMapStrategy: KindBehaviour = {
  validate: (obj) => validateConfigMap(asObj(obj)),
  validateUpdate(obj, old) {
    const o = asObj(obj);
    const p = asObj(old);
    const errs = validateObjectMetaUpdate(o.metadata, p.metadata);
    errs.push(...validateImmutableData(o, p, ['data', 'binaryData']));
    errs.push(...validateConfigMap(o).filter((e) => !e.field.startsWith('metadata.')));
    return errs;
  },
};
