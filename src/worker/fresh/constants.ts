// What every fresh cluster is made of: a constant seed (every first visit meets the same generated
// names; a share link still carries its own seed and time), the default node count, and the
// instant the build-time snapshot of it is taken at (moved to the visitor's clock at boot).

export const FRESH_SEED = 0x6b75_6265; // "kube"
export const DEFAULT_NODES = 3;
/** The build-time snapshot's start time; any whole second works (shift.ts moves it). */
export const FRESH_SNAPSHOT_TIME = Date.UTC(2025, 0, 1, 0, 0, 0);

/** A fresh cluster's start time: `now` rounded down to a whole second (snapshots move by whole seconds). */
export function freshStartTime(now: number): number {
  return Math.floor(now / 1000) * 1000;
}
