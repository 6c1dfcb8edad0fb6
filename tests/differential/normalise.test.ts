// The differential test's normalising rules: each one removes only what it names.
import { describe, expect, it } from 'vitest';
import { describeAges, normalise } from './normalise';

const EVENTS_REAL = [
  'Events:',
  '  Type    Reason             Age   From                   Message',
  '  ----    ------             ----  ----                   -------',
  '  Normal  ScalingReplicaSet  676d  deployment-controller  Scaled up replica set web-1 from 0 to 2',
  '',
].join('\n');
const EVENTS_OURS = [
  'Events:',
  '  Type    Reason             Age   From                   Message',
  '  ----    ------             ----  ----                   -------',
  '  Normal  ScalingReplicaSet  30s   deployment-controller  Scaled up replica set web-1 from 0 to 2',
  '',
].join('\n');
const EVENTS_WIDE = [
  'Events:',
  '  Type    Reason          Age    From             Message',
  '  ----    ------          ----   ----             -------',
  '  Normal  RegisteredNode  5m30s  node-controller  Node w event: Registered Node w in Controller',
  '',
].join('\n');

describe('describeAges', () => {
  const rows: { name: string; input: string; want: string }[] = [
    {
      name: 'the Age cell of an Events table',
      input: EVENTS_REAL,
      want: [
        'Events:',
        '  Type | Reason | Age | From | Message',
        '  ---- | ------ | ---- | ---- | -------',
        '  Normal | ScalingReplicaSet | <age> | deployment-controller | Scaled up replica set web-1 from 0 to 2',
        '',
      ].join('\n'),
    },
    {
      name: 'a table without an Age column is untouched',
      input: ['Conditions:', '  Type           Status  Reason', '  ----           ------  ------', '  Available      True    MinimumReplicasAvailable', ''].join('\n'),
      want: ['Conditions:', '  Type           Status  Reason', '  ----           ------  ------', '  Available      True    MinimumReplicasAvailable', ''].join('\n'),
    },
    {
      name: 'text without tables is untouched',
      input: 'Name:         settings\nNamespace:    default\n',
      want: 'Name:         settings\nNamespace:    default\n',
    },
    {
      name: 'the table ends at a blank line; what follows is untouched',
      input: EVENTS_REAL + 'Age  30s\n',
      want: describeAges(EVENTS_REAL) + 'Age  30s\n',
    },
    {
      name: 'a node pods table: Age is the last column',
      input: [
        'Non-terminated Pods:          (1 in total)',
        '  Namespace                   Name        CPU Requests  Age',
        '  ---------                   ----        ------------  ---',
        '  kube-system                 kube-proxy  0 (0%)        676d',
        'Allocated resources:',
      ].join('\n'),
      want: [
        'Non-terminated Pods:          (1 in total)',
        '  Namespace | Name | CPU Requests | Age',
        '  --------- | ---- | ------------ | ---',
        '  kube-system | kube-proxy | 0 (0%) | <age>',
        'Allocated resources:',
      ].join('\n'),
    },
  ];
  for (const r of rows) it(r.name, () => expect(describeAges(r.input)).toBe(r.want));

  it('makes wall-clock and simulated ages of the same events equal, whatever their widths', () => {
    expect(describeAges(EVENTS_REAL)).toBe(describeAges(EVENTS_OURS));
    expect(describeAges(EVENTS_WIDE)).toBe(
      ['Events:', '  Type | Reason | Age | From | Message', '  ---- | ------ | ---- | ---- | -------', '  Normal | RegisteredNode | <age> | node-controller | Node w event: Registered Node w in Controller', ''].join('\n'),
    );
  });

  it('still tells apart events that differ in anything but age', () => {
    expect(describeAges(EVENTS_REAL)).not.toBe(describeAges(EVENTS_OURS.replace('from 0 to 2', 'from 0 to 3')));
  });
});

describe('normalise', () => {
  const rows: { name: string; side: 'real' | 'ours'; argv: string[]; input: { stdout: string; stderr: string }; want: { stdout: string; stderr: string } }[] = [
    {
      name: 'klog header of the real binary',
      side: 'real',
      argv: ['scale', 'deploy', 'web'],
      input: { stdout: '', stderr: 'E1123 07:37:46.425293   19159 run.go:72] "command failed" err="required flag(s) \\"replicas\\" not set"\n' },
      want: { stdout: '', stderr: 'E<klog> "command failed" err="required flag(s) \\"replicas\\" not set"\n' },
    },
    {
      name: 'klog header of ours',
      side: 'ours',
      argv: ['scale', 'deploy', 'web'],
      input: { stdout: '', stderr: 'E0115 09:30:00.000000   12345 run.go:72] "command failed" err="x"\n' },
      want: { stdout: '', stderr: 'E<klog> "command failed" err="x"\n' },
    },
    {
      name: 'the dispatcher suffix of the real client version',
      side: 'real',
      argv: ['version'],
      input: { stdout: 'Client Version: v1.32.4-dispatcher\nKustomize Version: v5.5.0\n', stderr: '' },
      want: { stdout: 'Client Version: v1.32.4\nKustomize Version: v5.5.0\n', stderr: '' },
    },
    {
      name: 'ours never gets the dispatcher rule',
      side: 'ours',
      argv: ['version'],
      input: { stdout: 'Client Version: v1.32.4-dispatcher\n', stderr: '' },
      want: { stdout: 'Client Version: v1.32.4-dispatcher\n', stderr: '' },
    },
    {
      name: 'ages are normalised in describe only',
      side: 'real',
      argv: ['get', 'events'],
      input: { stdout: EVENTS_REAL, stderr: '' },
      want: { stdout: EVENTS_REAL, stderr: '' },
    },
    {
      name: 'describe ages',
      side: 'real',
      argv: ['describe', 'deployment', 'web'],
      input: { stdout: EVENTS_REAL, stderr: '' },
      want: { stdout: describeAges(EVENTS_REAL), stderr: '' },
    },
    {
      name: 'a Warning line (no klog header) is kept',
      side: 'real',
      argv: ['apply', '-f', 'x.yaml'],
      input: { stdout: '', stderr: 'Warning: resource services/web is missing the annotation\n' },
      want: { stdout: '', stderr: 'Warning: resource services/web is missing the annotation\n' },
    },
  ];
  for (const r of rows) {
    it(r.name, () => expect(normalise({ ...r.input, code: 0 }, r.side, r.argv)).toEqual({ ...r.want, code: 0 }));
  }
});
