// Sessions for cordon / uncordon / taint / drain, and the drain pod filters as a table.
import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { filterPod } from '../../../src/kubectl/commands/node-commands-drain';
import { parseTaint, reorganizeTaints } from '../../../src/kubectl/commands/node-commands';
import { harness, type Harness } from './harness';
import { fakeTerminator } from './fake-workloads';

const W = 'kubeplay-worker';

function owner(h: Harness, kind: 'ReplicaSet' | 'DaemonSet', name: string): { kind: string; name: string; uid: string } {
  const o = h.cluster.client.create(h.cluster.type('apps', kind), {
    apiVersion: 'apps/v1',
    kind,
    metadata: { name, namespace: 'default' },
    spec: { selector: { matchLabels: { a: name } }, template: { metadata: { labels: { a: name } }, spec: { containers: [{ name: 'c', image: 'x' }] } } },
  } as unknown as KObject);
  return { kind, name, uid: o.metadata.uid! };
}

// Owners must exist: the garbage collector removes pods whose owner is missing.
function pod(h: Harness, name: string, extra: { owner?: { kind: string; name: string; uid: string }; emptyDir?: boolean; node?: string } = {}): void {
  const meta: Record<string, unknown> = { name, namespace: 'default' };
  if (extra.owner) meta.ownerReferences = [{ apiVersion: 'apps/v1', kind: extra.owner.kind, name: extra.owner.name, uid: extra.owner.uid, controller: true }];
  h.cluster.client.create(h.cluster.type('', 'Pod'), {
    apiVersion: 'v1',
    kind: 'Pod',
    metadata: meta,
    spec: { nodeName: extra.node ?? W, containers: [{ name: 'c', image: 'nginx' }], ...(extra.emptyDir ? { volumes: [{ name: 'v', emptyDir: {} }] } : {}) },
  } as unknown as KObject);
}

describe('cordon, uncordon, taint', () => {
  it('prints as upstream', async () => {
    const h = harness([]);
    const rows: Array<{ input: string; want: string; code?: number }> = [
      { input: `cordon ${W}`, want: `node/${W} cordoned\n` },
      { input: `cordon ${W}`, want: `node/${W} already cordoned\n` },
      { input: `get node ${W} -o jsonpath={.spec.unschedulable}`, want: 'true' },
      { input: `uncordon ${W}`, want: `node/${W} uncordoned\n` },
      { input: `uncordon ${W} --dry-run=client`, want: `node/${W} already uncordoned (dry run)\n` },
      { input: 'cordon nope', want: 'Error from server (NotFound): nodes "nope" not found\n', code: 1 },
      { input: `taint nodes ${W} dedicated=special:NoSchedule`, want: `node/${W} tainted\n` },
      { input: `taint nodes ${W} dedicated=other:NoSchedule`, want: `error: node ${W} already has dedicated taint(s) with same effect(s) and --overwrite is false\n`, code: 1 },
      { input: `taint nodes ${W} dedicated=other:NoSchedule --overwrite`, want: `node/${W} modified\n` },
      { input: `get node ${W} -o jsonpath={.spec.taints}`, want: '[{"effect":"NoSchedule","key":"dedicated","value":"other"}]' },
      { input: `taint node ${W} dedicated:NoExecute-`, want: 'error: taint "dedicated:NoExecute" not found\n', code: 1 },
      { input: `taint node ${W} dedicated:NoSchedule-`, want: `node/${W} untainted\n` },
      { input: `taint node/${W} bar:NoSchedule`, want: `node/${W} tainted\n` },
      { input: `taint node ${W} bar-`, want: `node/${W} untainted\n` },
      { input: `taint node ${W} a=b:Sometimes`, want: 'error: invalid taint effect: Sometimes, unsupported taint effect\n', code: 1 },
      { input: `taint node ${W} a=b`, want: "error: invalid taint spec: a=b, name part must consist of alphanumeric characters, '-', '_' or '.', and must start and end with an alphanumeric character (e.g. 'MyName',  or 'my.name',  or '123-abc', regex used for validation is '([A-Za-z0-9][-A-Za-z0-9_.]*)?[A-Za-z0-9]')\n", code: 1 },
      { input: `taint node ${W} a:NoSchedule a:NoSchedule`, want: 'error: duplicated taints with the same key and effect: {a  NoSchedule <nil>}\n', code: 1 },
      { input: `taint pods ${W} a:NoSchedule`, want: 'error: invalid resource type pods, only node types are supported\n', code: 1 },
      { input: `taint node ${W}`, want: 'error: at least one taint update is required\n', code: 1 },
    ];
    for (const r of rows) {
      const got = await h.run(r.input);
      expect({ input: r.input, ...got }).toEqual({ input: r.input, out: r.want, code: r.code ?? 0 });
    }
  });
});

describe('drain', () => {
  it('refuses unmanaged and DaemonSet pods, then drains with the flags', async () => {
    const h = harness([fakeTerminator]);
    const rs = owner(h, 'ReplicaSet', 'web-abc');
    pod(h, 'web-1', { owner: rs });
    pod(h, 'bare');
    pod(h, 'cache', { owner: rs, emptyDir: true });
    pod(h, 'proxy-x', { owner: owner(h, 'DaemonSet', 'proxy') });
    pod(h, 'elsewhere', { node: 'kubeplay-worker2' });
    const first = await h.run(`drain ${W}`);
    expect(first.code).toBe(1);
    expect(first.out).toBe(
      `node/${W} cordoned\n` +
        `error: unable to drain node "${W}" due to error: cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/proxy-x, continuing command...\n` +
        `There are pending nodes to be drained:\n ${W}\n` +
        'error: cannot delete Pods that declare no controller (use --force to override): default/bare, cannot delete Pods with local storage (use --delete-emptydir-data to override): default/cache, cannot delete DaemonSet-managed Pods (use --ignore-daemonsets to ignore): default/proxy-x\n',
    );
    // The emptyDir warning is dropped: the later unreplicated filter's Okay wins (upstream's TODO).
    const dry = await h.run(`drain ${W} --ignore-daemonsets --delete-emptydir-data --force --dry-run=client`);
    expect(dry.out).toBe(
      `node/${W} already cordoned (dry run)\n` +
        'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/proxy-x\n' +
        'evicting pod default/bare (dry run)\nevicting pod default/cache (dry run)\nevicting pod default/web-1 (dry run)\n' +
        `node/${W} drained (dry run)\n`,
    );
    const ok = await h.run(`drain ${W} --ignore-daemonsets --delete-emptydir-data --force`);
    expect(ok).toEqual({
      code: 0,
      out:
        `node/${W} already cordoned\n` +
        'Warning: deleting Pods that declare no controller: default/bare; ignoring DaemonSet-managed Pods: default/proxy-x\n' +
        'evicting pod default/bare\nevicting pod default/cache\nevicting pod default/web-1\n' +
        'pod/bare evicted\npod/cache evicted\npod/web-1 evicted\n' +
        `node/${W} drained\n`,
    });
    expect((await h.run('get pods -o name')).out).toBe('pod/elsewhere\npod/proxy-x\n');
  });
});

describe('drain filters', () => {
  const o = { force: false, ignoreDaemonSets: false, deleteEmptyDirData: false };
  const p = (x: Record<string, unknown>) => ({ metadata: { name: 'p', namespace: 'ns', ...(x.metadata as object) }, spec: x.spec ?? {}, status: x.status ?? {} });
  const rs = { ownerReferences: [{ kind: 'ReplicaSet', name: 'r', controller: true }] };
  const ds = { ownerReferences: [{ kind: 'DaemonSet', name: 'd', controller: true }] };
  const rows: Array<{ name: string; pod: ReturnType<typeof p>; opts?: Partial<typeof o>; dsExists?: boolean; want: [boolean, string, string] }> = [
    { name: 'managed', pod: p({ metadata: rs }), want: [true, 'Okay', ''] },
    { name: 'unmanaged', pod: p({}), want: [false, 'Error', 'cannot delete Pods that declare no controller (use --force to override)'] },
    { name: 'unmanaged forced', pod: p({}), opts: { force: true }, want: [true, 'Warning', 'deleting Pods that declare no controller'] },
    { name: 'finished unmanaged', pod: p({ status: { phase: 'Succeeded' } }), want: [true, 'Okay', ''] },
    { name: 'daemonset', pod: p({ metadata: ds }), dsExists: true, want: [false, 'Error', 'DaemonSet-managed Pods (use --ignore-daemonsets to ignore)'] },
    { name: 'daemonset ignored', pod: p({ metadata: ds }), dsExists: true, opts: { ignoreDaemonSets: true }, want: [false, 'Warning', 'ignoring DaemonSet-managed Pods'] },
    { name: 'orphan daemonset', pod: p({ metadata: ds }), dsExists: false, want: [false, 'Error', 'daemonsets.apps "d" not found'] },
    // The last filter's verdict wins: the unreplicated filter sees a controller and says Okay.
    { name: 'orphan daemonset forced', pod: p({ metadata: ds }), dsExists: false, opts: { force: true }, want: [true, 'Okay', ''] },
    { name: 'mirror', pod: p({ metadata: { annotations: { 'kubernetes.io/config.mirror': 'x' } } }), want: [false, 'Skip', ''] },
    { name: 'emptyDir', pod: p({ metadata: rs, spec: { volumes: [{ emptyDir: {} }] } }), want: [false, 'Error', 'Pods with local storage (use --delete-emptydir-data to override)'] },
    { name: 'emptyDir allowed', pod: p({ metadata: rs, spec: { volumes: [{ emptyDir: {} }] } }), opts: { deleteEmptyDirData: true }, want: [true, 'Okay', ''] },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const v = filterPod(r.pod, { ...o, ...r.opts }, () => r.dsExists ?? true);
      expect([v.delete, v.reason, v.message]).toEqual(r.want);
    });
  }
});

describe('taint parsing', () => {
  const rows: Array<{ input: string; want: unknown }> = [
    { input: 'a=b:NoSchedule', want: { key: 'a', value: 'b', effect: 'NoSchedule' } },
    { input: 'a:NoExecute', want: { key: 'a', effect: 'NoExecute' } },
    { input: 'example.com/a=b:PreferNoSchedule', want: { key: 'example.com/a', value: 'b', effect: 'PreferNoSchedule' } },
    { input: 'a', want: { key: 'a', effect: '' } },
    { input: 'a=b=c:NoSchedule', want: 'invalid taint spec: a=b=c:NoSchedule' },
    { input: 'a:b:c', want: 'invalid taint spec: a:b:c' },
  ];
  for (const r of rows) {
    it(r.input, () => {
      if (typeof r.want === 'string') expect(() => parseTaint(r.input)).toThrow(r.want);
      else expect(parseTaint(r.input)).toEqual(r.want);
    });
  }
  it('reorganizeTaints keeps old ones and names the operation', () => {
    const old = [{ key: 'x', effect: 'NoSchedule' }];
    expect(reorganizeTaints(old, false, [{ key: 'y', effect: 'NoExecute' }], []).op).toBe('tainted');
    expect(reorganizeTaints(old, false, [], [{ key: 'x', effect: '' }])).toEqual({ op: 'untainted', taints: [], errors: [] });
    expect(reorganizeTaints(old, true, [{ key: 'x', value: 'v', effect: 'NoSchedule' }], []).taints).toEqual([{ key: 'x', value: 'v', effect: 'NoSchedule' }]);
  });
});
