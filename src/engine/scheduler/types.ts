// Shapes shared by the scheduler's parts: filter statuses (framework.Status), the per-pod view the
// plugins read (PodInfo) and the plugin interfaces (framework.FilterPlugin / ScorePlugin).

import type { NodeInfo } from './node-info';
import type { PodInfo } from './pod-info';
import type { SchedulerCache } from './cache';
import type { KObject } from '../api/types';

/** framework.Code values a filter can answer with (Success is `null`). */
export type Code = 'Unschedulable' | 'UnschedulableAndUnresolvable';

/** A failed filter: its code and the reasons shown in FailedScheduling messages. */
export interface Status {
  readonly code: Code;
  readonly reasons: readonly string[];
  /** The plugin that answered (filled in by the framework). */
  plugin?: string;
}

/** A filter status; frozen constants are shared so the hot loop does not allocate. */
export function status(code: Code, ...reasons: string[]): Status {
  return { code, reasons };
}

/** What plugins may look up besides the node cache (listers fed by informers). */
export interface Listers {
  /** The Services in a namespace. */
  inNamespace(kind: 'Service', ns: string): Iterable<KObject>;
  /** A ReplicaSet or StatefulSet by name. */
  get(kind: 'ReplicaSet' | 'StatefulSet', ns: string, name: string): KObject | undefined;
  pvc(ns: string, name: string): KObject | undefined;
  storageClass(name: string): KObject | undefined;
  namespaceLabels(ns: string): Record<string, string> | undefined;
}

/** Everything one scheduling attempt shares between plugins (framework.CycleState). */
export interface CycleState {
  pod: PodInfo;
  cache: SchedulerCache;
  listers: Listers;
  /** Per-plugin data computed in PreFilter / PreScore, keyed by plugin name. */
  data: Map<string, unknown>;
}

export interface FilterPlugin {
  readonly name: string;
  /** Runs once per attempt; a status fails every node (FitError's PreFilterMsg); 'skip' disables Filter. */
  preFilter?(state: CycleState): Status | 'skip' | null;
  /** null = the node passes. */
  filter(state: CycleState, node: NodeInfo): Status | null;
}

export interface ScorePlugin {
  readonly name: string;
  readonly weight: number;
  /** Runs once per attempt with the feasible nodes; false skips this plugin (framework's Skip). */
  preScore?(state: CycleState, nodes: readonly NodeInfo[]): boolean;
  /** A raw score for one node (0..100 for plugins without normalisation). */
  score(state: CycleState, node: NodeInfo): number;
  /**
   * The same raw scores for every node at once, when a plugin can hoist its per-attempt lookups
   * out of the node loop (the framework prefers it; 420 nodes per pod at 1,000 nodes).
   */
  scoreAll?(state: CycleState, nodes: readonly NodeInfo[], out: Float64Array): void;
  /** Rewrites raw scores in place to 0..100 (ScoreExtensions.NormalizeScore). */
  normalize?(state: CycleState, nodes: readonly NodeInfo[], scores: Float64Array): void;
}

/** framework.MaxNodeScore. */
export const MAX_NODE_SCORE = 100;
