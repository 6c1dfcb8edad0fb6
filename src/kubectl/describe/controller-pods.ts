// Related-object lookups of the workload describers: pod phase counts of a controller
// (getPodStatusForController) and a Deployment's new and old ReplicaSets (deploymentutil).
import type { KObject } from '../../engine/api/types';
import { parseTimestamp } from '../../engine/util/human-duration';
import type { DescribeContext } from './client';
import { controllerOf, rec, str } from './values';
import type { J } from './values';

/** Counts of a controller's pods by phase. */
export interface PodPhaseCounts {
  running: number;
  waiting: number;
  succeeded: number;
  failed: number;
}

/** getPodStatusForController: pods matching the selector and controlled by `uid`, by phase. */
export async function podStatusForController(
  ctx: DescribeContext,
  namespace: string,
  selector: string,
  uid: string,
): Promise<{ ok: true; counts: PodPhaseCounts } | { ok: false; error: string }> {
  let pods: KObject[];
  try {
    pods = await ctx.client.list('', 'pods', namespace, { labelSelector: selector });
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
  const counts: PodPhaseCounts = { running: 0, waiting: 0, succeeded: 0, failed: 0 };
  for (const pod of pods) {
    const ref = controllerOf(pod);
    // Orphans and pods of other controllers that happen to match the selector are skipped.
    if (!ref || str(ref.uid) !== uid) continue;
    const phase = str((pod as J).status?.phase);
    if (phase === 'Running') counts.running++;
    else if (phase === 'Pending') counts.waiting++;
    else if (phase === 'Succeeded') counts.succeeded++;
    else if (phase === 'Failed') counts.failed++;
  }
  return { ok: true, counts };
}

// Go's zero values are what an absent field reads as, and Semantic.DeepEqual treats nil and
// empty slices and maps alike: drop all of them before comparing.
function normalize(v: unknown): unknown {
  if (Array.isArray(v)) return v.length === 0 ? undefined : v.map((x) => normalize(x) ?? null);
  const o = rec(v);
  if (o) {
    const out: Record<string, unknown> = {};
    for (const k of Object.keys(o).sort()) {
      const n = normalize(o[k]);
      if (n !== undefined) out[k] = n;
    }
    return Object.keys(out).length === 0 ? undefined : out;
  }
  if (v === null || v === '' || v === 0 || v === false) return undefined;
  return v;
}

function withoutHash(template: J): unknown {
  const t = JSON.parse(JSON.stringify(template ?? {}));
  if (rec(t.metadata?.labels)) delete t.metadata.labels['pod-template-hash'];
  return normalize(t);
}

/** deploymentutil.EqualIgnoreHash: templates equal apart from the pod-template-hash label. */
export function equalIgnoreHash(a: unknown, b: unknown): boolean {
  return JSON.stringify(withoutHash(a)) === JSON.stringify(withoutHash(b));
}

/** ReplicaSetsByCreationTimestamp: oldest first, then by name. */
function byCreation(a: J, b: J): number {
  const ta = parseTimestamp(str(a?.metadata?.creationTimestamp)) ?? Number.NEGATIVE_INFINITY;
  const tb = parseTimestamp(str(b?.metadata?.creationTimestamp)) ?? Number.NEGATIVE_INFINITY;
  if (ta === tb) return str(a?.metadata?.name) < str(b?.metadata?.name) ? -1 : str(a?.metadata?.name) > str(b?.metadata?.name) ? 1 : 0;
  return ta < tb ? -1 : 1;
}

/**
 * deploymentutil.GetAllReplicaSetsInChunks as the describer uses it: the ReplicaSets the
 * Deployment controls, the new one (oldest whose template matches) and all the others.
 */
export async function deploymentReplicaSets(
  ctx: DescribeContext,
  deploy: J,
  selector: string,
): Promise<{ oldRSs: J[]; newRS: J | undefined } | undefined> {
  let all: KObject[];
  try {
    all = await ctx.client.list('apps', 'replicasets', str(deploy?.metadata?.namespace), { labelSelector: selector });
  } catch {
    return undefined;
  }
  const uid = str(deploy?.metadata?.uid);
  const owned = all.filter((rs) => str(controllerOf(rs)?.uid) === uid).sort(byCreation);
  const newRS = owned.find((rs: J) => equalIgnoreHash(rs?.spec?.template, deploy?.spec?.template));
  return { oldRSs: owned.filter((rs) => rs !== newRS), newRS };
}
