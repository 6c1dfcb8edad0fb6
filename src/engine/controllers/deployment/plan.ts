// The deployment controller's working state for one sync: a mutable copy of the Deployment and
// its ReplicaSets, and the ordered writes the sync decided on. Upstream writes as it goes; here
// every write is recorded as an action (applied to the local copies at once, so later steps see
// it) and the controller performs them in order. Tests read the actions of plain objects.

import { clone } from '../../api/types';
import { specReplicas, type ReplicaSetView } from '../replicaset/pods';
import type { DeploymentView } from './types';
import { maxSurge, replicasAnnotationsNeedUpdate, setReplicasAnnotations } from './util';

export type DeploymentAction =
  | { type: 'createReplicaSet'; rs: ReplicaSetView }
  | { type: 'updateReplicaSet'; rs: ReplicaSetView }
  | { type: 'deleteReplicaSet'; rs: ReplicaSetView }
  /** UpdateStatus of the Deployment; its metadata carries annotation changes (the revision). */
  | { type: 'updateStatus'; deployment: DeploymentView }
  | { type: 'event'; eventType: 'Normal' | 'Warning'; reason: string; message: string }
  /** Sync again after this many ms (progress deadline checks). */
  | { type: 'requeueAfter'; ms: number };

/** A copy of `rs` with annotation keys sorted, as Go's map encoding writes them. */
function snapshot(rs: ReplicaSetView): ReplicaSetView {
  const c = clone(rs);
  const ann = c.metadata.annotations;
  if (ann) c.metadata.annotations = Object.fromEntries(Object.entries(ann).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
  return c;
}

export class DeploymentPlan {
  readonly actions: DeploymentAction[] = [];
  /** The Deployment as this sync sees it (status and annotations change as the sync writes). */
  readonly d: DeploymentView;

  constructor(
    d: DeploymentView,
    readonly now: number,
  ) {
    this.d = clone(d);
  }

  event(reason: string, message: string, eventType: 'Normal' | 'Warning' = 'Normal'): void {
    this.actions.push({ type: 'event', eventType, reason, message });
  }

  updateStatus(): void {
    this.actions.push({ type: 'updateStatus', deployment: clone(this.d) });
  }

  /** Records an update of `rs` (already changed in place) and returns it. */
  updateReplicaSet(rs: ReplicaSetView): ReplicaSetView {
    this.actions.push({ type: 'updateReplicaSet', rs: snapshot(rs) });
    return rs;
  }

  createReplicaSet(rs: ReplicaSetView): ReplicaSetView {
    this.actions.push({ type: 'createReplicaSet', rs: snapshot(rs) });
    return rs;
  }

  deleteReplicaSet(rs: ReplicaSetView): void {
    this.actions.push({ type: 'deleteReplicaSet', rs: clone(rs) });
  }

  /**
   * scaleReplicaSet: sets the size and the replica annotations, writes when either changed, and
   * reports a ScalingReplicaSet event (v1.32 wording: `Scaled up replica set web-xxx from 1 to 3`)
   * when the size changed. Mutates `rs`; returns whether it was resized.
   */
  scaleReplicaSet(rs: ReplicaSetView, newScale: number, operation: string): boolean {
    const d = this.d;
    const sizeChanges = specReplicas(rs) !== newScale;
    const desired = specReplicas(d);
    const max = desired + maxSurge(d);
    if (!sizeChanges && !replicasAnnotationsNeedUpdate(rs, desired, max)) return false;
    const oldScale = specReplicas(rs);
    rs.spec.replicas = newScale;
    setReplicasAnnotations(rs, desired, max);
    this.updateReplicaSet(rs);
    if (sizeChanges) this.event('ScalingReplicaSet', `Scaled ${operation} replica set ${rs.metadata.name} from ${oldScale} to ${newScale}`);
    return sizeChanges;
  }

  /** scaleReplicaSetAndRecordEvent: no-op at the same size; otherwise up or down. */
  scaleAndRecord(rs: ReplicaSetView, newScale: number): boolean {
    if (specReplicas(rs) === newScale) return false;
    return this.scaleReplicaSet(rs, newScale, specReplicas(rs) < newScale ? 'up' : 'down');
  }

  /** The kinds of the recorded actions, in order (tests). */
  kinds(): string[] {
    return this.actions.map((a) => a.type);
  }
}
