// Rollout status viewers (kubectl polymorphichelpers/rollout_status.go): given a Deployment,
// DaemonSet or StatefulSet as the server returns it, the line `rollout status` prints and whether
// the rollout is done. Pure functions over plain JSON, in upstream's order of checks.

import type { J } from '../describe/values';
import { num, str } from '../describe/values';

/** One verdict: the line to print (with its newline) and whether watching can stop. */
export interface StatusVerdict {
  message: string;
  done: boolean;
}

/** An error a viewer returns (printed as `error: <message>`); `done` mirrors upstream's bool. */
export class RolloutStatusError extends Error {
  constructor(
    message: string,
    readonly done = false,
  ) {
    super(message);
    this.name = 'RolloutStatusError';
  }
}

export type StatusViewer = (obj: J, revision: number) => StatusVerdict;

/** The `deployment.kubernetes.io/revision` annotation as a number (0 when absent). */
export function objectRevision(obj: J): number {
  const v = str(obj?.metadata?.annotations?.['deployment.kubernetes.io/revision']);
  if (v === '') return 0;
  if (!/^-?\d+$/.test(v)) throw new RolloutStatusError(`cannot get the revision of deployment "${str(obj?.metadata?.name)}": strconv.ParseInt: parsing "${v}": invalid syntax`);
  return Number(v);
}

/** DeploymentStatusViewer.Status. */
export function deploymentStatus(d: J, revision: number): StatusVerdict {
  const name = str(d?.metadata?.name);
  if (revision > 0) {
    const running = objectRevision(d);
    if (revision !== running) throw new RolloutStatusError(`desired revision (${revision}) is different from the running revision (${running})`);
  }
  const st = d?.status ?? {};
  if (num(d?.metadata?.generation) > num(st.observedGeneration)) {
    return { message: 'Waiting for deployment spec update to be observed...\n', done: false };
  }
  const progressing = (Array.isArray(st.conditions) ? st.conditions : []).find((c: J) => c?.type === 'Progressing');
  if (progressing?.reason === 'ProgressDeadlineExceeded') throw new RolloutStatusError(`deployment "${name}" exceeded its progress deadline`);
  const specReplicas = d?.spec?.replicas;
  const updated = num(st.updatedReplicas);
  const waiting = `Waiting for deployment "${name}" rollout to finish: `;
  if (typeof specReplicas === 'number' && updated < specReplicas) {
    return { message: `${waiting}${updated} out of ${specReplicas} new replicas have been updated...\n`, done: false };
  }
  if (num(st.replicas) > updated) {
    return { message: `${waiting}${num(st.replicas) - updated} old replicas are pending termination...\n`, done: false };
  }
  if (num(st.availableReplicas) < updated) {
    return { message: `${waiting}${num(st.availableReplicas)} of ${updated} updated replicas are available...\n`, done: false };
  }
  return { message: `deployment "${name}" successfully rolled out\n`, done: true };
}

/** DaemonSetStatusViewer.Status (revisions are ignored, as upstream does). */
export function daemonSetStatus(ds: J): StatusVerdict {
  const name = str(ds?.metadata?.name);
  // Upstream names the StatefulSet constant here; both spell "RollingUpdate".
  if (str(ds?.spec?.updateStrategy?.type) !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type', true);
  const st = ds?.status ?? {};
  if (num(ds?.metadata?.generation) > num(st.observedGeneration)) {
    return { message: 'Waiting for daemon set spec update to be observed...\n', done: false };
  }
  const desired = num(st.desiredNumberScheduled);
  const waiting = `Waiting for daemon set "${name}" rollout to finish: `;
  if (num(st.updatedNumberScheduled) < desired) {
    return { message: `${waiting}${num(st.updatedNumberScheduled)} out of ${desired} new pods have been updated...\n`, done: false };
  }
  if (num(st.numberAvailable) < desired) {
    return { message: `${waiting}${num(st.numberAvailable)} of ${desired} updated pods are available...\n`, done: false };
  }
  return { message: `daemon set "${name}" successfully rolled out\n`, done: true };
}

/** StatefulSetStatusViewer.Status. */
export function statefulSetStatus(sts: J): StatusVerdict {
  const strategy = sts?.spec?.updateStrategy ?? {};
  if (str(strategy.type) !== 'RollingUpdate') throw new RolloutStatusError('rollout status is only available for RollingUpdate strategy type', true);
  const st = sts?.status ?? {};
  if (num(st.observedGeneration) === 0 || num(sts?.metadata?.generation) > num(st.observedGeneration)) {
    return { message: 'Waiting for statefulset spec update to be observed...\n', done: false };
  }
  const replicas = sts?.spec?.replicas;
  const hasReplicas = typeof replicas === 'number';
  if (hasReplicas && num(st.readyReplicas) < replicas) {
    return { message: `Waiting for ${replicas - num(st.readyReplicas)} pods to be ready...\n`, done: false };
  }
  if (strategy.rollingUpdate != null) {
    const partition = strategy.rollingUpdate.partition;
    // Defaulting sets partition 0, so a default StatefulSet ends here: 3 replicas, partition 0
    // -> waits until 3 are updated, then "partitioned roll out complete: 3 new pods...".
    if (hasReplicas && typeof partition === 'number' && num(st.updatedReplicas) < replicas - partition) {
      return { message: `Waiting for partitioned roll out to finish: ${num(st.updatedReplicas)} out of ${replicas - partition} new pods have been updated...\n`, done: false };
    }
    return { message: `partitioned roll out complete: ${num(st.updatedReplicas)} new pods have been updated...\n`, done: true };
  }
  if (str(st.updateRevision) !== str(st.currentRevision)) {
    return { message: `waiting for statefulset rolling update to complete ${num(st.updatedReplicas)} pods at revision ${str(st.updateRevision)}...\n`, done: false };
  }
  return { message: `statefulset rolling update complete ${num(st.currentReplicas)} pods at revision ${str(st.currentRevision)}...\n`, done: true };
}

/** StatusViewerFor: the viewer for a group/kind, or the upstream error for other kinds. */
export function statusViewerFor(group: string, kind: string): StatusViewer {
  if (group === 'apps' || group === 'extensions') {
    if (kind === 'Deployment') return deploymentStatus;
    if (kind === 'DaemonSet') return (o) => daemonSetStatus(o);
    if (kind === 'StatefulSet' && group === 'apps') return (o) => statefulSetStatus(o);
  }
  // schema.GroupKind's String(): `Kind.group`, or just `Kind` for the core group.
  throw new RolloutStatusError(`no status viewer has been implemented for ${group ? `${kind}.${group}` : kind}`);
}
