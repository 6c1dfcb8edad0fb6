// Filter plugin tables, rows ported (as facts) from upstream's plugin tests: nodeunschedulable,
// nodename, tainttoleration, nodeaffinity, noderesources/fit, nodeports.
import { describe, expect, it } from 'vitest';
import { nodeName, nodePorts, nodeUnschedulable, taintToleration } from '../../../src/engine/scheduler/plugins/basic';
import { nodeAffinity } from '../../../src/engine/scheduler/plugins/node-affinity';
import { nodeResourcesFit } from '../../../src/engine/scheduler/plugins/resources';
import type { FilterPlugin } from '../../../src/engine/scheduler/types';
import type { KObject } from '../../../src/engine/api/types';
import { cacheWith, nodeObj, podObj, req, stateFor } from './fixtures';

/** Runs a plugin's PreFilter and Filter for one pod on one node: null (fits) or [code, reasons]. */
function run(p: FilterPlugin, pod: KObject, node: KObject, existing: KObject[] = []): null | [string, string] {
  const cache = cacheWith([node], existing);
  const state = stateFor(pod, cache);
  const pre = p.preFilter?.(state) ?? null;
  if (pre === 'skip') return null;
  if (pre) return [pre.code, pre.reasons.join(', ')];
  const s = p.filter(state, cache.node(node.metadata.name!)!);
  return s ? [s.code, s.reasons.join(', ')] : null;
}

const UNRES = 'UnschedulableAndUnresolvable';

describe('NodeUnschedulable', () => {
  const rows: { name: string; node: KObject; pod: KObject; want: null | [string, string] }[] = [
    { name: 'schedulable node', node: nodeObj('n'), pod: podObj('p'), want: null },
    { name: 'unschedulable node', node: nodeObj('n', { unschedulable: true }), pod: podObj('p'), want: [UNRES, 'node(s) were unschedulable'] },
    {
      name: 'unschedulable node, pod tolerates the unschedulable taint',
      node: nodeObj('n', { unschedulable: true }),
      pod: podObj('p', { tolerations: [{ key: 'node.kubernetes.io/unschedulable', effect: 'NoSchedule' }] }),
      want: null,
    },
    { name: 'tolerate-everything toleration', node: nodeObj('n', { unschedulable: true }), pod: podObj('p', { tolerations: [{ operator: 'Exists' }] }), want: null },
  ];
  for (const r of rows) it(r.name, () => expect(run(nodeUnschedulable, r.pod, r.node)).toEqual(r.want));
});

describe('NodeName', () => {
  const rows = [
    { name: 'no host specified', pod: podObj('p'), want: null },
    { name: 'host matches', pod: podObj('p', { nodeName: 'foo' }), want: null },
    { name: 'host does not match', pod: podObj('p', { nodeName: 'bar' }), want: [UNRES, "node(s) didn't match the requested node name"] },
  ];
  for (const r of rows) it(r.name, () => expect(run(nodeName, r.pod, nodeObj('foo'))).toEqual(r.want));
});

describe('TaintToleration filter', () => {
  const taint = (key: string, value: string, effect: string) => ({ key, value, effect });
  const rows: { name: string; taints: unknown[]; tolerations?: unknown[]; want: null | [string, string] }[] = [
    { name: 'no tolerations, tainted node', taints: [taint('dedicated', 'user1', 'NoSchedule')], want: [UNRES, 'node(s) had untolerated taint {dedicated: user1}'] },
    { name: 'equal toleration', taints: [taint('dedicated', 'user1', 'NoSchedule')], tolerations: [{ key: 'dedicated', value: 'user1', effect: 'NoSchedule' }], want: null },
    { name: 'value mismatch', taints: [taint('dedicated', 'user1', 'NoSchedule')], tolerations: [{ key: 'dedicated', operator: 'Equal', value: 'user2', effect: 'NoSchedule' }], want: [UNRES, 'node(s) had untolerated taint {dedicated: user1}'] },
    { name: 'Exists toleration', taints: [taint('foo', 'bar', 'NoSchedule')], tolerations: [{ key: 'foo', operator: 'Exists', effect: 'NoSchedule' }], want: null },
    { name: 'toleration with empty effect tolerates all effects', taints: [taint('foo', 'bar', 'NoExecute')], tolerations: [{ key: 'foo', operator: 'Exists' }], want: null },
    { name: 'effect mismatch', taints: [taint('foo', 'bar', 'NoSchedule')], tolerations: [{ key: 'foo', operator: 'Equal', value: 'bar', effect: 'PreferNoSchedule' }], want: [UNRES, 'node(s) had untolerated taint {foo: bar}'] },
    { name: 'PreferNoSchedule taints do not filter', taints: [taint('foo', 'bar', 'PreferNoSchedule')], want: null },
    { name: 'control-plane taint without value', taints: [{ key: 'node-role.kubernetes.io/control-plane', effect: 'NoSchedule' }], want: [UNRES, 'node(s) had untolerated taint {node-role.kubernetes.io/control-plane: }'] },
    { name: 'first untolerated taint is reported', taints: [taint('a', '1', 'NoSchedule'), taint('b', '2', 'NoExecute')], tolerations: [{ key: 'a', operator: 'Exists' }], want: [UNRES, 'node(s) had untolerated taint {b: 2}'] },
  ];
  for (const r of rows) {
    it(r.name, () => expect(run(taintToleration, podObj('p', r.tolerations ? { tolerations: r.tolerations } : {}), nodeObj('n', { taints: r.taints }))).toEqual(r.want));
  }
});

describe('NodeAffinity filter', () => {
  const MISMATCH: [string, string] = [UNRES, "node(s) didn't match Pod's node affinity/selector"];
  const required = (terms: unknown[]) => ({ affinity: { nodeAffinity: { requiredDuringSchedulingIgnoredDuringExecution: { nodeSelectorTerms: terms } } } });
  const rows: { name: string; spec: Record<string, unknown>; labels?: Record<string, string>; want: null | [string, string] }[] = [
    { name: 'no selector', spec: {}, want: null },
    { name: 'missing labels', spec: { nodeSelector: { foo: 'bar' } }, want: MISMATCH },
    { name: 'same labels', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar' }, want: null },
    { name: 'node labels are superset', spec: { nodeSelector: { foo: 'bar' } }, labels: { foo: 'bar', baz: 'blah' }, want: null },
    { name: 'node labels are subset', spec: { nodeSelector: { foo: 'bar', baz: 'blah' } }, labels: { foo: 'bar' }, want: MISMATCH },
    { name: 'In matches', spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar', 'value2'] }] }]), labels: { foo: 'bar' }, want: null },
    { name: 'Gt matches', spec: required([{ matchExpressions: [{ key: 'kernel-version', operator: 'Gt', values: ['0204'] }] }]), labels: { 'kernel-version': '0206' }, want: null },
    { name: 'NotIn mismatch', spec: required([{ matchExpressions: [{ key: 'mem-type', operator: 'NotIn', values: ['DDR', 'DDR2'] }] }]), labels: { 'mem-type': 'DDR3' }, want: null },
    { name: 'Exists', spec: required([{ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }]), labels: { GPU: 'NVIDIA-GRID-K1' }, want: null },
    { name: 'Exists missing', spec: required([{ matchExpressions: [{ key: 'GPU', operator: 'Exists' }] }]), labels: { foo: 'bar' }, want: MISMATCH },
    { name: 'empty term matches nothing', spec: required([{}]), labels: { foo: 'bar' }, want: MISMATCH },
    { name: 'empty matchExpressions match nothing', spec: required([{ matchExpressions: [] }]), labels: { foo: 'bar' }, want: MISMATCH },
    {
      name: 'terms are ORed',
      spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['x'] }] }, { matchExpressions: [{ key: 'diffkey', operator: 'In', values: ['wrong', 'value2'] }] }]),
      labels: { diffkey: 'value2' },
      want: null,
    },
    {
      name: 'expressions in a term are ANDed',
      spec: required([{ matchExpressions: [{ key: 'foo', operator: 'In', values: ['bar'] }, { key: 'GPU', operator: 'Exists' }] }]),
      labels: { foo: 'bar' },
      want: MISMATCH,
    },
    { name: 'nodeSelector and affinity must both match', spec: { nodeSelector: { foo: 'bar' }, ...required([{ matchExpressions: [{ key: 'foo', operator: 'Exists' }] }]) }, labels: { foo: 'baz' }, want: MISMATCH },
    { name: 'matchFields metadata.name In', spec: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['n'] }] }]), want: null },
    { name: 'matchFields metadata.name mismatch', spec: required([{ matchFields: [{ key: 'metadata.name', operator: 'In', values: ['other'] }] }]), want: MISMATCH },
    { name: 'Lt with non-integer value fails', spec: required([{ matchExpressions: [{ key: 'v', operator: 'Lt', values: ['5'] }] }]), labels: { v: 'abc' }, want: MISMATCH },
  ];
  for (const r of rows) it(r.name, () => expect(run(nodeAffinity, podObj('p', r.spec), nodeObj('n', { labels: r.labels }))).toEqual(r.want));
});

describe('NodeResourcesFit filter', () => {
  // Node: 10 CPU (10000m), 20 bytes of memory, 32 pods, as upstream's makeResources(10, 20, 32).
  const node = nodeObj('n', { cpu: '10', memory: '20', pods: '32' });
  const on = (name: string, cpu: string, mem: string) => podObj(name, { nodeName: 'n', containers: [{ name: 'c', image: 'x', ...req(cpu, mem) }] });
  const pod = (cpu: string, mem: string, extra: Record<string, unknown> = {}) => podObj('p', { containers: [{ name: 'c', image: 'x', ...req(cpu, mem) }], ...extra });
  const U = 'Unschedulable';
  const rows: { name: string; pod: KObject; existing: KObject[]; want: null | [string, string] }[] = [
    { name: 'no resources requested always fits', pod: podObj('p'), existing: [on('e', '10', '20')], want: null },
    { name: 'too many resources fails', pod: pod('1m', '1'), existing: [on('e', '10', '20')], want: [U, 'Insufficient cpu, Insufficient memory'] },
    { name: 'fits', pod: pod('1', '1'), existing: [on('e', '5', '5')], want: null },
    { name: 'insufficient cpu', pod: pod('2', '1'), existing: [on('e', '9', '5')], want: [U, 'Insufficient cpu'] },
    { name: 'insufficient memory', pod: pod('1', '2'), existing: [on('e', '5', '19')], want: [U, 'Insufficient memory'] },
    { name: 'exactly full fits', pod: pod('5', '5'), existing: [on('e', '5', '15')], want: null },
    {
      name: 'init container larger than containers counts',
      pod: pod('1', '1', { initContainers: [{ name: 'i', image: 'x', ...req('3', '1') }] }),
      existing: [on('e', '8', '19')],
      want: [U, 'Insufficient cpu'],
    },
    {
      name: 'init container smaller than containers fits',
      pod: pod('1', '1', { initContainers: [{ name: 'i', image: 'x', ...req('1', '1') }] }),
      existing: [on('e', '9', '19')],
      want: null,
    },
    { name: 'overhead counts', pod: pod('1', '1', { overhead: { cpu: '1' } }), existing: [on('e', '9', '5')], want: [U, 'Insufficient cpu'] },
    { name: 'extended resource missing on node', pod: podObj('p', { containers: [{ name: 'c', image: 'x', resources: { requests: { 'example.com/foo': '1' } } }] }), existing: [], want: [U, 'Insufficient example.com/foo'] },
  ];
  for (const r of rows) it(r.name, () => expect(run(nodeResourcesFit, r.pod, node, r.existing)).toEqual(r.want));

  it('too many pods, even without requests', () => {
    const small = nodeObj('n', { pods: '1' });
    expect(run(nodeResourcesFit, podObj('p'), small, [podObj('e', { nodeName: 'n' })])).toEqual([U, 'Too many pods']);
  });
  it('too many pods is listed before insufficient resources', () => {
    const small = nodeObj('n', { pods: '1', cpu: '1' });
    expect(run(nodeResourcesFit, pod('2', '1'), small, [podObj('e', { nodeName: 'n' })])).toEqual([U, 'Too many pods, Insufficient cpu']);
  });
});

describe('NodePorts filter', () => {
  const withPorts = (name: string, ports: { hostPort: number; protocol?: string; hostIP?: string }[], nodeName?: string) =>
    podObj(name, { ...(nodeName ? { nodeName } : {}), containers: [{ name: 'c', image: 'x', ports: ports.map((p) => ({ containerPort: p.hostPort, ...p })) }] });
  const CONFLICT: [string, string] = ['Unschedulable', "node(s) didn't have free ports for the requested pod ports"];
  const rows: { name: string; pod: KObject; existing: KObject[]; want: null | [string, string] }[] = [
    { name: 'nothing running', pod: withPorts('p', [{ hostPort: 8080 }]), existing: [], want: null },
    { name: 'other port', pod: withPorts('p', [{ hostPort: 8080, hostIP: '127.0.0.1' }]), existing: [withPorts('e', [{ hostPort: 9090, hostIP: '127.0.0.1' }], 'n')], want: null },
    { name: 'same udp port', pod: withPorts('p', [{ hostPort: 8080, protocol: 'UDP', hostIP: '127.0.0.1' }]), existing: [withPorts('e', [{ hostPort: 8080, protocol: 'UDP', hostIP: '127.0.0.1' }], 'n')], want: CONFLICT },
    { name: 'same port, different protocol', pod: withPorts('p', [{ hostPort: 8080, protocol: 'TCP', hostIP: '127.0.0.1' }]), existing: [withPorts('e', [{ hostPort: 8080, protocol: 'UDP', hostIP: '127.0.0.1' }], 'n')], want: null },
    { name: 'same port, different ip', pod: withPorts('p', [{ hostPort: 8001, hostIP: '127.0.0.2' }]), existing: [withPorts('e', [{ hostPort: 8001, hostIP: '127.0.0.1' }], 'n')], want: null },
    { name: 'wildcard conflicts with a specific ip', pod: withPorts('p', [{ hostPort: 8001 }]), existing: [withPorts('e', [{ hostPort: 8001, hostIP: '127.0.0.1' }], 'n')], want: CONFLICT },
    { name: 'specific ip conflicts with wildcard', pod: withPorts('p', [{ hostPort: 8001, hostIP: '127.0.0.1' }]), existing: [withPorts('e', [{ hostPort: 8001 }], 'n')], want: CONFLICT },
  ];
  for (const r of rows) it(r.name, () => expect(run(nodePorts, r.pod, nodeObj('n'), r.existing)).toEqual(r.want));
});
