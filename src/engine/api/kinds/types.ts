// The strategy shape used inside ./kinds: the shared KindStrategy plus the registry's
// PrepareForCreate/PrepareForUpdate hooks (pkg/registry/*/strategy.go) that change the object.

import type { KindStrategy } from '../strategy';
import type { KObject } from '../types';

export interface KindBehaviour extends KindStrategy {
  /** PrepareForCreate: what the registry resets or sets on create (status, generation, finalizers). */
  prepareForCreate?(obj: KObject): void;
  /** PrepareForUpdate (main resource): keep the old status, bump generation when the spec changed. */
  prepareForUpdate?(obj: KObject, old: KObject): void;
}
