// DaemonSet history (pkg/controller/daemon/update.go): the template hash that names a revision and
// labels its pods (`controller-revision-hash`), and the ControllerRevision `<ds>-<hash>` object.

import { clone, type KObject } from '../../api/types';

export const REVISION_HASH_LABEL = 'controller-revision-hash';
export const TEMPLATE_GENERATION_LABEL = 'pod-template-generation';

function stable(v: unknown): string {
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(stable).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o).sort().filter((k) => o[k] !== undefined).map((k) => `${JSON.stringify(k)}:${stable(o[k])}`).join(',')}}`;
}

const ALPHANUMS = 'bcdfghjklmnpqrstvwxz2456789';

/**
 * controller.ComputeHash: FNV-32a over the template (and the collision count when set), the
 * decimal value mapped through rand.SafeEncodeString. Upstream hashes Go's printed struct, so the
 * exact value differs; its shape (`[bcdf…9]{6,10}`) and stability are the same.
 */
export function computeHash(template: unknown, collisionCount?: number): string {
  let h = 0x811c9dc5;
  const s = stable(template) + (collisionCount ? `#${collisionCount}` : '');
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i) & 0xff;
    h = Math.imul(h, 0x01000193) >>> 0;
  }
  const dec = String(h >>> 0);
  let out = '';
  for (let i = 0; i < dec.length; i++) out += ALPHANUMS[dec.charCodeAt(i) % ALPHANUMS.length];
  return out;
}

/** The ControllerRevision snapshotting a DaemonSet's template (`data` is the replace patch upstream stores). */
export function daemonSetRevision(ds: KObject, hash: string, revision: number): KObject {
  const template = clone((ds.spec as { template?: Record<string, unknown> }).template ?? {});
  return {
    apiVersion: 'apps/v1',
    kind: 'ControllerRevision',
    metadata: {
      name: `${ds.metadata.name}-${hash}`,
      namespace: ds.metadata.namespace,
      labels: { ...(((template.metadata as { labels?: Record<string, string> } | undefined)?.labels) ?? {}), [REVISION_HASH_LABEL]: hash },
      ...(ds.metadata.annotations ? { annotations: { ...ds.metadata.annotations } } : {}),
      ownerReferences: [{ apiVersion: 'apps/v1', kind: 'DaemonSet', name: ds.metadata.name!, uid: ds.metadata.uid!, controller: true, blockOwnerDeletion: true }],
    },
    data: { spec: { template: { ...template, $patch: 'replace' } } },
    revision,
  };
}
