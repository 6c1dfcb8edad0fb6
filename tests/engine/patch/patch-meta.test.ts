// Patch metadata lookups: the struct tags of k8s.io/api for built-in kinds, and JSON-merge
// semantics (no strategy) for unknown kinds and fields.

import { describe, expect, it } from 'vitest';
import { isStrategicKind, patchMetaFor, type PatchMeta } from '../../../src/engine/patch/patch-meta';

function at(meta: PatchMeta, path: string): { strategies: readonly string[]; mergeKey: string } {
  const parts = path.split('.');
  let m = meta;
  let f = m.field(parts[0]);
  for (const p of parts.slice(1)) {
    m = f.meta;
    f = m.field(p);
  }
  return { strategies: f.strategies, mergeKey: f.mergeKey };
}

describe('patchMetaFor', () => {
  const rows: { gv: string; kind: string; path: string; strategies: string[]; mergeKey: string }[] = [
    { gv: 'v1', kind: 'Pod', path: 'spec.containers', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.initContainers', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.ephemeralContainers', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.ports', strategies: ['merge'], mergeKey: 'containerPort' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.env', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.volumeMounts', strategies: ['merge'], mergeKey: 'mountPath' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.volumeDevices', strategies: ['merge'], mergeKey: 'devicePath' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.envFrom', strategies: [], mergeKey: '' },
    { gv: 'v1', kind: 'Pod', path: 'spec.containers.args', strategies: [], mergeKey: '' },
    { gv: 'v1', kind: 'Pod', path: 'spec.volumes', strategies: ['merge', 'retainKeys'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.imagePullSecrets', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'v1', kind: 'Pod', path: 'spec.hostAliases', strategies: ['merge'], mergeKey: 'ip' },
    { gv: 'v1', kind: 'Pod', path: 'spec.topologySpreadConstraints', strategies: ['merge'], mergeKey: 'topologyKey' },
    { gv: 'v1', kind: 'Pod', path: 'spec.tolerations', strategies: [], mergeKey: '' },
    { gv: 'v1', kind: 'Pod', path: 'status.conditions', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'v1', kind: 'Pod', path: 'status.podIPs', strategies: ['merge'], mergeKey: 'ip' },
    { gv: 'v1', kind: 'Pod', path: 'metadata.ownerReferences', strategies: ['merge'], mergeKey: 'uid' },
    { gv: 'v1', kind: 'Pod', path: 'metadata.finalizers', strategies: ['merge'], mergeKey: '' },
    { gv: 'v1', kind: 'Service', path: 'spec.ports', strategies: ['merge'], mergeKey: 'port' },
    { gv: 'v1', kind: 'Node', path: 'status.addresses', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'v1', kind: 'Node', path: 'spec.podCIDRs', strategies: ['merge'], mergeKey: '' },
    { gv: 'v1', kind: 'ServiceAccount', path: 'secrets', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'apps/v1', kind: 'Deployment', path: 'spec.strategy', strategies: ['retainKeys'], mergeKey: '' },
    { gv: 'apps/v1', kind: 'Deployment', path: 'spec.template.spec.containers.env', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'apps/v1', kind: 'Deployment', path: 'spec.template.metadata.finalizers', strategies: ['merge'], mergeKey: '' },
    { gv: 'apps/v1', kind: 'Deployment', path: 'status.conditions', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'apps/v1', kind: 'StatefulSet', path: 'spec.volumeClaimTemplates.status.conditions', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'apps/v1', kind: 'DaemonSet', path: 'spec.template.spec.volumes', strategies: ['merge', 'retainKeys'], mergeKey: 'name' },
    { gv: 'batch/v1', kind: 'CronJob', path: 'spec.jobTemplate.spec.template.spec.containers', strategies: ['merge'], mergeKey: 'name' },
    { gv: 'batch/v1', kind: 'Job', path: 'status.conditions', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', path: 'status.conditions', strategies: ['merge'], mergeKey: 'type' },
    { gv: 'autoscaling/v1', kind: 'HorizontalPodAutoscaler', path: 'status.conditions', strategies: [], mergeKey: '' },
    { gv: 'policy/v1', kind: 'PodDisruptionBudget', path: 'spec.selector', strategies: ['replace'], mergeKey: '' },
    { gv: 'networking.k8s.io/v1', kind: 'Ingress', path: 'spec.rules', strategies: [], mergeKey: '' },
    { gv: 'networking.k8s.io/v1', kind: 'Ingress', path: 'metadata.finalizers', strategies: ['merge'], mergeKey: '' },
    { gv: 'v1', kind: 'ConfigMap', path: 'data', strategies: [], mergeKey: '' },
    { gv: 'cert-manager.io/v1', kind: 'Certificate', path: 'metadata.finalizers', strategies: [], mergeKey: '' },
    { gv: 'cert-manager.io/v1', kind: 'Certificate', path: 'spec.dnsNames', strategies: [], mergeKey: '' },
    { gv: 'v1', kind: 'Pod', path: 'spec.nosuchfield.deeper', strategies: [], mergeKey: '' },
  ];
  for (const r of rows) {
    it(`${r.gv} ${r.kind} ${r.path}`, () => {
      expect(at(patchMetaFor(r.gv, r.kind), r.path)).toEqual({ strategies: r.strategies, mergeKey: r.mergeKey });
    });
  }
});

describe('isStrategicKind', () => {
  const rows: [string, string, boolean][] = [
    ['apps/v1', 'Deployment', true],
    ['v1', 'ConfigMap', true],
    ['v1', 'Pod', true],
    ['networking.k8s.io/v1', 'Ingress', true],
    ['batch/v1', 'CronJob', true],
    ['apps/v1beta1', 'Deployment', false],
    ['cert-manager.io/v1', 'Certificate', false],
    ['v1', 'Nope', false],
  ];
  for (const [gv, kind, want] of rows) it(`${gv} ${kind}`, () => expect(isStrategicKind(gv, kind)).toBe(want));
});
