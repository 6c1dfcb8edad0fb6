// Directive names and strategy parsing shared by the strategic merge patch diff and merge code.

import { PatchError } from './errors';

export const DIRECTIVE = '$patch';
export const DELETE = 'delete';
export const REPLACE = 'replace';
export const MERGE = 'merge';
export const RETAIN_KEYS = 'retainKeys';
export const RETAIN_KEYS_DIRECTIVE = '$retainKeys';
export const DELETE_FROM_PRIMITIVE_LIST = '$deleteFromPrimitiveList';
export const SET_ELEMENT_ORDER = '$setElementOrder';

/** extractRetainKeysPatchStrategy: [hasRetainKeys, the other strategy ('' if none)]. */
export function splitStrategies(strategies: readonly string[]): [boolean, string] {
  switch (strategies.length) {
    case 0:
      return [false, ''];
    case 1:
      return strategies[0] === RETAIN_KEYS ? [true, ''] : [false, strategies[0]];
    case 2:
      if (strategies[0] === RETAIN_KEYS) return [true, strategies[1]];
      if (strategies[1] === RETAIN_KEYS) return [true, strategies[0]];
  }
  throw new PatchError(`unexpected patch strategy: [${strategies.join(' ')}]`);
}
