// Serving a non-storage version (autoscaling/v1 HPAs) through the storage version's handlers:
// bodies are converted on the way in and out; PATCH is applied to the object as the request's
// version sees it (upstream patches the versioned object), then converted back and PUT.

import type { ApiRequest, ApiResponse, WatchHandle, WatchSink } from '../../apiserver/request';
import { ApiError, badRequest, statusFailure, unsupportedMediaType } from '../../apiserver/status';
import { parseYamlBody } from '../../codec/yaml-reader';
import { PatchError } from '../../patch/errors';
import { applyJsonPatch } from '../../patch/json-patch';
import { applyMergePatch } from '../../patch/merge-patch';
import { patchMetaFor } from '../../patch/patch-meta';
import { applyStrategicMergePatch } from '../../patch/strategic';
import type { KObject } from '../types';
import { ConversionError, convertIn, convertOut, type VersionConversion } from './index';

/** Rewrites `/apis/G/V/...` to the storage version's path. */
export function storagePath(c: VersionConversion, path: string): string {
  return path.replace(`/apis/${c.group}/${c.version}/`, `/apis/${c.group}/${c.storageVersion}/`).replace(new RegExp(`/apis/${c.group}/${c.version}$`), `/apis/${c.group}/${c.storageVersion}`);
}

function patched(c: VersionConversion, current: KObject, contentType: string | undefined, body: unknown): unknown {
  const type = (contentType ?? '').split(';')[0].trim();
  const view = c.fromStorage(current);
  try {
    switch (type) {
      case 'application/json-patch+json':
        return applyJsonPatch(view, body);
      case 'application/merge-patch+json':
        return applyMergePatch(view, body);
      case 'application/strategic-merge-patch+json':
        return applyStrategicMergePatch(view, body, patchMetaFor(`${c.group}/${c.version}`, c.kind));
      case 'application/apply-patch+yaml': {
        let cfg = body;
        if (typeof body === 'string') {
          const p = parseYamlBody(body);
          if (!p.ok || p.docs.length !== 1) throw badRequest(p.ok ? 'apply patch must contain exactly one object' : p.error);
          cfg = p.docs[0];
        }
        return applyStrategicMergePatch(view, cfg, patchMetaFor(`${c.group}/${c.version}`, c.kind));
      }
    }
  } catch (e) {
    if (e instanceof PatchError) {
      const status = statusFailure(e.code, e.reason === 'Unknown' ? '' : e.reason, e.statusMessage);
      if (!status.reason) delete status.reason;
      throw new ApiError(status);
    }
    throw e;
  }
  throw unsupportedMediaType(type);
}

/**
 * Handles one request to the converted version with `next`, the server's own handling of a
 * request (to the storage version's path). Errors come back as Status responses.
 */
export function handleConverted(c: VersionConversion, req: ApiRequest, next: (req: ApiRequest) => ApiResponse): ApiResponse {
  const path = storagePath(c, req.path);
  try {
    if (req.method === 'PATCH') {
      const cur = next({ method: 'GET', path });
      const isApply = (req.contentType ?? '').startsWith('application/apply-patch+yaml');
      if (cur.status === 404 && isApply) {
        // Server-side apply creating the object: the configuration is the new object.
        const cfg = typeof req.body === 'string' ? (parseYamlBody(req.body) as { docs?: unknown[] }).docs?.[0] : req.body;
        const res = next({ ...req, method: 'PATCH', path, body: convertIn(c, cfg) });
        return { ...res, body: convertOut(c, res.body) };
      }
      if (cur.status >= 400) return cur;
      const p = patched(c, cur.body as KObject, req.contentType, req.body);
      if (p === null || typeof p !== 'object' || Array.isArray(p)) throw badRequest('the patched object is not an object');
      const res = next({ ...req, method: 'PUT', path, body: convertIn(c, p), contentType: 'application/json' });
      return { ...res, body: convertOut(c, res.body) };
    }
    const body = req.method === 'POST' || req.method === 'PUT' ? convertIn(c, req.body) : req.body;
    const res = next({ ...req, path, body });
    return { ...res, body: convertOut(c, res.body) };
  } catch (e) {
    if (e instanceof ApiError) return { status: e.status.code, body: e.status };
    if (e instanceof ConversionError) return { status: 400, body: badRequest(e.message).status };
    throw e;
  }
}

/** Watches through the storage version, converting each event's object (or Table). */
export function watchConverted(c: VersionConversion, req: ApiRequest, sink: WatchSink, next: (req: ApiRequest, sink: WatchSink) => WatchHandle): WatchHandle {
  return next({ ...req, path: storagePath(c, req.path) }, {
    onEvent: (e) => sink.onEvent({ ...e, object: convertOut(c, e.object) as KObject }),
    onClose: sink.onClose,
  });
}
