// PATCH: applies a strategic merge, JSON merge or JSON patch to the stored object and writes the
// result through the update path (apiserver endpoints/handlers/patch.go).

import type { ResourceType } from '../../api/registry';
import { groupVersion } from '../../api/registry';
import { clone, type KObject } from '../../api/types';
import { applyJsonPatch } from '../../patch/json-patch';
import { applyMergePatch } from '../../patch/merge-patch';
import { PatchError } from '../../patch/errors';
import { patchMetaFor } from '../../patch/patch-meta';
import { applyStrategicMergePatch } from '../../patch/strategic';
import { storeKey, type ServerContext } from '../context';
import { ApiError, badRequest, conflict, notFound, statusFailure, unsupportedMediaType } from '../status';
import { checkFields, commitUpdate, createObject, decodeBody, prepareUpdate, type WriteOptions } from './write';
import { parseYamlBody } from '../../codec/yaml-reader';

export const PATCH_TYPES = {
  json: 'application/json-patch+json',
  merge: 'application/merge-patch+json',
  strategic: 'application/strategic-merge-patch+json',
  apply: 'application/apply-patch+yaml',
} as const;


export function patchObject(
  ctx: ServerContext,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  contentType: string | undefined,
  body: unknown,
  opts: WriteOptions,
): KObject {
  const type = (contentType ?? '').split(';')[0].trim();
  const current = ctx.store.get(storeKey(t), namespace ?? '', name);
  if (type === PATCH_TYPES.apply) return serverSideApply(ctx, t, namespace, name, current, body, opts);
  if (!current) throw notFound(t.group, t.plural, name);
  const doc = clone(current) as unknown as Record<string, unknown>;
  let patched: unknown;
  try {
    switch (type) {
      case PATCH_TYPES.json:
        patched = applyJsonPatch(doc, body);
        break;
      case PATCH_TYPES.merge:
        patched = applyMergePatch(doc, body);
        break;
      case PATCH_TYPES.strategic:
        if (t.custom) throw unsupportedMediaType(type);
        patched = applyStrategicMergePatch(doc, body, patchMetaFor(groupVersion(t), t.kind));
        break;
      default:
        throw unsupportedMediaType(type);
    }
  } catch (e) {
    if (e instanceof PatchError) {
      // StatusReasonUnknown is the empty string upstream: kubectl then prints `Error from server: ...`.
      const status = statusFailure(e.code, e.reason === 'Unknown' ? '' : e.reason, e.statusMessage);
      if (!status.reason) delete status.reason;
      throw new ApiError(status);
    }
    throw e;
  }
  if (patched === null || typeof patched !== 'object' || Array.isArray(patched)) {
    throw badRequest('the patched object is not an object');
  }
  const obj = decodeBody(t, namespace, patched);
  checkFields(t, obj, opts);
  if (obj.metadata.name !== name) throw badRequest(`the name of the object (${obj.metadata.name ?? ''}) does not match the name on the URL (${name})`);
  const rv = obj.metadata.resourceVersion;
  if (rv !== undefined && rv !== current.metadata.resourceVersion) {
    throw conflict(t.group, t.plural, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const next = prepareUpdate(ctx, t, obj, current, opts);
  return commitUpdate(ctx, t, next, current, opts);
}

/**
 * Server-side apply, simplified: the applied configuration creates the object, or is merged into
 * the live one with strategic-merge semantics. Field ownership (managedFields, conflicts, removal
 * of fields a manager stopped applying) is not tracked: see PARITY.md.
 */
function serverSideApply(
  ctx: ServerContext,
  t: ResourceType,
  namespace: string | undefined,
  name: string,
  current: KObject | undefined,
  body: unknown,
  opts: WriteOptions,
): KObject {
  let config = body;
  if (typeof body === 'string') {
    const parsed = parseYamlBody(body);
    if (!parsed.ok || parsed.docs.length !== 1) throw badRequest(parsed.ok ? 'apply patch must contain exactly one object' : parsed.error);
    config = parsed.docs[0];
  }
  if (config === null || typeof config !== 'object' || Array.isArray(config)) throw badRequest('apply patch must be an object');
  const cfg = clone(config) as KObject;
  if (!cfg.metadata) cfg.metadata = {};
  if (cfg.metadata.name && cfg.metadata.name !== name) {
    throw badRequest(`the name of the object (${cfg.metadata.name}) does not match the name on the URL (${name})`);
  }
  cfg.metadata.name = name;
  if (!current) return createObject(ctx, t, namespace, cfg, opts);
  const merged = t.custom
    ? applyMergePatch(clone(current), cfg)
    : applyStrategicMergePatch(clone(current), cfg, patchMetaFor(groupVersion(t), t.kind));
  const obj = decodeBody(t, namespace, merged);
  checkFields(t, obj, opts);
  const next = prepareUpdate(ctx, t, obj, current, opts);
  return commitUpdate(ctx, t, next, current, opts);
}
