// The scenario: everything needed to rebuild a browser cluster on any machine. It is what the
// share link carries (compressed) and what IndexedDB keeps beside the cluster snapshot (journal
// appended entry by entry): replaying the same inputs at the same simulated instants on the same
// seed gives the same objects, names included. A reload restores the snapshot instead.

import type { ApiRequest } from '../engine/apiserver/request';

/** Bumped when the shape changes; older versions go through the migrations in persistence. */
export const SCENARIO_VERSION = 1;

/**
 * One input that changed, or may have changed, the cluster, stamped with the simulated instant
 * (`t`, ms since the epoch) it happened at.
 * - `request`: a mutating API request (anything but GET) made by kubectl in a terminal, the
 *   editor or a node action. Replay re-issues it, so the effect does not depend on how kubectl
 *   composed it.
 * - `node`: a machine-level action kubectl cannot do (add a node, crash it, recover, remove).
 * - `command`: a line typed in a terminal; display only (history and the replayed transcript).
 * - `speed`: the clock's speed changed (0 = paused); timing only.
 * - `restart`: the page was reloaded here: the cluster was restored from its snapshot (control
 *   plane relisted, kubelets adopted their pods); a replay snapshots and restores at this point.
 */
export type JournalEntry =
  | { t: number; op: 'request'; req: ApiRequest }
  | { t: number; op: 'node'; action: 'add' | 'fail' | 'recover' | 'remove'; name: string; shape?: { cpu?: string; memory?: string } }
  | { t: number; op: 'command'; tab: string; line: string }
  | { t: number; op: 'speed'; speed: number }
  | { t: number; op: 'restart' };

export interface Scenario {
  v: typeof SCENARIO_VERSION;
  seed: number;
  /** The simulated instant the cluster started at (createCluster's startTime). */
  startTime: number;
  /** Worker nodes of the initial cluster. */
  nodes: number;
  lesson?: string;
  /** Session files (what `kubectl apply -f NAME` and the editor see), by path. */
  files: Record<string, string>;
  journal: JournalEntry[];
  /** The simulated instant the scenario was captured at: a replay runs the clock up to here. */
  now: number;
}
