// A fresh default cluster's snapshot at `now`: the build-time one (virtual:fresh-cluster), moved
// to now's whole second. Byte for byte what createCluster({ seed: FRESH_SEED, startTime }) builds
// (tests/worker/fresh-shift.test.ts), without its five simulated minutes of warm-up.

import { FRESH_CLUSTER_JSON } from 'virtual:fresh-cluster';
import type { ClusterSnapshot } from '../../engine/snapshot';
import { FRESH_SNAPSHOT_TIME, freshStartTime } from './constants';
import { shiftSnapshot } from './shift';

export function freshSnapshot(now: number): ClusterSnapshot {
  return shiftSnapshot(JSON.parse(FRESH_CLUSTER_JSON) as ClusterSnapshot, freshStartTime(now) - FRESH_SNAPSHOT_TIME);
}
