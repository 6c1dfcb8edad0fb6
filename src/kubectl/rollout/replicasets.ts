// deploymentutil.GetAllReplicaSets as kubectl uses it: the ReplicaSets a Deployment controls
// (listed by its selector, filtered by controller uid), the new one and the old ones.

import type { KObject } from '../../engine/api/types';
import { selectorFromLabelSelector } from '../../engine/api/labels';
import type { Ctx } from '../context';
import { equalIgnoreHash } from '../describe/controller-pods';
import type { J } from '../describe/values';

/** Oldest first, then by name (ReplicaSetsByCreationTimestamp). */
function byCreation(a: KObject, b: KObject): number {
  const ta = a.metadata.creationTimestamp ?? '';
  const tb = b.metadata.creationTimestamp ?? '';
  if (ta !== tb) return ta < tb ? -1 : 1;
  const na = a.metadata.name ?? '';
  const nb = b.metadata.name ?? '';
  return na < nb ? -1 : na > nb ? 1 : 0;
}

/** The controlled ReplicaSets: old ones first, the new one (if any) last, as upstream appends it. */
export async function deploymentReplicaSets(ctx: Ctx, deploy: KObject): Promise<{ all: KObject[]; newRS: KObject | undefined }> {
  const mapping = await ctx.discovery.resolve('replicasets.apps');
  const selector = selectorFromLabelSelector((deploy as J).spec?.selector).toString();
  const list = await ctx.api.list(mapping, deploy.metadata.namespace, selector ? { labelSelector: selector } : {});
  const uid = deploy.metadata.uid;
  const owned = list.items.filter((rs) => (rs.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid)).sort(byCreation);
  const newRS = owned.find((rs) => equalIgnoreHash((rs as J).spec?.template, (deploy as J).spec?.template));
  const all = owned.filter((rs) => rs !== newRS);
  if (newRS) all.push(newRS);
  return { all, newRS };
}
