// ResourceQuota admission (plugin/pkg/admission/resourcequota): a create is refused when it
// would take a quota in its namespace over status.hard; otherwise the charge is added to each
// quota's status.used at once (so the next create sees it before the controller recounts).

import type { KObject } from '../../api/types';
import { forbidden } from '../status';
import { addUsage, exceeded, fromUsage, mask, matchingResources, objectUsage, podConstraints, prettyPrint, toUsage, type Usage } from '../../controllers/resourcequota/usage';
import { quotaMatches } from '../../controllers/resourcequota/scopes';
import type { AdmissionAttributes, AdmissionPlugin, ServerContext } from '../context';

const QUOTAS = '/resourcequotas';

type QuotaStatus = { hard?: Record<string, string>; used?: Record<string, string> };

/** The outcome of checking one create against the namespace's quotas. */
export type QuotaCheck = { ok: true; updates: KObject[] } | { ok: false; message: string };

/**
 * CheckRequest: `quotas` are the namespace's ResourceQuotas; returns the quotas whose used must
 * grow (copies with the new status.used) or the refusal message (without the `pods "x" is
 * forbidden: ` prefix). E.g. used requests.cpu=1, hard 1500m, pod requests 600m -> 1600m > 1500m
 * -> "exceeded quota: q, requested: requests.cpu=600m, used: requests.cpu=1, limited: requests.cpu=1500m".
 */
export function checkQuotas(type: { group: string; plural: string }, obj: KObject, quotas: KObject[], nowMs: number): QuotaCheck {
  const isPod = type.group === '' && type.plural === 'pods';
  const sorted = [...quotas].sort((a, b) => (a.metadata.name ?? '').localeCompare(b.metadata.name ?? ''));
  const interesting: KObject[] = [];
  for (const quota of sorted) {
    if (!quotaMatches(quota, isPod, obj)) continue;
    const status = (quota.status ?? {}) as QuotaStatus;
    const restricted = matchingResources(type, Object.keys(status.hard ?? {}));
    if (!restricted.length) continue;
    const name = quota.metadata.name ?? '';
    if (isPod) {
      const missing = podConstraints(obj, restricted);
      if (missing) return { ok: false, message: `failed quota: ${name}: ${missing}` };
    }
    const unknown = restricted.filter((r) => status.used?.[r] === undefined);
    if (unknown.length) return { ok: false, message: `status unknown for quota: ${name}, resources: ${unknown.join(',')}` };
    interesting.push(quota);
  }
  if (!interesting.length) return { ok: true, updates: [] };
  // RemoveZeros: nothing is charged for zero usage (e.g. services.nodeports of a ClusterIP).
  const delta: Usage = new Map([...objectUsage(type, obj, nowMs)].filter(([, v]) => !v.isZero()));
  if (!delta.size) return { ok: true, updates: [] };
  const updates: KObject[] = [];
  for (const quota of interesting) {
    const status = (quota.status ?? {}) as QuotaStatus;
    const hard = toUsage(status.hard);
    const used = toUsage(status.used);
    const requested = mask(delta, hard.keys());
    if (!requested.size) continue;
    const newUsage = addUsage(used, requested);
    const over = exceeded(mask(newUsage, requested.keys()), hard);
    if (over.length) {
      return {
        ok: false,
        message: `exceeded quota: ${quota.metadata.name}, requested: ${prettyPrint(mask(requested, over))}, used: ${prettyPrint(mask(used, over))}, limited: ${prettyPrint(mask(hard, over))}`,
      };
    }
    const copy = JSON.parse(JSON.stringify(quota)) as KObject;
    (copy.status as QuotaStatus).used = fromUsage(newUsage);
    updates.push(copy);
  }
  return { ok: true, updates };
}

function applies(a: AdmissionAttributes): boolean {
  return a.operation === 'CREATE' && !a.subresource && a.type.namespaced && a.namespace !== '';
}

export const resourceQuotaAdmission: AdmissionPlugin = {
  name: 'ResourceQuota',
  validate(a: AdmissionAttributes, ctx: ServerContext) {
    if (!applies(a)) return;
    const quotas = ctx.store.list(QUOTAS, a.namespace).items;
    if (!quotas.length) return;
    const res = checkQuotas(a.type, a.object, quotas, ctx.clock.now());
    if (!res.ok) {
      const name = a.object.metadata.name || a.object.metadata.generateName || 'Unknown';
      throw forbidden(a.type.group, a.type.plural, name, res.message);
    }
    if (a.dryRun) return;
    for (const q of res.updates) ctx.store.update(QUOTAS, q);
  },
};
