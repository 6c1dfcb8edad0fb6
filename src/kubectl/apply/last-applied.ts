// The `kubectl.kubernetes.io/last-applied-configuration` annotation (kubectl pkg/util
// apply.go GetModifiedConfiguration): compact JSON of the applied object with sorted keys, an
// empty `annotations` map where the annotation itself was taken out, and a trailing newline.

import type { KObject } from '../../engine/api/types';
import { toGoJson } from '../../engine/codec/json-emit';

export const LAST_APPLIED = 'kubectl.kubernetes.io/last-applied-configuration';

/** Go's json.Marshal (compact, HTML-escaped) of a value with sorted keys. */
export function goCompactJson(v: unknown): string {
  return toGoJson(v, '', { sortKeys: true });
}

/**
 * Returns `{ modified, annotation }`: the object to send (with the annotation set when
 * `annotate`) and the annotation's value.
 */
export function modifiedConfiguration(obj: KObject, annotate: boolean): { modified: KObject; annotation: string } {
  const copy = JSON.parse(JSON.stringify(obj)) as KObject;
  const annotations = { ...(copy.metadata.annotations ?? {}) };
  delete annotations[LAST_APPLIED];
  copy.metadata.annotations = annotations;
  const annotation = goCompactJson(copy) + '\n';
  if (annotate) copy.metadata.annotations = { ...annotations, [LAST_APPLIED]: annotation };
  return { modified: copy, annotation };
}

/** The last-applied configuration stored on a live object, parsed, or undefined. */
export function originalConfiguration(live: KObject): unknown | undefined {
  const raw = live.metadata.annotations?.[LAST_APPLIED];
  if (raw === undefined || raw === '') return undefined;
  try {
    return JSON.parse(raw);
  } catch {
    return undefined;
  }
}
