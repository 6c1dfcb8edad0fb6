// `kubectl run|expose --overrides=JSON --override-type=merge|strategic|json`: patches the generated
// object, then re-reads it as the typed object would be (kubectl pkg/cmd/util/override_options.go).
import type { KObject } from '../../engine/api/types';
import { applyJsonPatch } from '../../engine/patch/json-patch';
import { typedObjectMeta, typedPodSpec, typedServiceSpec } from './typed-order';

type Obj = Record<string, unknown>;

function isObj(v: unknown): v is Obj {
  return typeof v === 'object' && v !== null && !Array.isArray(v);
}

/** RFC 7386 JSON merge patch (evanphx MergePatch): null deletes, objects merge, the rest replaces. */
export function mergePatch(target: unknown, patch: unknown): unknown {
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = mergePatch(out[k], v);
  }
  return out;
}

/** The patchMergeKey of a list field of Pods and Services, guessed from its items. */
function mergeKeyOf(field: string, items: Obj[]): string | undefined {
  if (field === 'ports') return items.some((i) => 'containerPort' in i) ? 'containerPort' : 'port';
  return items.every((i) => typeof i.name === 'string') ? 'name' : undefined;
}

/**
 * A reduced strategic merge patch: maps merge as in mergePatch; lists of objects with a merge key
 * (`name`, `port`, `containerPort`) merge item by item, patch items first (in patch order), then
 * the items only the original has; other lists are replaced.
 */
export function strategicPatch(target: unknown, patch: unknown, field = ''): unknown {
  if (Array.isArray(patch) && Array.isArray(target)) {
    if (![...patch, ...target].every(isObj)) return patch;
    const key = mergeKeyOf(field, [...patch, ...target] as Obj[]);
    if (!key) return patch;
    const original = target as Obj[];
    const merged = (patch as Obj[]).map((p) => {
      const o = original.find((t) => t[key] === p[key]);
      return o ? (strategicPatch(o, p) as Obj) : p;
    });
    const rest = original.filter((t) => !(patch as Obj[]).some((p) => p[key] === t[key]));
    return [...merged, ...rest];
  }
  if (!isObj(patch)) return patch;
  const out: Obj = isObj(target) ? { ...target } : {};
  for (const [k, v] of Object.entries(patch)) {
    if (v === null) delete out[k];
    else out[k] = strategicPatch(out[k], v, k);
  }
  return out;
}

/** Puts a patched Pod or Service back into Go field order. */
function retype(obj: Obj, kind: string): KObject {
  const out: Obj = { kind: obj.kind ?? kind, apiVersion: obj.apiVersion ?? 'v1', metadata: typedObjectMeta(obj.metadata) };
  if ('spec' in obj) out.spec = kind === 'Pod' ? typedPodSpec(obj.spec) : typedServiceSpec(obj.spec);
  // Decoding into the typed object drops fields it does not know, like a top-level `selector`.
  out.status = obj.status ?? (kind === 'Service' ? { loadBalancer: {} } : {});
  return out as KObject;
}

/** Applies --overrides of the given type; the object unchanged when overrides is empty. */
export function applyOverrides(obj: KObject, overrides: string, type: string): { object: KObject } | { error: string } {
  if (overrides === '') return { object: obj };
  const t = type === '' ? 'merge' : type;
  if (!['json', 'merge', 'strategic'].includes(t)) return { error: `invalid override type: ${t}` };
  let patch: unknown;
  try {
    patch = JSON.parse(overrides);
  } catch {
    return { error: t === 'json' ? 'invalid JSON Patch' : 'Invalid JSON Patch' };
  }
  try {
    const patched = t === 'json' ? applyJsonPatch(obj, patch) : t === 'merge' ? mergePatch(obj, patch) : strategicPatch(obj, patch);
    if (!isObj(patched)) return { error: 'Invalid JSON Patch' };
    return { object: retype(patched, obj.kind) };
  } catch (e) {
    return { error: e instanceof Error ? e.message : String(e) };
  }
}
