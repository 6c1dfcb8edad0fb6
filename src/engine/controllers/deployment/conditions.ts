// Deployment conditions (deployment_util.go NewDeploymentCondition / SetDeploymentCondition /
// RemoveDeploymentCondition): setting a condition with the same status and reason is a no-op,
// otherwise the old one is removed and the new one appended, so the condition that changed last
// is at the end; lastTransitionTime is kept while the status stays the same.

import { rfc3339 } from '../../util/time';
import type { DeploymentCondition, DeploymentStatus } from './types';

/** A condition stamped `now` for both lastUpdateTime and lastTransitionTime. */
export function newCondition(type: string, status: string, reason: string, message: string, now: number): DeploymentCondition {
  const t = rfc3339(now);
  return { type, status, lastUpdateTime: t, lastTransitionTime: t, reason, message };
}

export function getCondition(status: DeploymentStatus | undefined, type: string): DeploymentCondition | undefined {
  return status?.conditions?.find((c) => c.type === type);
}

/** SetDeploymentCondition (mutates `status`). */
export function setCondition(status: DeploymentStatus, cond: DeploymentCondition): void {
  const cur = getCondition(status, cond.type);
  if (cur && cur.status === cond.status && cur.reason === cond.reason) return;
  const next = { ...cond };
  if (cur && cur.status === cond.status) next.lastTransitionTime = cur.lastTransitionTime;
  status.conditions = [...(status.conditions ?? []).filter((c) => c.type !== cond.type), next];
}

/** RemoveDeploymentCondition (mutates `status`). */
export function removeCondition(status: DeploymentStatus, type: string): void {
  if (!status.conditions) return;
  status.conditions = status.conditions.filter((c) => c.type !== type);
  if (status.conditions.length === 0) delete status.conditions;
}
