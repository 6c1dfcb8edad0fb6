// cli-runtime's EnhanceListError: a BadRequest or NotFound answer to a list the resource builder
// made says which resource and selectors it was for, keeping the Status reason.
import type { Mapping } from './discovery';
import { StatusError } from './errors';

/** Go's GroupVersionResource.String(): `apps/v1, Resource=deployments`, `/v1, Resource=pods`. */
export function gvrString(m: Mapping): string {
  return `${m.group}/${m.version}, Resource=${m.plural}`;
}

/** Rewrites the message of a list's BadRequest/NotFound error; other errors pass through. */
export function enhanceListError(e: unknown, m: Mapping, query: { labelSelector?: string; fieldSelector?: string }): unknown {
  if (!(e instanceof StatusError) || (e.status.reason !== 'BadRequest' && e.status.reason !== 'NotFound')) return e;
  const label = query.labelSelector ?? '';
  const field = query.fieldSelector ?? '';
  const msg = e.status.message ?? '';
  const message =
    label === '' && field === ''
      ? `Unable to list ${JSON.stringify(gvrString(m))}: ${msg}`
      : `Unable to find ${JSON.stringify(gvrString(m))} that match label selector ${JSON.stringify(label)}, field selector ${JSON.stringify(field)}: ${msg}`;
  return new StatusError({ ...e.status, message });
}
