import { describe, expect, it } from 'vitest';
import {
  printAnnotationsMultiline,
  printLabelsMultiline,
  printTaintsMultiline,
  printTolerationsMultiline,
  taintToString,
} from '../../../src/kubectl/describe/multiline';
import { RawWriter } from './helpers';

const key = 'MaxLenAnnotation';
const value = 'a'.repeat(140 - key.length - 2);

describe('printAnnotationsMultiline (describe_test.go TestPrintLabelsMultiline)', () => {
  const rows: Array<{ input: Record<string, string>; want: string }> = [
    { input: { col1: 'asd', COL2: 'zxc' }, want: 'Annotations:\tCOL2: zxc\n\tcol1: asd\n' },
    { input: { [key]: value }, want: `Annotations:\t${key}: ${value}\n` },
    { input: { [key]: value + '1' }, want: `Annotations:\t${key}:\n\t  ${value}1\n` },
    { input: { [key]: value + value }, want: `Annotations:\t${key}:\n\t  ${'a'.repeat(138)}...\n` },
    { input: { key: 'value\nwith\nnewlines\n' }, want: 'Annotations:\tkey:\n\t  value\n\t  with\n\t  newlines\n' },
    { input: {}, want: 'Annotations:\t<none>\n' },
    { input: { 'kubectl.kubernetes.io/last-applied-configuration': '{}' }, want: 'Annotations:\t<none>\n' },
    { input: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', a: 'b' }, want: 'Annotations:\ta: b\n' },
  ];
  it.each(rows)('$want', ({ input, want }) => {
    const w = new RawWriter();
    printAnnotationsMultiline(w, 'Annotations', input);
    expect(w.out).toBe(want);
  });
});

describe('printLabelsMultiline', () => {
  const rows: Array<{ title: string; input: Record<string, string>; want: string }> = [
    { title: 'Labels', input: {}, want: 'Labels:\t<none>\n' },
    { title: 'Labels', input: { app: 'web' }, want: 'Labels:\tapp=web\n' },
    { title: 'Labels', input: { b: '2', a: '1', B: '3' }, want: 'Labels:\tB=3\n\ta=1\n\tb=2\n' },
    { title: '  Labels', input: { x: '' }, want: '  Labels:\tx=\n' },
  ];
  it.each(rows)('$want', ({ title, input, want }) => {
    const w = new RawWriter();
    printLabelsMultiline(w, title, input);
    expect(w.out).toBe(want);
  });
});

describe('tolerations and taints', () => {
  const tolerations: Array<{ input: unknown[]; want: string }> = [
    { input: [], want: 'Tolerations:\t<none>\n' },
    {
      input: [
        { key: 'node.kubernetes.io/unreachable', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
        { key: 'node.kubernetes.io/not-ready', operator: 'Exists', effect: 'NoExecute', tolerationSeconds: 300 },
      ],
      want: 'Tolerations:\tnode.kubernetes.io/not-ready:NoExecute op=Exists for 300s\n\tnode.kubernetes.io/unreachable:NoExecute op=Exists for 300s\n',
    },
    { input: [{ operator: 'Exists' }], want: 'Tolerations:\top=Exists\n' },
    { input: [{ key: 'key0', operator: 'Equal', value: 'value0', effect: 'NoSchedule' }], want: 'Tolerations:\tkey0=value0:NoSchedule\n' },
    { input: [{ key: 'key1', operator: 'Exists', effect: 'NoSchedule' }], want: 'Tolerations:\tkey1:NoSchedule op=Exists\n' },
    { input: [{ key: 'key2', value: 'value2' }], want: 'Tolerations:\tkey2=value2\n' },
    { input: [{ key: 'key3', operator: 'Exists' }], want: 'Tolerations:\tkey3 op=Exists\n' },
  ];
  it.each(tolerations)('$want', ({ input, want }) => {
    const w = new RawWriter();
    printTolerationsMultiline(w, 'Tolerations', input);
    expect(w.out).toBe(want);
  });

  const taints: Array<{ input: Record<string, string>; want: string }> = [
    { input: { key: 'k' }, want: 'k' },
    { input: { key: 'k', value: 'v' }, want: 'k=v:' },
    { input: { key: 'k', effect: 'NoSchedule' }, want: 'k:NoSchedule' },
    { input: { key: 'k', value: 'v', effect: 'NoExecute' }, want: 'k=v:NoExecute' },
  ];
  it.each(taints)('taint $want', ({ input, want }) => expect(taintToString(input)).toBe(want));

  it('sorts taints by effect then key', () => {
    const w = new RawWriter();
    printTaintsMultiline(w, 'Taints', [
      { key: 'b', effect: 'NoSchedule' },
      { key: 'a', effect: 'NoSchedule' },
      { key: 'z', effect: 'NoExecute' },
    ]);
    expect(w.out).toBe('Taints:\tz:NoExecute\n\ta:NoSchedule\n\tb:NoSchedule\n');
  });
});
