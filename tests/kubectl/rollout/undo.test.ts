// Rollback selection and planning (kubectl polymorphichelpers/rollback.go, rollback_test.go facts).
import { describe, expect, it } from 'vitest';
import { planDeploymentRollback, planRevisionRollback, replicaSetForRevision } from '../../../src/kubectl/rollout/undo';
import { deploymentHistory } from '../../../src/kubectl/rollout/history';

const rs = (name: string, rev: string | undefined, image = 'nginx', extra: Record<string, string> = {}) => ({
  metadata: { name, annotations: { ...(rev !== undefined ? { 'deployment.kubernetes.io/revision': rev } : {}), ...extra } },
  spec: { template: { metadata: { labels: { app: 'web', 'pod-template-hash': name } }, spec: { containers: [{ name: 'c', image }] } } },
});

describe('replicaSetForRevision', () => {
  const all = [rs('a', '1'), rs('b', '3'), rs('c', '2'), rs('d', undefined)];
  const rows: Array<{ to: number; want?: string; err?: string }> = [
    { to: 0, want: 'c' },
    { to: 1, want: 'a' },
    { to: 3, want: 'b' },
    { to: 4, err: 'unable to find specified revision 4 in history' },
    { to: -1, err: 'unable to find specified revision -1 in history' },
  ];
  for (const r of rows) {
    it(`to-revision ${r.to}`, () => {
      if (r.err) expect(() => replicaSetForRevision('web', all, r.to)).toThrow(r.err);
      else expect(replicaSetForRevision('web', all, r.to).metadata.name).toBe(r.want);
    });
  }
  it('one revision has no history', () => {
    expect(() => replicaSetForRevision('web', [rs('a', '1')], 0)).toThrow('no rollout history found for deployment "web"');
  });
  it('previous is the second newest whatever the order', () => {
    expect(replicaSetForRevision('web', [rs('x', '5'), rs('y', '9'), rs('z', '7')], 0).metadata.name).toBe('z');
  });
});

describe('planDeploymentRollback', () => {
  const deploy = (image: string, paused = false) => ({
    metadata: { name: 'web', annotations: { 'deployment.kubernetes.io/revision': '3', 'kubectl.kubernetes.io/last-applied-configuration': '{}', note: 'drop' } },
    spec: { paused, template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image }] } } },
  });
  it('skips when the template matches (hash label ignored)', () => {
    expect(planDeploymentRollback(deploy('nginx'), rs('a', '1'), 1)).toEqual({ kind: 'skipped', message: 'skipped rollback (current template already matches revision 1)' });
  });
  it('refuses a paused deployment', () => {
    expect(() => planDeploymentRollback(deploy('httpd', true), rs('a', '1'), 1)).toThrow("you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again");
  });
  it('builds the JSON patch: template without hash, RS annotations plus kept ones', () => {
    const plan = planDeploymentRollback(deploy('httpd'), rs('a', '1', 'nginx', { 'kubernetes.io/change-cause': 'first' }), 1);
    expect(plan).toEqual({
      kind: 'patch',
      template: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      patch: [
        { op: 'replace', path: '/spec/template', value: { metadata: { labels: { app: 'web' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } } },
        { op: 'replace', path: '/metadata/annotations', value: { 'kubectl.kubernetes.io/last-applied-configuration': '{}', 'deployment.kubernetes.io/revision': '3', 'kubernetes.io/change-cause': 'first' } },
      ],
    });
  });
});

describe('planRevisionRollback', () => {
  const cr = (revision: number, image: string) => ({ revision, data: { spec: { template: { $patch: 'replace', metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image }] } } } } });
  const ds = { spec: { template: { metadata: { labels: { a: 'b' } }, spec: { containers: [{ name: 'c', image: 'v2' }] } } } };
  const rows: Array<{ to: number; crs: ReturnType<typeof cr>[]; want: string }> = [
    { to: 0, crs: [cr(1, 'v1')], want: 'error:no last revision to roll back to' },
    { to: 0, crs: [cr(1, 'v1'), cr(2, 'v2')], want: 'patch:v1' },
    { to: 2, crs: [cr(1, 'v1'), cr(2, 'v2')], want: 'skipped:skipped rollback (current template already matches revision 2)' },
    { to: 5, crs: [cr(1, 'v1'), cr(2, 'v2')], want: 'error:unable to find specified revision 5 in history' },
  ];
  for (const r of rows) {
    it(`${r.to} of ${r.crs.length}`, () => {
      let got: string;
      try {
        const p = planRevisionRollback(ds, r.crs, r.to);
        got = p.kind === 'skipped' ? `skipped:${p.message}` : `patch:${p.template.spec.containers[0].image}`;
      } catch (e) {
        got = `error:${(e as Error).message}`;
      }
      expect(got).toBe(r.want);
    });
  }
});

describe('deploymentHistory', () => {
  it('table sorted by revision with change causes', () => {
    const out = deploymentHistory([rs('b', '10', 'x', { 'kubernetes.io/change-cause': 'kubectl set image' }), rs('a', '2'), rs('c', undefined)], 0, 0);
    expect(out).toBe('REVISION  CHANGE-CAUSE\n2         <none>\n10        kubectl set image\n');
  });
  it('no revisions', () => expect(deploymentHistory([rs('c', undefined)], 0, 0)).toBe('No rollout history found.'));
});
