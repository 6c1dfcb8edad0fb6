// printNode rows, ported as facts from printers_test.go (TestPrintNodeStatus, TestPrintNodeRole,
// TestPrintNodeOSImage, TestPrintNodeKernelVersion, TestPrintNodeContainerRuntimeVersion, ...IP).
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../../src/engine/api/types';
import { nodePrinter } from '../../../../src/engine/apiserver/printers/node';

const NOW = Date.parse('2026-01-10T00:00:00Z');
const node = (name: string, spec: Record<string, unknown>, status: Record<string, unknown>, labels?: Record<string, string>): KObject => ({
  apiVersion: 'v1',
  kind: 'Node',
  metadata: { name, ...(labels ? { labels } : {}) },
  spec,
  status,
});
const ready = (s: string) => ({ conditions: [{ type: 'Ready', status: s }] });

describe('node STATUS', () => {
  const rows: { input: KObject; want: string }[] = [
    { input: node('foo1', {}, ready('True')), want: 'Ready' },
    { input: node('foo2', { unschedulable: true }, ready('True')), want: 'Ready,SchedulingDisabled' },
    { input: node('foo3', {}, { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'True' }] }), want: 'Ready' },
    { input: node('foo4', {}, ready('False')), want: 'NotReady' },
    { input: node('foo5', { unschedulable: true }, ready('False')), want: 'NotReady,SchedulingDisabled' },
    { input: node('foo6', {}, { conditions: [{ type: 'InvalidValue', status: 'True' }] }), want: 'Unknown' },
    { input: node('foo7', {}, { conditions: [{}] }), want: 'Unknown' },
    { input: node('foo8', { unschedulable: true }, { conditions: [{ type: 'InvalidValue', status: 'True' }] }), want: 'Unknown,SchedulingDisabled' },
    { input: node('foo9', { unschedulable: true }, { conditions: [{}] }), want: 'Unknown,SchedulingDisabled' },
    { input: node('foo10', {}, ready('Unknown')), want: 'NotReady' },
    { input: node('foo11', {}, { conditions: [{ type: 'Ready', status: 'True' }, { type: 'Ready', status: 'False' }] }), want: 'NotReady' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(nodePrinter.cells(input, NOW)[1]).toBe(want));
});

describe('node ROLES', () => {
  const rows: { input: Record<string, string> | undefined; want: string }[] = [
    { input: undefined, want: '<none>' },
    { input: { 'node-role.kubernetes.io/master': '', 'node-role.kubernetes.io/proxy': '', 'kubernetes.io/role': 'node' }, want: 'master,node,proxy' },
    { input: { 'node-role.kubernetes.io/control-plane': '' }, want: 'control-plane' },
    { input: { 'node-role.kubernetes.io/': '', 'kubernetes.io/role': '' }, want: '<none>' },
    { input: { 'node-role.kubernetes.io/worker': 'true', 'kubernetes.io/role': 'worker' }, want: 'worker' },
    { input: { 'kubernetes.io/hostname': 'n1' }, want: '<none>' },
  ];
  it.each(rows)('$want', ({ input, want }) => expect(nodePrinter.cells(node('n', {}, ready('True'), input), NOW)[2]).toBe(want));
});

describe('node wide columns', () => {
  const rows: { name: string; input: KObject; want: unknown[] }[] = [
    {
      name: 'all info',
      input: node('foo1', {}, {
        nodeInfo: { kubeletVersion: 'v1.32.0', osImage: 'fake-os-image', kernelVersion: 'fake-kernel-version', containerRuntimeVersion: 'foo://1.2.3' },
        addresses: [{ type: 'ExternalIP', address: '1.1.1.1' }, { type: 'InternalIP', address: '10.1.1.1' }],
        conditions: [{ type: 'Ready', status: 'True' }],
      }),
      want: ['foo1', 'Ready', '<none>', '<unknown>', 'v1.32.0', '10.1.1.1', '1.1.1.1', 'fake-os-image', 'fake-kernel-version', 'foo://1.2.3'],
    },
    {
      name: 'nothing reported',
      input: node('foo2', {}, {}),
      want: ['foo2', 'Unknown', '<none>', '<unknown>', '', '<none>', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    },
    {
      name: 'first address of each type',
      input: node('foo3', {}, { addresses: [{ type: 'InternalIP', address: '2.2.2.2' }, { type: 'InternalIP', address: '3.3.3.3' }, { type: 'Hostname', address: 'h' }] }),
      want: ['foo3', 'Unknown', '<none>', '<unknown>', '', '2.2.2.2', '<none>', '<unknown>', '<unknown>', '<unknown>'],
    },
  ];
  it.each(rows)('$name', ({ input, want }) => expect(nodePrinter.cells(input, NOW)).toEqual(want));
});
