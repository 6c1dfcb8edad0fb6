// RFC 6902 JSON Patch, behaving like gopkg.in/evanphx/json-patch.v4 (v4.12.0), the library the
// apiserver applies `application/json-patch+json` with, quirks and error texts included.

import { PatchError, badRequest, unprocessable } from './errors';
import { deepClone, deepEqual, isMap, kindOf, type JMap } from './json-util';

/** The apiserver's cap on the number of operations in one JSON patch. */
export const MAX_JSON_PATCH_OPERATIONS = 10000;

const MISSING = 'missing value';
const INVALID_INDEX = 'invalid index referenced';
const TEST_FAILED = 'test failed';

// Errors here are Go error chains: each wrap prefixes "<msg>: ". Apply failures become 422s.
class OpError extends Error {}
const wrap = (msg: string, cause: string): OpError => new OpError(`${msg}: ${cause}`);

// Go's json error for a value of the wrong type, as DecodePatch / Operation.Path report it.
function goJsonTypeName(v: unknown): string {
  const k = kindOf(v);
  return k === 'map' ? 'object' : k === 'slice' ? 'array' : k;
}

type Op = JMap | null;
type Container = JMap | unknown[];

/**
 * Validates a decoded patch document the way DecodePatch does. Throws PatchError (400) when the
 * patch is not a list of objects, 413 when it has more operations than the apiserver allows.
 */
export function decodeJsonPatch(ops: unknown): Op[] {
  if (ops === null || ops === undefined) return [];
  if (!Array.isArray(ops)) {
    throw badRequest(`json: cannot unmarshal ${goJsonTypeName(ops)} into Go value of type jsonpatch.Patch`);
  }
  for (const op of ops) {
    if (op !== null && !isMap(op)) {
      throw badRequest(`json: cannot unmarshal ${goJsonTypeName(op)} into Go value of type jsonpatch.Operation`);
    }
  }
  if (ops.length > MAX_JSON_PATCH_OPERATIONS) {
    throw new PatchError(
      `The allowed maximum operations in a JSON patch is ${MAX_JSON_PATCH_OPERATIONS}, got ${ops.length}`,
      { code: 413, reason: 'RequestEntityTooLarge' },
    );
  }
  return ops as Op[];
}

/**
 * Applies an RFC 6902 patch to a copy of `doc` and returns it. Throws PatchError: 400 for a patch
 * that does not decode, 422 (the apiserver's generic "rejected our request" Status, with the
 * library text in `message`) for an operation that does not apply.
 */
export function applyJsonPatch(doc: unknown, ops: unknown): unknown {
  const list = decodeJsonPatch(ops);
  if (!isMap(doc) && !Array.isArray(doc)) {
    throw badRequest(`json: cannot unmarshal ${goJsonTypeName(doc)} into Go value of type jsonpatch.partialDoc`);
  }
  const state = { root: deepClone(doc) as Container };
  for (const op of list) {
    try {
      applyOne(state, op);
    } catch (e) {
      if (e instanceof OpError) throw unprocessable(e.message);
      throw e;
    }
  }
  return state.root;
}

function opKind(op: Op): string {
  const k = op?.['op'];
  return typeof k === 'string' ? k : 'unknown';
}

// Operation.Path / From: a missing (or null) field wraps ErrMissing, a non-string is a decode error.
function opString(op: Op, field: 'path' | 'from'): { ok: true; v: string } | { ok: false; err: string } {
  const v = op?.[field];
  if (v === null || v === undefined) {
    const what = field === 'path' ? 'operation missing path field' : 'operation, missing from field';
    return { ok: false, err: `${what}: ${MISSING}` };
  }
  if (typeof v !== 'string') return { ok: false, err: `json: cannot unmarshal ${goJsonTypeName(v)} into Go value of type string` };
  return { ok: true, v };
}

// The value of the op: undefined when absent (a nil node); JSON null otherwise stays null.
function opValue(op: Op): unknown {
  const v = op?.['value'];
  return v === undefined ? null : deepClone(v);
}

function decodeKey(k: string): string {
  return k.replace(/~[01]/g, (m) => (m === '~1' ? '/' : '~'));
}

// strconv.Atoi: optional sign, decimal digits; errors spelled as Go spells them.
function atoi(s: string): number {
  if (!/^[+-]?\d+$/.test(s)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: invalid syntax`);
  const n = Number(s);
  if (!Number.isSafeInteger(n)) throw new OpError(`strconv.Atoi: parsing ${JSON.stringify(s)}: value out of range`);
  return n;
}

const badIndex = (idx: number): OpError => wrap(`Unable to access invalid index: ${idx}`, INVALID_INDEX);

// get: objects answer null for a missing key (no error); arrays check the index.
function get(c: Container, key: string): unknown {
  if (!Array.isArray(c)) return Object.hasOwn(c, key) ? c[key] : null;
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -c.length) throw badIndex(idx);
    idx += c.length;
  }
  if (idx >= c.length) throw badIndex(idx);
  return c[idx];
}

function set(c: Container, key: string, val: unknown): void {
  if (!Array.isArray(c)) {
    c[key] = val;
    return;
  }
  let idx = atoi(key);
  if (idx < 0) {
    if (idx < -c.length) throw badIndex(idx);
    idx += c.length;
  }
  c[idx] = val;
}

function add(c: Container, key: string, val: unknown): void {
  if (!Array.isArray(c)) {
    c[key] = val;
    return;
  }
  if (key === '-') {
    c.push(val);
    return;
  }
  let idx: number;
  try {
    idx = atoi(key);
  } catch (e) {
    throw wrap(`value was not a proper array index: '${key}'`, (e as Error).message);
  }
  const size = c.length + 1;
  if (idx >= size) throw badIndex(idx);
  if (idx < 0) {
    if (idx < -size) throw badIndex(idx);
    idx += size;
  }
  c.splice(idx, 0, val);
}

function remove(c: Container, key: string): void {
  if (!Array.isArray(c)) {
    if (!Object.hasOwn(c, key)) throw wrap(`Unable to remove nonexistent key: ${key}`, MISSING);
    delete c[key];
    return;
  }
  let idx = atoi(key);
  if (idx >= c.length) throw badIndex(idx);
  if (idx < 0) {
    if (idx < -c.length) throw badIndex(idx);
    idx += c.length;
  }
  c.splice(idx, 1);
}

// findObject: walks every segment but the last (the first segment is skipped, as upstream
// splits on "/" and drops element 0). A null, scalar or missing step means "missing path".
function findObject(root: Container, path: string): { c: Container; key: string } | null {
  const split = path.split('/');
  if (split.length < 2) return null;
  let doc: Container = root;
  for (const part of split.slice(1, -1)) {
    let next: unknown;
    try {
      next = get(doc, decodeKey(part));
    } catch {
      return null;
    }
    if (!isMap(next) && !Array.isArray(next)) return null;
    doc = next;
  }
  return { c: doc, key: decodeKey(split[split.length - 1]) };
}

function applyOne(state: { root: Container }, op: Op): void {
  const kind = opKind(op);
  switch (kind) {
    case 'add':
      return opAdd(state.root, op);
    case 'remove':
      return opRemove(state.root, op);
    case 'replace':
      return opReplace(state, op);
    case 'move':
      return opMove(state.root, op);
    case 'test':
      return opTest(state.root, op);
    case 'copy':
      return opCopy(state.root, op);
    default:
      throw new OpError(`Unexpected kind: ${kind}`);
  }
}

function opAdd(root: Container, op: Op): void {
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('add operation failed to decode path', MISSING);
  const found = findObject(root, p.v);
  if (!found) throw wrap(`add operation does not apply: doc is missing path: "${p.v}"`, MISSING);
  try {
    add(found.c, found.key, opValue(op));
  } catch (e) {
    throw wrap(`error in add for path: '${p.v}'`, (e as Error).message);
  }
}

function opRemove(root: Container, op: Op): void {
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('remove operation failed to decode path', MISSING);
  const found = findObject(root, p.v);
  if (!found) throw wrap(`remove operation does not apply: doc is missing path: "${p.v}"`, MISSING);
  try {
    remove(found.c, found.key);
  } catch (e) {
    throw wrap(`error in remove for path: '${p.v}'`, (e as Error).message);
  }
}

function opReplace(state: { root: Container }, op: Op): void {
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('replace operation failed to decode path', p.err);
  if (p.v === '') {
    const v = opValue(op);
    // Upstream wraps a nil error here, which is nil: a scalar root value is silently ignored.
    if (isMap(v) || Array.isArray(v)) state.root = v;
    return;
  }
  const found = findObject(state.root, p.v);
  if (!found) throw wrap(`replace operation does not apply: doc is missing path: ${p.v}`, MISSING);
  try {
    get(found.c, found.key);
  } catch {
    throw wrap(`replace operation does not apply: doc is missing key: ${p.v}`, MISSING);
  }
  // v4 quirk: a missing key of an object is not an error; replace then adds it.
  set(found.c, found.key, opValue(op));
}

function opMove(root: Container, op: Op): void {
  const f = opString(op, 'from');
  if (!f.ok) throw wrap('move operation failed to decode from', f.err);
  let found = findObject(root, f.v);
  if (!found) throw wrap(`move operation does not apply: doc is missing from path: ${f.v}`, MISSING);
  let val: unknown;
  try {
    val = get(found.c, found.key);
    remove(found.c, found.key);
  } catch (e) {
    throw wrap(`error in move for path: '${found.key}'`, (e as Error).message);
  }
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('move operation failed to decode path', p.err);
  found = findObject(root, p.v);
  if (!found) throw wrap(`move operation does not apply: doc is missing destination path: ${p.v}`, MISSING);
  try {
    add(found.c, found.key, val);
  } catch (e) {
    throw wrap(`error in move for path: '${p.v}'`, (e as Error).message);
  }
}

function opTest(root: Container, op: Op): void {
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('test operation failed to decode path', p.err);
  const failed = (): OpError => wrap(`testing value ${p.v} failed`, TEST_FAILED);
  if (p.v === '') {
    if (!deepEqual(root, op?.['value'])) throw failed();
    return;
  }
  const found = findObject(root, p.v);
  if (!found) throw wrap(`test operation does not apply: is missing path: ${p.v}`, MISSING);
  let val: unknown;
  try {
    val = get(found.c, found.key);
  } catch (e) {
    throw wrap(`error in test for path: '${p.v}'`, (e as Error).message);
  }
  const want = op?.['value'];
  // A missing key and a null value are the same nil node upstream.
  if (val === null || val === undefined) {
    if (want === null) return;
    throw failed();
  }
  if (want === undefined || !deepEqual(val, want)) throw failed();
}

function opCopy(root: Container, op: Op): void {
  const f = opString(op, 'from');
  if (!f.ok) throw wrap('copy operation failed to decode from', f.err);
  let found = findObject(root, f.v);
  if (!found) throw wrap(`copy operation does not apply: doc is missing from path: ${f.v}`, MISSING);
  let val: unknown;
  try {
    val = get(found.c, found.key);
  } catch (e) {
    throw wrap(`error in copy for from: '${f.v}'`, (e as Error).message);
  }
  const p = opString(op, 'path');
  if (!p.ok) throw wrap('copy operation failed to decode path', MISSING);
  found = findObject(root, p.v);
  if (!found) throw wrap(`copy operation does not apply: doc is missing destination path: ${p.v}`, MISSING);
  try {
    add(found.c, found.key, deepClone(val));
  } catch (e) {
    throw wrap('error while adding value during copy', (e as Error).message);
  }
}
