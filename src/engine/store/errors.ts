// Errors the store raises, mirroring apiserver pkg/storage errors (key not found, key exists,
// resource version conflict, too old resource version). The apiserver turns them into Status.

export type StoreErrorCode = 'NotFound' | 'AlreadyExists' | 'Conflict' | 'Gone' | 'InvalidObj';

export class StoreError extends Error {
  constructor(
    readonly code: StoreErrorCode,
    message: string,
    /** For Gone: the oldest resourceVersion still available. */
    readonly oldestRV?: number,
  ) {
    super(message);
    this.name = 'StoreError';
  }
}
