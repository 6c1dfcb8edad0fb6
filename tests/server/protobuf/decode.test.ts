// Generic message decoding against the generated tables: what Go's encoding/json prints for the struct
// gogo-protobuf fills (omitempty, pointers, zero values, null slices, inline structs, map order, merging).
import { describe, expect, it } from 'vitest';
import { decodeMessage } from '../../../src/server/protobuf/decode';
import { messageFields, messageForKind } from '../../../src/server/protobuf/tables';
import { pb, type PbField } from './pb';

const decode = (name: string, fields: PbField[] | Uint8Array) => decodeMessage(name, fields instanceof Uint8Array ? fields : pb(fields));

describe('decodeMessage', () => {
  const rows: { name: string; input: PbField[]; want: unknown }[] = [
    // ServicePort: name/protocol/nodePort omitempty, port plain, targetPort a struct (never omitted).
    { name: 'core/v1.ServicePort', input: [], want: { port: 0, targetPort: 0 } },
    { name: 'core/v1.ServicePort', input: [[1, ''], [2, 'TCP'], [3, 80], [4, [[1, 0], [2, 8080], [3, '']]], [5, 0]], want: { protocol: 'TCP', port: 80, targetPort: 8080 } },
    { name: 'core/v1.ServicePort', input: [[6, '']], want: { appProtocol: '', port: 0, targetPort: 0 } },
    { name: 'core/v1.ServicePort', input: [[3, 443], [1, 'https'], [5, 30443]], want: { name: 'https', port: 443, targetPort: 0, nodePort: 30443 } },
    // DeploymentSpec: a pointer present with its zero value stays (replicas: 0); selector is a pointer
    // without omitempty (null when absent); template and strategy are structs.
    {
      name: 'apps/v1.DeploymentSpec',
      input: [[1, 0]],
      want: { replicas: 0, selector: null, template: { metadata: { creationTimestamp: null }, spec: { containers: null } }, strategy: {} },
    },
    {
      name: 'apps/v1.DeploymentSpec',
      input: [[7, true], [6, 10], [4, [[1, 'RollingUpdate'], [2, [[1, [[1, 1], [3, '25%']]]]]]]],
      want: {
        selector: null,
        template: { metadata: { creationTimestamp: null }, spec: { containers: null } },
        strategy: { type: 'RollingUpdate', rollingUpdate: { maxUnavailable: '25%' } },
        revisionHistoryLimit: 10,
        paused: true,
      },
    },
    // Repeated fields: omitempty lists vanish when empty, plain ones print null.
    { name: 'meta/v1.LabelSelectorRequirement', input: [[1, 'app'], [2, 'In'], [3, 'a'], [3, 'b']], want: { key: 'app', operator: 'In', values: ['a', 'b'] } },
    { name: 'meta/v1.LabelSelectorRequirement', input: [[1, 'app'], [2, 'Exists']], want: { key: 'app', operator: 'Exists' } },
    { name: 'networking/v1.HTTPIngressRuleValue', input: [], want: { paths: null } },
    { name: 'core/v1.NodeSelector', input: [], want: { nodeSelectorTerms: null } },
    // Maps: keys sorted, bytes as base64, a repeated key keeps its last value.
    {
      name: 'core/v1.ConfigMap',
      input: [[2, [[1, 'z'], [2, '1']]], [2, [[1, 'a'], [2, '2']]], [2, [[1, 'z'], [2, '3']]], [3, [[1, 'bin'], [2, Uint8Array.from([0, 1, 2, 255])]]]],
      want: { metadata: { creationTimestamp: null }, data: { a: '2', z: '3' }, binaryData: { bin: 'AAEC/w==' } },
    },
    { name: 'core/v1.ConfigMap', input: [[2, [[1, 'empty']]]], want: { metadata: { creationTimestamp: null }, data: { empty: '' } } },
    { name: 'core/v1.Secret', input: [[2, [[1, 'p'], [2, 'q']]], [3, 'Opaque'], [5, false]], want: { metadata: { creationTimestamp: null }, immutable: false, data: { p: 'cQ==' }, type: 'Opaque' } },
    // Inline embedded structs: Volume's VolumeSource and Probe's ProbeHandler print in place.
    { name: 'core/v1.Volume', input: [[1, 'cache'], [2, [[2, []]]]], want: { name: 'cache', emptyDir: {} } },
    { name: 'core/v1.Volume', input: [[1, 'cfg'], [2, [[19, [[1, [[1, 'app-config']]], [3, 420]]]]]], want: { name: 'cfg', configMap: { name: 'app-config', defaultMode: 420 } } },
    {
      name: 'core/v1.Probe',
      input: [[1, [[2, [[1, '/healthz'], [2, [[1, 0], [2, 8080]]]]]]], [2, 5], [4, 10]],
      want: { httpGet: { path: '/healthz', port: 8080 }, initialDelaySeconds: 5, periodSeconds: 10 },
    },
    // int64, double and Time in a map.
    { name: 'coordination/v1.LeaseSpec', input: [[1, 'node-1'], [2, 40], [4, [[1, 1700000000], [2, 5000]]]], want: { holderIdentity: 'node-1', leaseDurationSeconds: 40, renewTime: '2023-11-14T22:13:20.000005Z' } },
    { name: 'apiextensions/v1.JSONSchemaProps', input: [[5, 'number'], [9, 1.5, 1], [18, true]], want: { type: 'number', maximum: 1.5, uniqueItems: true } },
    // Non-omitempty strings of an empty Container, and a pointer string present empty.
    { name: 'core/v1.Container', input: [[24, '']], want: { name: '', resources: {}, restartPolicy: '' } },
    // Verbs: a Go []string behind a wrapper message.
    { name: 'meta/v1.APIResource', input: [[1, 'pods'], [4, [[1, 'get']]]], want: { name: 'pods', singularName: '', namespaced: false, kind: '', verbs: ['get'] } },
    { name: 'meta/v1.APIResource', input: [], want: { name: '', singularName: '', namespaced: false, kind: '', verbs: null } },
    // ManagedFieldsEntry: FieldsV1 raw JSON.
    {
      name: 'meta/v1.ManagedFieldsEntry',
      input: [[1, 'kubectl'], [2, 'Update'], [3, 'v1'], [6, 'FieldsV1'], [7, [[1, '{"f:data":{"f:a":{}}}']]]],
      want: { manager: 'kubectl', operation: 'Update', apiVersion: 'v1', fieldsType: 'FieldsV1', fieldsV1: { 'f:data': { 'f:a': {} } } },
    },
  ];
  for (const r of rows) it(`${r.name} ${JSON.stringify(r.input)}`, () => expect(decode(r.name, r.input)).toEqual(r.want));

  it('prints fields in Go declaration order, not field-number order', () => {
    const got = decode('core/v1.ServicePort', [[5, 30080], [4, [[2, 80]]], [3, 80], [2, 'TCP'], [1, 'http'], [6, 'h2c']]);
    expect(Object.keys(got)).toEqual(['name', 'protocol', 'appProtocol', 'port', 'targetPort', 'nodePort']);
    const dep = decode('apps/v1.Deployment', []);
    expect(Object.keys(dep)).toEqual(['metadata', 'spec', 'status']);
  });

  it('merges a singular message that occurs twice, as protobuf does', () => {
    const got = decode('core/v1.ConfigMap', [[1, [[1, 'a']]], [1, [[3, 'ns']]]]);
    expect(got.metadata).toEqual({ name: 'a', namespace: 'ns', creationTimestamp: null });
  });

  it('keeps the last value of a repeated scalar field', () => {
    expect(decode('core/v1.ServicePort', [[3, 1], [3, 2]]).port).toBe(2);
  });

  it('accepts packed and unpacked repeated int32', () => {
    // core/v1.Capabilities is strings; batch/v1 PodFailurePolicyOnExitCodesRequirement.values is int32.
    const unpacked = decode('batch/v1.PodFailurePolicyOnExitCodesRequirement', [[2, 'In'], [3, 1], [3, 2]]);
    const packed = decode('batch/v1.PodFailurePolicyOnExitCodesRequirement', [[2, 'In'], [3, Uint8Array.from([1, 2])]]);
    expect(unpacked).toEqual(packed);
    expect(packed.values).toEqual([1, 2]);
  });

  it('skips unknown fields like gogo does', () => {
    expect(decode('core/v1.ServicePort', [[3, 80], [99, 'x'], [100, 7]])).toEqual({ port: 80, targetPort: 0 });
  });

  const bad: { name: string; input: PbField[]; want: RegExp }[] = [
    { name: 'core/v1.ServicePort', input: [[1, 5]], want: /wrong wireType = 0 for field name/ },
    { name: 'core/v1.ServicePort', input: [[3, 'x']], want: /wrong wireType = 2 for field port/ },
    { name: 'core/v1.ConfigMap', input: [[1, 7]], want: /wrong wireType = 0 for field metadata/ },
  ];
  for (const r of bad) it(`rejects ${r.name} ${JSON.stringify(r.input)}`, () => expect(() => decode(r.name, r.input)).toThrow(r.want));

  it('rejects a truncated nested message', () => {
    expect(() => decode('core/v1.ConfigMap', Uint8Array.from([0x0a, 0x03, 0x0a, 0x05, 0x61]))).toThrow('unexpected EOF');
  });
});

describe('tables', () => {
  const kinds: { input: [string, string]; want: string | undefined }[] = [
    { input: ['apps/v1', 'Deployment'], want: 'apps/v1.Deployment' },
    { input: ['v1', 'Pod'], want: 'core/v1.Pod' },
    { input: ['v1', 'Namespace'], want: 'core/v1.Namespace' },
    { input: ['batch/v1', 'CronJob'], want: 'batch/v1.CronJob' },
    { input: ['networking.k8s.io/v1', 'Ingress'], want: 'networking/v1.Ingress' },
    { input: ['autoscaling/v2', 'HorizontalPodAutoscaler'], want: 'autoscaling/v2.HorizontalPodAutoscaler' },
    { input: ['autoscaling/v1', 'Scale'], want: 'autoscaling/v1.Scale' },
    { input: ['discovery.k8s.io/v1', 'EndpointSlice'], want: 'discovery/v1.EndpointSlice' },
    { input: ['coordination.k8s.io/v1', 'Lease'], want: 'coordination/v1.Lease' },
    { input: ['events.k8s.io/v1', 'Event'], want: 'events/v1.Event' },
    { input: ['storage.k8s.io/v1', 'StorageClass'], want: 'storage/v1.StorageClass' },
    { input: ['apiextensions.k8s.io/v1', 'CustomResourceDefinition'], want: 'apiextensions/v1.CustomResourceDefinition' },
    { input: ['policy/v1', 'Eviction'], want: 'policy/v1.Eviction' },
    { input: ['rbac.authorization.k8s.io/v1', 'ClusterRoleBinding'], want: 'rbac/v1.ClusterRoleBinding' },
    { input: ['apps/v1', 'DeleteOptions'], want: 'meta/v1.DeleteOptions' },
    { input: ['v1', 'DeploymentSpec'], want: undefined },
    { input: ['apps/v1', 'Pod'], want: undefined },
    { input: ['stable.example.com/v1', 'CronTab'], want: undefined },
    { input: ['v1', 'toString'], want: undefined },
  ];
  for (const r of kinds) it(`${r.input.join(' ')} -> ${r.want}`, () => expect(messageForKind(...r.input)).toBe(r.want));

  it('maps JSON names that are not the proto names', () => {
    const names = messageFields('apiextensions/v1.JSONSchemaProps')!.map((f) => f.json);
    expect(names).toContain('$ref');
    expect(names).toContain('$schema');
    expect(names).toContain('x-kubernetes-preserve-unknown-fields');
    expect(names).toContain('x-kubernetes-int-or-string');
    expect(messageFields('core/v1.EphemeralContainer')![0]).toMatchObject({ json: '', inline: true, type: 'core/v1.EphemeralContainerCommon' });
  });
  it('knows nothing about unknown messages', () => expect(messageFields('core/v1.Nope')).toBeUndefined());
});
