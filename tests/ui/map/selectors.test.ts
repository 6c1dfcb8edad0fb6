// Label selector matching and which pods a hovered/selected object stands for.
import { describe, expect, it } from 'vitest';
import { matchesSelector, podsFor } from '../../../src/ui/map/selectors';
import { ingress, ownedBy, pod, service, workload } from './fixtures';

describe('matchesSelector', () => {
  const rows: { labels: Record<string, string>; selector: Record<string, string> | undefined; want: boolean }[] = [
    { labels: { app: 'web' }, selector: { app: 'web' }, want: true },
    { labels: { app: 'web', tier: 'fe' }, selector: { app: 'web' }, want: true },
    { labels: { app: 'web' }, selector: { app: 'web', tier: 'fe' }, want: false },
    { labels: { app: 'api' }, selector: { app: 'web' }, want: false },
    { labels: {}, selector: { app: 'web' }, want: false },
    { labels: { app: '' }, selector: { app: '' }, want: true },
    { labels: {}, selector: { app: '' }, want: false },
    { labels: { app: 'web' }, selector: {}, want: false },
    { labels: { app: 'web' }, selector: undefined, want: false },
    { labels: { toString: 'x' }, selector: { constructor: 'y' }, want: false },
  ];
  for (const r of rows) {
    it(`${JSON.stringify(r.selector)} on ${JSON.stringify(r.labels)} -> ${r.want}`, () => {
      expect(matchesSelector(r.labels, r.selector)).toBe(r.want);
    });
  }
});

describe('podsFor', () => {
  const dep = workload('Deployment', 'web');
  const rs = workload('ReplicaSet', 'web-1', { owner: ownedBy(dep) });
  const a = pod('web-1-a', { owner: ownedBy(rs), labels: { app: 'web' } });
  const b = pod('web-1-b', { owner: ownedBy(rs), labels: { app: 'web' } });
  const stray = pod('stray', { labels: { app: 'web' } });
  const elsewhere = pod('elsewhere', { namespace: 'shop', labels: { app: 'web' } });
  const svc = service('web', { selector: { app: 'web' } });
  const ing = ingress('web', { rules: [{ host: 'a.test', path: '/', service: 'web', port: '80' }] });
  const ingNone = ingress('none', { rules: [{ host: 'b.test', path: '/', service: 'nope', port: '80' }] });
  const all = [dep, rs, a, b, stray, elsewhere, svc, ing, ingNone];
  const names = (uids: ReadonlySet<string>): string[] => all.filter((o) => uids.has(o.uid)).map((o) => o.name).sort();

  it('a Deployment stands for its ReplicaSets\' pods (ownership, not labels)', () => {
    expect(names(podsFor(dep, all))).toEqual(['web-1-a', 'web-1-b']);
    expect(names(podsFor(rs, all))).toEqual(['web-1-a', 'web-1-b']);
  });
  it('a Service stands for the pods its selector matches in its namespace', () => {
    expect(names(podsFor(svc, all))).toEqual(['stray', 'web-1-a', 'web-1-b']);
  });
  it('an Ingress stands for its backends\' pods; a missing backend for none', () => {
    expect(names(podsFor(ing, all))).toEqual(['stray', 'web-1-a', 'web-1-b']);
    expect(names(podsFor(ingNone, all))).toEqual([]);
  });
  it('a pod stands for itself; nothing for nothing', () => {
    expect(names(podsFor(a, all))).toEqual(['web-1-a']);
    expect(podsFor(undefined, all).size).toBe(0);
  });
});
