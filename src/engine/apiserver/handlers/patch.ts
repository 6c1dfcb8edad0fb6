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
import { checkFields, commitUpdate, decodeBody, prepareUpdate, type WriteOptions } from './write';

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
  const current = ctx.store.get(storeKey(t), namespace ?? '', name);
  if (!current) throw notFound(t.group, t.plural, name);
  const type = (contentType ?? '').split(';')[0].trim();
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
