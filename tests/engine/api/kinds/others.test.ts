import { describe, expect, it } from 'vitest';
import { strategyFor } from '../../../../src/engine/api/kinds/index';
import { defaulted, errorsOnCreate, errorsOnUpdate } from './helpers';

describe('storage, HPA, ingress', () => {
  it('StorageClass defaults', () => {
    const o = defaulted('storage.k8s.io', { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'std' }, provisioner: 'x' });
    expect([o.reclaimPolicy, o.volumeBindingMode]).toEqual(['Delete', 'Immediate']);
  });
  it('StorageClass parameters are immutable', () => {
    const old = { apiVersion: 'storage.k8s.io/v1', kind: 'StorageClass', metadata: { name: 'std' }, provisioner: 'x', parameters: { a: '1' } };
    expect(errorsOnUpdate('storage.k8s.io', { ...old, parameters: { a: '2' } }, old)).toEqual(['parameters: Forbidden: updates to parameters are forbidden.']);
  });
  it('PVC defaults', () => {
    const o = defaulted('', { apiVersion: 'v1', kind: 'PersistentVolumeClaim', metadata: { name: 'c', namespace: 'default' }, spec: { accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1000M' } } } });
    expect([o.spec, o.status]).toEqual([{ accessModes: ['ReadWriteOnce'], resources: { requests: { storage: '1G' } }, volumeMode: 'Filesystem' }, { phase: 'Pending' }]);
  });
  it('PV defaults', () => {
    const o = defaulted('', { apiVersion: 'v1', kind: 'PersistentVolume', metadata: { name: 'v' }, spec: { capacity: { storage: '1Gi' }, accessModes: ['ReadWriteOnce'], hostPath: { path: '/d' } } });
    expect([(o.spec as any).persistentVolumeReclaimPolicy, (o.spec as any).volumeMode, (o.spec as any).hostPath, o.status]).toEqual(['Retain', 'Filesystem', { path: '/d', type: '' }, { phase: 'Pending' }]);
  });
  it('HPA defaults', () => {
    const o = defaulted('autoscaling', { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', metadata: { name: 'h', namespace: 'default' }, spec: { maxReplicas: 5, scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' }, behavior: {} } });
    expect(o.spec).toEqual({
      minReplicas: 1,
      maxReplicas: 5,
      scaleTargetRef: { apiVersion: 'apps/v1', kind: 'Deployment', name: 'web' },
      metrics: [{ type: 'Resource', resource: { name: 'cpu', target: { type: 'Utilization', averageUtilization: 80 } } }],
      behavior: {
        scaleUp: { stabilizationWindowSeconds: 0, selectPolicy: 'Max', policies: [{ type: 'Pods', value: 4, periodSeconds: 15 }, { type: 'Percent', value: 100, periodSeconds: 15 }] },
        scaleDown: { selectPolicy: 'Max', policies: [{ type: 'Percent', value: 100, periodSeconds: 15 }] },
      },
    });
  });
  const ing = (spec: Record<string, unknown>) => ({ apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', metadata: { name: 'i', namespace: 'default' }, spec });
  const backend = { service: { name: 'web', port: { number: 80 } } };
  const rows: { input: Record<string, unknown>; want: string[] }[] = [
    { input: ing({ rules: [{ host: 'a.example.com', http: { paths: [{ path: '/', pathType: 'Prefix', backend }] } }] }), want: [] },
    { input: ing({ rules: [{ http: { paths: [{ path: '/', backend }] } }] }), want: ['spec.rules[0].http.paths[0].pathType: Required value: pathType must be specified'] },
    { input: ing({ rules: [{ http: { paths: [{ path: 'x', pathType: 'Exact', backend }] } }] }), want: ['spec.rules[0].http.paths[0].path: Invalid value: "x": must be an absolute path'] },
    { input: ing({ rules: [{ http: { paths: [{ path: '/', pathType: 'Foo', backend }] } }] }), want: ['spec.rules[0].http.paths[0].pathType: Unsupported value: "Foo": supported values: "Exact", "ImplementationSpecific", "Prefix"'] },
    { input: ing({ rules: [{ http: { paths: [{ path: '/', pathType: 'Prefix', backend: { service: { name: 'web', port: {} } } }] } }] }), want: ['spec.rules[0].http.paths[0].backend.service.port: Required value: port name or number is required'] },
    { input: ing({}), want: ['spec: Invalid value: []networking.IngressRule(nil): either `defaultBackend` or `rules` must be specified'] },
  ];
  rows.forEach(({ input, want }, i) => it(`ingress row ${i}`, () => expect(errorsOnCreate('networking.k8s.io', input)).toEqual(want)));
});

describe('strategyFor', () => {
  it('returns an empty strategy for unknown kinds', () => expect(strategyFor('example.com', 'Widget')).toEqual({}));
  const known = ['|Pod', 'apps|Deployment', 'batch|Job', '|Service', 'networking.k8s.io|Ingress', 'storage.k8s.io|StorageClass', 'autoscaling|HorizontalPodAutoscaler'];
  for (const k of known) {
    const [g, kind] = k.split('|');
    it(`has validation for ${k}`, () => expect(typeof strategyFor(g, kind).validate).toBe('function'));
  }
  it('ownerReferences: one controller only', () => {
    const refs = [
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'a', uid: '1', controller: true },
      { apiVersion: 'apps/v1', kind: 'ReplicaSet', name: 'b', uid: '2', controller: true },
    ];
    const errs = errorsOnCreate('', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', ownerReferences: refs } });
    expect(errs).toHaveLength(1);
    expect(errs[0]).toMatch(/^metadata\.ownerReferences: Invalid value: \[\]v1\.OwnerReference\{.*\}: Only one reference can have Controller set to true\. Found "true" in references for ReplicaSet\/a and ReplicaSet\/b$/);
  });
  it('finalizers must be qualified names', () => {
    expect(errorsOnCreate('', { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c', namespace: 'default', finalizers: ['a/b/c'] } })).toEqual([
      "metadata.finalizers: Invalid value: \"a/b/c\": a qualified name must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]') with an optional DNS subdomain prefix and '/' (e.g. 'example.com/MyName')",
    ]);
  });
});
