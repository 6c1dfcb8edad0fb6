// The error every patch function throws, carrying both the library's own text (what kubectl sees
// when it computes a patch) and how the apiserver reports it (code, reason, Status message).

/** Status reasons the apiserver uses for patch failures. */
export type PatchErrorReason = 'BadRequest' | 'Invalid' | 'RequestEntityTooLarge' | 'Conflict' | 'Unknown';

/**
 * A failed patch. `message` is the upstream library's error text (evanphx/json-patch,
 * apimachinery strategicpatch / mergepatch); `code`, `reason` and `statusMessage` are what the
 * apiserver's patch handler turns it into (k8s.io/apiserver/pkg/endpoints/handlers/patch.go).
 */
export class PatchError extends Error {
  override readonly name = 'PatchError';
  readonly code: number;
  readonly reason: PatchErrorReason;
  /** The Status message the apiserver answers with (differs from `message` for 422s). */
  readonly statusMessage: string;
  /** Set on three-way conflicts and failed preconditions, which kubectl reports specially. */
  readonly kind: 'error' | 'conflict' | 'precondition';

  constructor(
    message: string,
    opts: { code?: number; reason?: PatchErrorReason; statusMessage?: string; kind?: 'error' | 'conflict' | 'precondition' } = {},
  ) {
    super(message);
    this.code = opts.code ?? 500;
    this.reason = opts.reason ?? 'Unknown';
    this.statusMessage = opts.statusMessage ?? message;
    this.kind = opts.kind ?? 'error';
  }
}

/** 400 BadRequest carrying the library text as the Status message. */
export function badRequest(message: string): PatchError {
  return new PatchError(message, { code: 400, reason: 'BadRequest' });
}

/** What NewGenericServerResponse(422, ...) says: the detail is dropped from the Status. */
export const INVALID_REQUEST_MESSAGE = 'the server rejected our request due to an error in our request';

/** 422 Invalid with the generic message, as the apiserver reports JSON-patch apply failures. */
export function unprocessable(message: string): PatchError {
  return new PatchError(message, { code: 422, reason: 'Invalid', statusMessage: INVALID_REQUEST_MESSAGE });
}

/** A plain error: the apiserver answers 500 with reason Unknown and the error text. */
export function internal(message: string): PatchError {
  return new PatchError(message, { code: 500, reason: 'Unknown' });
}

// apimachinery pkg/util/mergepatch/errors.go sentinel errors, with the codes
// interpretStrategicMergePatchError gives them.
export const smpErrors = {
  badJSONDoc: () => badRequest('invalid JSON document'),
  noListOfLists: () => unprocessable('lists of lists are not supported'),
  badPatchFormatForPrimitiveList: () => badRequest('invalid patch format of primitive list'),
  badPatchFormatForRetainKeys: () => badRequest('invalid patch format of retainKeys'),
  badPatchFormatForSetElementOrderList: () => badRequest('invalid patch format of setElementOrder list'),
  patchContentNotMatchRetainKeys: () => unprocessable("patch content doesn't match retainKeys list"),
  unsupportedStrategicMergePatchFormat: () => badRequest('strategic merge patch format is not supported'),
};
