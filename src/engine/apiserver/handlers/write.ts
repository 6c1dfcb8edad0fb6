// Create and update as the generic registry store does them (apiserver registry/generic/registry
// store.go): name generation, server-set metadata, status reset / status subresource, generation
// bumps, defaulting, admission, validation, optimistic concurrency, dry run.

import type { ResourceType } from '../../api/registry';
import { clone, dropUndefined, type KObject } from '../../api/types';
import { invalidStatus } from '../../api/validation/field-error';
import type { FieldError } from '../../api/strategy';
import { StoreError } from '../../store/errors';
import { rfc3339 } from '../../util/time';
import { kindKey, storeKey, type ServerContext } from '../context';
import { GENERATION_KINDS, RESET_STATUS_ON_CREATE, generateName, jsonEqual, newUid, nullEmbeddedTimestamps, specEqual } from '../meta';
import { ApiError, alreadyExists, badRequest, conflict, notFound } from '../status';
import { groupVersion } from '../../api/registry';
import { prepareForCreate, prepareForUpdate } from '../../api/kinds';
import { pruneUnknownFields, strictDecodingError, type FieldValidation, type SharedParts } from '../field-validation';
import { checkSecretData } from '../secret-decode';

export interface WriteOptions {
  dryRun: boolean;
  /** The subresource written (`status`), if any. */
  subresource?: string;
  /** What to do with fields the schema does not know (default Warn, as upstream). */
  fieldValidation?: FieldValidation;
  /** Collects warnings for the response (`Warning:` headers upstream). */
  warnings?: string[];
  /** The body is handed over by an in-process caller (ApiRequest.handOver): kept, not copied. */
  handOver?: boolean;
}

/** Drops unknown fields, refusing them in Strict mode or warning about them in Warn mode. */
export function checkFields(t: ResourceType, obj: KObject, opts: WriteOptions, shared?: SharedParts): void {
  const unknown = pruneUnknownFields(t, obj, shared);
  if (unknown.length === 0) return;
  const mode = opts.fieldValidation ?? 'Warn';
  if (mode === 'Strict') throw strictDecodingError(t, unknown);
  if (mode === 'Warn') for (const u of unknown) opts.warnings?.push(`unknown field "${u}"`);
}

/**
 * Checks that a body is an object of the endpoint's kind and namespace; returns a private copy,
 * or with `only`, a shallow copy whose listed top-level fields are private and the rest shared.
 */
export function decodeBody(t: ResourceType, namespace: string | undefined, body: unknown, only?: ReadonlySet<string>, handOver = false): KObject {
  if (body === null || typeof body !== 'object' || Array.isArray(body)) {
    throw badRequest('the body of the request was in an unknown format');
  }
  // A handed-over body becomes the private copy itself, normalised as clone() would leave it.
  const obj = only ? partialCopy(body as KObject, only, handOver) : handOver ? dropUndefined(body as KObject) : clone(body as KObject);
  const gv = groupVersion(t);
  if (obj.apiVersion === undefined || obj.apiVersion === '') obj.apiVersion = gv;
  if (obj.kind === undefined || obj.kind === '') obj.kind = t.kind;
  if (obj.apiVersion !== gv || obj.kind !== t.kind) {
    throw badRequest(`the API version in the data (${obj.apiVersion}) does not match the expected API version (${gv})`);
  }
  // Secret data must be base64 (the typed decoder refuses it otherwise).
  checkSecretData(t, obj);
  if (obj.metadata === undefined || obj.metadata === null) obj.metadata = {};
  if (typeof obj.metadata !== 'object' || Array.isArray(obj.metadata)) throw badRequest('metadata must be an object');
  if (t.namespaced) {
    const ns = obj.metadata.namespace;
    if (ns !== undefined && ns !== '' && namespace !== undefined && ns !== namespace) {
      throw badRequest('the namespace of the provided object does not match the namespace sent on the request');
    }
    if (namespace !== undefined) obj.metadata.namespace = namespace;
  } else {
    delete obj.metadata.namespace;
  }
  return obj;
}

function partialCopy(body: KObject, only: ReadonlySet<string>, handOver = false): KObject {
  const out: Record<string, unknown> = {};
  for (const k of Object.keys(body)) {
    const v = (body as Record<string, unknown>)[k];
    if (v !== undefined) out[k] = only.has(k) ? (handOver ? dropUndefined(v) : clone(v)) : v;
  }
  return out as KObject;
}

/** What a /status write keeps from its body (prepareUpdate reads nothing else). */
const STATUS_WRITE_KEYS: ReadonlySet<string> = new Set(['apiVersion', 'kind', 'metadata', 'status']);
/** The stored object of a status write to a missing object: nothing to share with. */
const NOTHING_STORED = Object.freeze({}) as KObject;

function throwIfInvalid(t: ResourceType, name: string, errs: FieldError[] | undefined): void {
  if (errs && errs.length > 0) throw new ApiError(invalidStatus(t.group, t.kind, name, errs));
}

/** POST to a collection. */
export function createObject(ctx: ServerContext, t: ResourceType, namespace: string | undefined, body: unknown, opts: WriteOptions): KObject {
  const obj = decodeBody(t, namespace, body, undefined, opts.handOver === true);
  checkFields(t, obj, opts);
  const meta = obj.metadata;
  if ((meta.name === undefined || meta.name === '') && meta.generateName) meta.name = generateName(meta.generateName, ctx.random);
  const name = meta.name ?? '';
  // Server-owned metadata (BeforeCreate / FillObjectMetaSystemFields).
  meta.uid = newUid(ctx.random);
  meta.creationTimestamp = rfc3339(ctx.clock.now());
  delete meta.resourceVersion;
  delete meta.deletionTimestamp;
  delete meta.deletionGracePeriodSeconds;
  delete meta.managedFields;
  if (GENERATION_KINDS.has(kindKey(t))) meta.generation = 1;
  else delete meta.generation;
  if (RESET_STATUS_ON_CREATE.has(kindKey(t))) delete obj.status;
  const strategy = ctx.strategyFor(t);
  strategy.defaults?.(obj);
  nullEmbeddedTimestamps(kindKey(t), obj);
  const attrs = { operation: 'CREATE' as const, type: t, namespace: meta.namespace ?? '', name, object: obj, dryRun: opts.dryRun };
  for (const p of ctx.admission) p.admit?.(attrs, ctx);
  prepareForCreate(t.group, t.kind, obj);
  throwIfInvalid(t, name, strategy.validate?.(obj));
  for (const p of ctx.admission) p.validate?.(attrs, ctx);
  if (opts.dryRun) {
    if (ctx.store.get(storeKey(t), meta.namespace ?? '', name)) throw alreadyExists(t.group, t.plural, name);
    return obj;
  }
  try {
    // obj is this request's own decoded copy: the store keeps it rather than copying it.
    return ctx.store.create(storeKey(t), obj, true);
  } catch (e) {
    if (e instanceof StoreError && e.code === 'AlreadyExists') throw alreadyExists(t.group, t.plural, name);
    throw e;
  }
}

/**
 * PUT of an object (or of its status subresource). The body's resourceVersion, when set, must
 * be current. Spec writes keep the stored status; status writes keep everything else.
 */
export function updateObject(
  ctx: ServerContext,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  body: unknown,
  opts: WriteOptions,
): KObject {
  // A /status write (a kubelet's, every few seconds per pod) copies only what it keeps.
  const statusOnly = opts.subresource === 'status' && !t.custom;
  // Only a status write takes a handed-over body (its status is what gets stored).
  const obj = decodeBody(t, namespace, body, statusOnly ? STATUS_WRITE_KEYS : undefined, statusOnly && opts.handOver === true);
  const old = ctx.store.get(storeKey(t), namespace ?? '', name);
  // The non-status parts of a status write are the caller's (maybe frozen) objects: only reported,
  // never pruned, even when nothing is stored (the write then ends in 404 Not Found, not a throw).
  checkFields(t, obj, opts, statusOnly ? { privateKeys: STATUS_WRITE_KEYS, stored: old ?? NOTHING_STORED } : undefined);
  if (obj.metadata.name !== undefined && obj.metadata.name !== name) {
    throw badRequest(`the name of the object (${obj.metadata.name}) does not match the name on the URL (${name})`);
  }
  obj.metadata.name = name;
  if (!old) throw notFound(t.group, t.plural, name);
  const rv = obj.metadata.resourceVersion;
  if (rv !== undefined && rv !== '' && rv !== old.metadata.resourceVersion) {
    throw conflict(t.group, t.plural, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const next = prepareUpdate(ctx, t, obj, old, opts);
  return commitUpdate(ctx, t, next, old, opts);
}

/** Merges a requested update with the stored object as the strategy's PrepareForUpdate does. */
export function prepareUpdate(ctx: ServerContext, t: ResourceType, obj: KObject, old: KObject, opts: WriteOptions): KObject {
  let next: KObject;
  if (opts.subresource === 'finalize') {
    // namespaces/NAME/finalize: only spec.finalizers changes (the namespace controller's last step).
    next = clone(old) as KObject;
    const fin = ((obj.spec ?? {}) as { finalizers?: string[] }).finalizers;
    next.spec = { ...((next.spec as object) ?? {}), finalizers: fin ?? [] };
    if (!fin || fin.length === 0) delete (next.spec as { finalizers?: string[] }).finalizers;
  } else if (opts.subresource === 'status') {
    // Only status changes through /status, plus the annotations the request carries: the status
    // strategies of the built-in kinds copy spec and labels back from the old object but keep the
    // new annotations (the deployment controller sets its revision annotation this way).
    // `obj` is already a private decoded copy and the stored `old` is frozen, so a shallow copy
    // of old (new metadata, shared frozen subtrees) plus obj's own status is enough: no deep clones.
    next = { ...old, metadata: { ...old.metadata } };
    if (obj.status === undefined) delete next.status;
    else next.status = obj.status;
    if (!t.custom && obj.metadata.annotations !== undefined) next.metadata.annotations = obj.metadata.annotations;
  } else {
    next = obj;
    if (t.subresources.includes('status')) {
      if (old.status === undefined) delete next.status;
      else next.status = clone(old.status);
    }
  }
  const meta = next.metadata;
  const om = old.metadata;
  meta.uid = om.uid;
  meta.creationTimestamp = om.creationTimestamp;
  meta.namespace = om.namespace;
  if (om.deletionTimestamp) meta.deletionTimestamp = om.deletionTimestamp;
  else delete meta.deletionTimestamp;
  if (om.deletionGracePeriodSeconds !== undefined) meta.deletionGracePeriodSeconds = om.deletionGracePeriodSeconds;
  else delete meta.deletionGracePeriodSeconds;
  delete meta.managedFields;
  if (om.generateName !== undefined && meta.generateName === undefined) meta.generateName = om.generateName;
  if (opts.subresource === undefined) {
    ctx.strategyFor(t).defaults?.(next);
    nullEmbeddedTimestamps(kindKey(t), next);
    prepareForUpdate(t.group, t.kind, next, old);
  }
  if (GENERATION_KINDS.has(kindKey(t))) {
    const gen = om.generation ?? 1;
    meta.generation = opts.subresource !== 'status' && !specEqual(next, old) ? gen + 1 : gen;
  } else {
    delete meta.generation;
  }
  meta.resourceVersion = om.resourceVersion;
  return next;
}

/** Finalizers still to run: metadata's, plus a Namespace's spec.finalizers. */
function pendingFinalizers(o: KObject, isNamespace: boolean): number {
  const spec = isNamespace ? (((o.spec ?? {}) as { finalizers?: string[] }).finalizers ?? []) : [];
  return (o.metadata.finalizers ?? []).length + spec.length;
}

const isMetadata = (k: string) => k === 'metadata';
const isResourceVersion = (k: string) => k === 'resourceVersion';

/** jsonEqual of the two objects with metadata.resourceVersion left out (without copying either). */
function sameButResourceVersion(next: KObject, old: KObject): boolean {
  return jsonEqual(next, old, isMetadata) && jsonEqual(next.metadata ?? {}, old.metadata ?? {}, isResourceVersion);
}

/** Admission, validation and the store write shared by update and patch. */
export function commitUpdate(ctx: ServerContext, t: ResourceType, next: KObject, old: KObject, opts: WriteOptions): KObject {
  const name = old.metadata.name ?? '';
  const ns = old.metadata.namespace ?? '';
  const attrs = { operation: 'UPDATE' as const, type: t, namespace: ns, name, subresource: opts.subresource, object: next, oldObject: old, dryRun: opts.dryRun };
  for (const p of ctx.admission) p.admit?.(attrs, ctx);
  if (opts.subresource === undefined) throwIfInvalid(t, name, ctx.strategyFor(t).validateUpdate?.(next, old));
  for (const p of ctx.admission) p.validate?.(attrs, ctx);
  // An object being deleted whose last finalizer went away is removed (ShouldDeleteDuringUpdate).
  // Only an update that removes the last finalizer ends a deletion (ShouldDeleteDuringUpdate);
  // a pod in graceful deletion stays until the kubelet deletes it with grace 0.
  const isNamespace = t.group === '' && t.kind === 'Namespace';
  const finishing = next.metadata.deletionTimestamp !== undefined && pendingFinalizers(next, isNamespace) === 0 && (pendingFinalizers(old, isNamespace) > 0 || isNamespace);
  if (opts.dryRun) return next;
  if (sameButResourceVersion(next, old)) {
    // A no-op write keeps the resourceVersion, as etcd3's GuaranteedUpdate does.
    if (finishing) return ctx.store.delete(storeKey(t), ns, name);
    return old;
  }
  try {
    // next is this request's own object (prepareUpdate's copy): stored as is.
    const stored = ctx.store.update(storeKey(t), next, undefined, true);
    if (finishing) return ctx.store.delete(storeKey(t), ns, name);
    return stored;
  } catch (e) {
    if (e instanceof StoreError && e.code === 'Conflict') {
      throw conflict(t.group, t.plural, name, 'the object has been modified; please apply your changes to the latest version and try again');
    }
    throw e;
  }
}
