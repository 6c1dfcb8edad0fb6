// Score normalisation helpers (pkg/scheduler/framework/plugins/helper/normalize_score.go).

import { MAX_NODE_SCORE } from '../types';

/**
 * DefaultNormalizeScore: scales scores so the highest becomes 100 (integer division), reversed
 * (100 - x) when `reverse`. Example: [1, 2, 4] -> [25, 50, 100]; reversed -> [75, 50, 0]. All
 * zero: unchanged, or all 100 when reversed.
 */
export function defaultNormalizeScore(scores: Float64Array, reverse: boolean): void {
  let max = 0;
  for (let i = 0; i < scores.length; i++) if (scores[i] > max) max = scores[i];
  if (max === 0) {
    if (reverse) scores.fill(MAX_NODE_SCORE);
    return;
  }
  for (let i = 0; i < scores.length; i++) {
    let s = Math.trunc((MAX_NODE_SCORE * scores[i]) / max);
    if (reverse) s = MAX_NODE_SCORE - s;
    scores[i] = s;
  }
}
