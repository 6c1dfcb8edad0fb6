// Rollback logic (kubectl polymorphichelpers/rollback.go): which ReplicaSet or ControllerRevision
// `rollout undo [--to-revision=N]` restores, whether the current template already matches, and
// the patch that puts the old template back.

import { equalIgnoreHash } from '../describe/controller-pods';
import type { J } from '../describe/values';
import { str } from '../describe/values';
import { revisionOf, revisionTemplate } from './history';

/** A rollback that cannot happen, printed as `error: <message>`. */
export class RollbackError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'RollbackError';
  }
}

export function revisionNotFound(r: number): RollbackError {
  return new RollbackError(`unable to find specified revision ${r} in history`);
}

/**
 * deploymentRevision: the ReplicaSet for `toRevision`, or for 0 the second newest revision.
 * With revisions 1, 2, 3 and toRevision 0 -> the ReplicaSet of revision 2.
 */
export function replicaSetForRevision(deployName: string, replicaSets: readonly J[], toRevision: number): J {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  let latest: J;
  let latestRev = -1;
  let previous: J;
  let previousRev = -1;
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    if (toRevision === 0) {
      if (latestRev < v) {
        previousRev = latestRev;
        previous = latest;
        latestRev = v;
        latest = rs;
      } else if (previousRev < v) {
        previousRev = v;
        previous = rs;
      }
    } else if (toRevision === v) {
      return rs;
    }
  }
  if (toRevision > 0) throw revisionNotFound(toRevision);
  if (previous === undefined) throw new RollbackError(`no rollout history found for deployment "${deployName}"`);
  return previous;
}

/** Deployment annotations kept from the Deployment rather than copied from the ReplicaSet. */
export const ANNOTATIONS_TO_SKIP: ReadonlySet<string> = new Set([
  'kubectl.kubernetes.io/last-applied-configuration',
  'deployment.kubernetes.io/revision',
  'deployment.kubernetes.io/revision-history',
  'deployment.kubernetes.io/desired-replicas',
  'deployment.kubernetes.io/max-replicas',
  'deprecated.deployment.rollback.to',
]);

export type DeploymentRollback =
  | { kind: 'skipped'; message: string }
  | { kind: 'patch'; patch: unknown[]; template: J };

/**
 * DeploymentRollbacker.Rollback after the ReplicaSet is chosen: a paused Deployment refuses,
 * an identical template is skipped, otherwise a JSON patch replaces spec.template (without the
 * pod-template-hash label) and metadata.annotations (the RS's, plus the skipped ones kept).
 */
export function planDeploymentRollback(deploy: J, rs: J, toRevision: number): DeploymentRollback {
  const name = str(deploy?.metadata?.name);
  if (deploy?.spec?.paused === true) {
    throw new RollbackError(`you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/${name}' and try again`);
  }
  if (equalIgnoreHash(rs?.spec?.template, deploy?.spec?.template)) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})` };
  }
  const template = JSON.parse(JSON.stringify(rs?.spec?.template ?? {}));
  if (template.metadata?.labels) delete template.metadata.labels['pod-template-hash'];
  const annotations: Record<string, string> = {};
  const current: Record<string, string> = deploy?.metadata?.annotations ?? {};
  for (const k of ANNOTATIONS_TO_SKIP) if (k in current) annotations[k] = current[k];
  for (const [k, v] of Object.entries((rs?.metadata?.annotations ?? {}) as Record<string, string>)) {
    if (!ANNOTATIONS_TO_SKIP.has(k)) annotations[k] = v;
  }
  return {
    kind: 'patch',
    template,
    patch: [
      { op: 'replace', path: '/spec/template', value: template },
      { op: 'replace', path: '/metadata/annotations', value: annotations },
    ],
  };
}

/**
 * DaemonSet / StatefulSet rollback over ControllerRevisions: 0 means the previous one (needs at
 * least two); returns the strategic patch to send, or skipped when the template matches.
 */
export function planRevisionRollback(obj: J, revisions: readonly J[], toRevision: number): { kind: 'skipped'; message: string; template: J } | { kind: 'patch'; patch: unknown; template: J } {
  if (toRevision < 0) throw revisionNotFound(toRevision);
  if (toRevision === 0 && revisions.length <= 1) throw new RollbackError('no last revision to roll back to');
  const sorted = [...revisions].sort((a, b) => Number(a?.revision ?? 0) - Number(b?.revision ?? 0));
  // findHistory: 0 means the second highest revision.
  const to = toRevision === 0 ? sorted[sorted.length - 2] : sorted.find((cr) => Number(cr?.revision ?? 0) === toRevision);
  if (!to) throw revisionNotFound(toRevision);
  const template = revisionTemplate(to);
  if (JSON.stringify(canonical(template)) === JSON.stringify(canonical(obj?.spec?.template ?? {}))) {
    return { kind: 'skipped', message: `skipped rollback (current template already matches revision ${toRevision})`, template };
  }
  return { kind: 'patch', patch: to.data, template };
}

function canonical(v: unknown): unknown {
  if (Array.isArray(v)) return v.map(canonical);
  if (v && typeof v === 'object') {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(v).sort()) out[k] = canonical((v as Record<string, unknown>)[k]);
    return out;
  }
  return v;
}
