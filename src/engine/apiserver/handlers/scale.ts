// The scale subresource (autoscaling/v1 Scale) of deployments, replicasets and statefulsets:
// reads spec.replicas / status.replicas / the selector, and writes spec.replicas through the
// normal update path (registry/apps/deployment/storage ScaleREST).

import type { ResourceType } from '../../api/registry';
import { clone, type KObject } from '../../api/types';
import { selectorFromLabelSelector } from '../../api/labels';
import { applyJsonPatch } from '../../patch/json-patch';
import { applyMergePatch } from '../../patch/merge-patch';
import { storeKey, type ServerContext } from '../context';
import { ApiError, badRequest, conflict, notFound, unsupportedMediaType } from '../status';
import { invalidStatus } from '../../api/validation/field-error';
import { commitUpdate, prepareUpdate } from './write';
import { PATCH_TYPES } from './patch';

interface Scale {
  kind: 'Scale';
  apiVersion: 'autoscaling/v1';
  metadata: Record<string, unknown>;
  spec: { replicas?: number };
  status: { replicas: number; selector?: string };
}

function toScale(obj: KObject): Scale {
  const spec = (obj.spec ?? {}) as { replicas?: number; selector?: unknown };
  const status = (obj.status ?? {}) as { replicas?: number };
  const m = obj.metadata;
  let selector: string | undefined;
  try {
    selector = selectorFromLabelSelector(spec.selector as never).toString();
  } catch {
    selector = undefined;
  }
  return {
    kind: 'Scale',
    apiVersion: 'autoscaling/v1',
    metadata: { name: m.name, namespace: m.namespace, uid: m.uid, resourceVersion: m.resourceVersion, creationTimestamp: m.creationTimestamp },
    spec: { replicas: spec.replicas ?? 0 },
    status: { replicas: status.replicas ?? 0, ...(selector ? { selector } : {}) },
  };
}

function current(ctx: ServerContext, t: ResourceType, ns: string | undefined, name: string): KObject {
  const obj = ctx.store.get(storeKey(t), ns ?? '', name);
  if (!obj) throw notFound(t.group, t.plural, name);
  return obj;
}

export function getScale(ctx: ServerContext, t: ResourceType, ns: string | undefined, name: string): Scale {
  return toScale(current(ctx, t, ns, name));
}

function writeReplicas(ctx: ServerContext, t: ResourceType, ns: string | undefined, name: string, scale: unknown, dryRun: boolean): Scale {
  const cur = current(ctx, t, ns, name);
  const s = (scale ?? {}) as { metadata?: { resourceVersion?: string }; spec?: { replicas?: unknown } };
  const replicas = s.spec?.replicas ?? 0;
  if (typeof replicas !== 'number' || !Number.isInteger(replicas)) throw badRequest('spec.replicas must be an integer');
  if (replicas < 0) {
    throw new ApiError(
      invalidStatus('autoscaling', 'Scale', name, [
        { type: 'FieldValueInvalid', field: 'spec.replicas', value: String(replicas), detail: 'must be greater than or equal to 0' },
      ]),
    );
  }
  const rv = s.metadata?.resourceVersion;
  if (rv && rv !== cur.metadata.resourceVersion) {
    throw conflict(t.group, t.plural, name, 'the object has been modified; please apply your changes to the latest version and try again');
  }
  const next = clone(cur) as KObject;
  next.spec = { ...((next.spec as object) ?? {}), replicas };
  const prepared = prepareUpdate(ctx, t, next, cur, { dryRun });
  return toScale(commitUpdate(ctx, t, prepared, cur, { dryRun }));
}

export function updateScale(ctx: ServerContext, t: ResourceType, ns: string | undefined, name: string, body: unknown, dryRun: boolean): Scale {
  return writeReplicas(ctx, t, ns, name, body, dryRun);
}

export function patchScale(
  ctx: ServerContext,
  t: ResourceType,
  ns: string | undefined,
  name: string,
  contentType: string | undefined,
  body: unknown,
  dryRun: boolean,
): Scale {
  const scale = getScale(ctx, t, ns, name) as unknown as Record<string, unknown>;
  const type = (contentType ?? '').split(';')[0].trim();
  let patched: unknown;
  if (type === PATCH_TYPES.json) patched = applyJsonPatch(scale, body);
  else if (type === PATCH_TYPES.merge || type === PATCH_TYPES.strategic) patched = applyMergePatch(scale, body);
  else throw unsupportedMediaType(type);
  return writeReplicas(ctx, t, ns, name, patched, dryRun);
}
