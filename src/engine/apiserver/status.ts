// Builders for metav1.Status answers with upstream's HTTP codes, reasons and messages
// (apimachinery pkg/api/errors/errors.go).

import type { Status, StatusCause, StatusDetails } from '../api/types';
import type { ResourceType } from '../api/registry';

/** A Status carried as an exception through the request handlers. */
export class ApiError extends Error {
  constructor(readonly status: Status) {
    super(status.message);
    this.name = 'ApiError';
  }
}

export function statusFailure(code: number, reason: string, message: string, details?: StatusDetails): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Failure', message, reason, code };
  if (details) s.details = details;
  return s;
}

export function statusSuccess(details?: StatusDetails): Status {
  const s: Status = { kind: 'Status', apiVersion: 'v1', metadata: {}, status: 'Success', code: 200 };
  if (details) s.details = details;
  return s;
}

/** `deployments.apps`, `pods`: the qualified resource as errors name it. */
export function qualified(group: string, plural: string): string {
  return group ? `${plural}.${group}` : plural;
}

export function notFound(group: string, plural: string, name: string): ApiError {
  return new ApiError(
    statusFailure(404, 'NotFound', `${qualified(group, plural)} "${name}" not found`, { name, group: group || undefined, kind: plural }),
  );
}

export function alreadyExists(group: string, plural: string, name: string): ApiError {
  return new ApiError(
    statusFailure(409, 'AlreadyExists', `${qualified(group, plural)} "${name}" already exists`, {
      name,
      group: group || undefined,
      kind: plural,
    }),
  );
}

export function conflict(group: string, plural: string, name: string, why: string): ApiError {
  return new ApiError(
    statusFailure(409, 'Conflict', `Operation cannot be fulfilled on ${qualified(group, plural)} "${name}": ${why}`, {
      name,
      group: group || undefined,
      kind: plural,
    }),
  );
}

export function badRequest(message: string): ApiError {
  return new ApiError(statusFailure(400, 'BadRequest', message));
}

export function forbidden(group: string, plural: string, name: string, why: string): ApiError {
  const what = name ? `${qualified(group, plural)} "${name}"` : qualified(group, plural);
  return new ApiError(
    statusFailure(403, 'Forbidden', `${what} is forbidden: ${why}`, { name: name || undefined, group: group || undefined, kind: plural }),
  );
}

export function methodNotAllowed(): ApiError {
  return new ApiError(statusFailure(405, 'MethodNotAllowed', 'the server does not allow this method on the requested resource'));
}

export function gone(message: string): ApiError {
  return new ApiError(statusFailure(410, 'Expired', message));
}

export function pathNotFound(): ApiError {
  return new ApiError(statusFailure(404, 'NotFound', 'the server could not find the requested resource'));
}

export function unsupportedMediaType(contentType: string): ApiError {
  return new ApiError(statusFailure(415, 'UnsupportedMediaType', `the body of the request was in an unknown format - accepted media types include: application/json-patch+json, application/merge-patch+json, application/apply-patch+yaml, application/strategic-merge-patch+json`, { causes: [{ reason: 'UnsupportedMediaType', message: contentType }] }));
}

/**
 * 422 Invalid: `Deployment.apps "web" is invalid: <causes>`. `causes` are already formatted
 * field errors (`spec.replicas: Invalid value: -1: must be ...`) with their field and reason.
 */
export function invalid(t: Pick<ResourceType, 'group' | 'kind'>, name: string, causes: (StatusCause & { text: string })[]): ApiError {
  const qualifiedKind = t.group ? `${t.kind}.${t.group}` : t.kind;
  const list = causes.length === 1 ? causes[0].text : `[${causes.map((c) => c.text).join(', ')}]`;
  return new ApiError(
    statusFailure(422, 'Invalid', `${qualifiedKind} "${name}" is invalid: ${list}`, {
      name,
      group: t.group || undefined,
      kind: t.kind,
      causes: causes.map(({ reason, message, field }) => ({ reason, message, field })),
    }),
  );
}

export function internalError(message: string): ApiError {
  return new ApiError(statusFailure(500, 'InternalError', `Internal error occurred: ${message}`));
}
