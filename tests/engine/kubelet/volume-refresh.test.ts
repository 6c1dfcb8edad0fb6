import { describe, expect, it } from 'vitest';
import type { KObject } from '../../../src/engine/api/types';
import { createImageCatalog } from '../../../src/engine/kubelet/images';
import { diffFiles, hasRefreshableVolumes, refreshableFiles, VOLUME_REFRESH_MS } from '../../../src/engine/kubelet/volume-refresh';
import { harness, podSpec } from './harness';

const cm = (data: Record<string, string>) => ({ apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'cfg', namespace: 'default' }, data }) as KObject;
const pod = (mounts: unknown[], volumes: unknown[] = [{ name: 'v', configMap: { name: 'cfg' } }]) =>
  ({ apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p', namespace: 'default' }, spec: { containers: [{ name: 'c', volumeMounts: mounts }], volumes } }) as KObject;

describe('hasRefreshableVolumes', () => {
  const rows: { name: string; input: KObject; want: boolean }[] = [
    { name: 'configMap mount', input: pod([{ name: 'v', mountPath: '/etc/config' }]), want: true },
    { name: 'secret mount', input: pod([{ name: 'v', mountPath: '/etc/s' }], [{ name: 'v', secret: { secretName: 's' } }]), want: true },
    { name: 'subPath only', input: pod([{ name: 'v', mountPath: '/etc/a', subPath: 'a' }]), want: false },
    { name: 'emptyDir', input: pod([{ name: 'v', mountPath: '/data' }], [{ name: 'v', emptyDir: {} }]), want: false },
    { name: 'volume not mounted', input: pod([]), want: false },
  ];
  for (const r of rows) it(r.name, () => expect(hasRefreshableVolumes(r.input)).toBe(r.want));
});

describe('refreshableFiles', () => {
  const src = (obj?: KObject) => ({ configMap: () => obj, secret: () => undefined });
  it('skips subPath mounts and keeps whole-volume ones', () => {
    const p = pod([{ name: 'v', mountPath: '/etc/config' }, { name: 'v', mountPath: '/etc/one.conf', subPath: 'a' }]);
    const c = (p.spec as any).containers[0];
    expect(refreshableFiles(p, c, src(cm({ a: '1', b: '2' })))).toEqual({ '/etc/config/a': '1', '/etc/config/b': '2' });
  });
  it('a missing source gives undefined (old content stays)', () => {
    const p = pod([{ name: 'v', mountPath: '/etc/config' }]);
    expect(refreshableFiles(p, (p.spec as any).containers[0], src(undefined))).toBeUndefined();
  });
});

describe('diffFiles', () => {
  const rows: { prev: Record<string, string>; next: Record<string, string>; want: unknown }[] = [
    { prev: {}, next: {}, want: { set: {}, removed: [] } },
    { prev: { a: '1' }, next: { a: '1' }, want: { set: {}, removed: [] } },
    { prev: { a: '1' }, next: { a: '2' }, want: { set: { a: '2' }, removed: [] } },
    { prev: { a: '1' }, next: { a: '1', b: '2' }, want: { set: { b: '2' }, removed: [] } },
    { prev: { a: '1', b: '2' }, next: { b: '3' }, want: { set: { b: '3' }, removed: ['a'] } },
  ];
  for (const r of rows) it(JSON.stringify(r), () => expect(diffFiles(r.prev, r.next)).toEqual(r.want));
});

describe('mounted ConfigMaps follow updates', () => {
  it('volume files change after the sync delay; env and subPath do not', () => {
    const h = harness(createImageCatalog());
    const cmT = h.cluster.type('', 'ConfigMap');
    h.cluster.client.create(cmT, cm({ key: 'old', gone: 'x' }));
    h.create(
      podSpec(
        'p',
        {
          image: 'busybox',
          command: ['sh', '-c', 'sleep 3600'],
          env: [{ name: 'KEY', valueFrom: { configMapKeyRef: { name: 'cfg', key: 'key' } } }],
          volumeMounts: [{ name: 'v', mountPath: '/etc/config' }, { name: 'v', mountPath: '/etc/key.txt', subPath: 'key' }],
        },
        { volumes: [{ name: 'v', configMap: { name: 'cfg' } }] },
      ),
    );
    h.cluster.advance(30_000);
    const run = (cmd: string) => {
      const r = h.kubelet.exec('default', 'p', 'main', ['sh', '-c', cmd]);
      return r.ok ? r.value.stdout + r.value.stderr : `error: ${JSON.stringify(r)}`;
    };
    expect(run('cat /etc/config/key')).toBe('old');
    const cur = h.cluster.client.get(cmT, 'default', 'cfg')!;
    h.cluster.client.update(cmT, { ...cur, data: { key: 'new' } } as KObject);
    h.cluster.advance(1_000);
    expect(run('cat /etc/config/key')).toBe('old');
    h.cluster.advance(VOLUME_REFRESH_MS);
    expect(run('cat /etc/config/key')).toBe('new');
    expect(run('ls /etc/config')).toBe('key\n');
    expect(run('cat /etc/key.txt')).toBe('old');
    expect(run('echo $KEY')).toBe('old\n');
  });
});
