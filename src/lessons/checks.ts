// Small readers the lesson checks share: a Deployment's rollout progress and a Service's address,
// phrased as what the learner still has to do.

import type { KObject } from '../engine/api/types';
import type { CheckResult, ClusterObjects } from './types';

type Rec = Record<string, unknown>;
const rec = (v: unknown): Rec => (v && typeof v === 'object' ? (v as Rec) : {});
const num = (v: unknown): number => (typeof v === 'number' ? v : 0);

export const OK: CheckResult = { ok: true };
export const notYet = (reason: string): CheckResult => ({ ok: false, reason });

/** The images of a pod template's containers. */
export function templateImages(d: KObject): string[] {
  const containers = rec(rec(rec(rec(d.spec).template).spec)).containers;
  return Array.isArray(containers) ? containers.map((c) => String(rec(c).image ?? '')) : [];
}

/**
 * A Deployment whose rollout is complete with `wanted` replicas ready (any number from one up when
 * not given): observed the latest spec, every replica updated and available (what `kubectl rollout
 * status` waits for).
 */
export function deploymentReady(objects: ClusterObjects, name: string, wanted?: number, namespace = 'default'): CheckResult {
  const d = objects.get('Deployment', namespace, name);
  if (!d) return notYet(`There is no Deployment "${name}" in the ${namespace} namespace yet.`);
  const spec = rec(d.spec);
  const status = rec(d.status);
  const replicas = num(spec.replicas ?? 1);
  const want = wanted ?? Math.max(1, replicas);
  if (replicas !== want) return notYet(`The Deployment "${name}" asks for ${replicas} replica${replicas === 1 ? '' : 's'}; it should ask for ${want}.`);
  if (num(status.observedGeneration) < num(d.metadata.generation)) return notYet(`The Deployment controller has not seen the latest change to "${name}" yet.`);
  const updated = num(status.updatedReplicas);
  const available = num(status.availableReplicas);
  const total = num(status.replicas);
  if (updated < want) return notYet(`The Deployment "${name}" has ${updated} up-to-date replica${updated === 1 ? '' : 's'} of ${want}.`);
  if (total > want) return notYet(`The Deployment "${name}" still has ${total - want} old replica${total - want === 1 ? '' : 's'} terminating.`);
  if (available < want) return notYet(`The Deployment "${name}" has ${available} ready replica${available === 1 ? '' : 's'} of ${want}.`);
  return OK;
}

/** The external address of a LoadBalancer Service, once the cloud controller assigned it. */
export function loadBalancerAddress(svc: KObject): string | undefined {
  const ingress = rec(rec(svc.status).loadBalancer).ingress;
  if (!Array.isArray(ingress) || ingress.length === 0) return undefined;
  const first = rec(ingress[0]);
  return (first.ip ?? first.hostname) as string | undefined;
}

/** Pods of `namespace` whose labels include every pair of `selector`. */
export function selectedPods(objects: ClusterObjects, selector: Record<string, string>, namespace = 'default'): KObject[] {
  return objects.list('Pod', namespace).filter((p) => Object.entries(selector).every(([k, v]) => p.metadata.labels?.[k] === v));
}

export { rec };
