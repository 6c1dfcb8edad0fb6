// Details panel logic: tabs per kind, finding the selected object, refresh signatures.
import { describe, expect, it } from 'vitest';
import { eventsSignature, findView, refOf, sameRef, tabsFor } from '../../../src/ui/details/inspect';
import { event, node, pod, service } from '../map/fixtures';

describe('details logic', () => {
  it('gives pods Logs and placement tabs, named for pending pods', () => {
    expect(tabsFor('Deployment').map((t) => t.id)).toEqual(['describe', 'yaml', 'events']);
    expect(tabsFor('Pod').map((t) => t.label)).toEqual(['Describe', 'YAML', 'Events', 'Logs', 'Why here']);
    expect(tabsFor('Pod', true).map((t) => t.label)).toEqual(['Describe', 'YAML', 'Events', 'Logs', 'Why pending']);
  });

  const n = node('worker1');
  const p = pod('web');
  const p2 = pod('web', { namespace: 'shop' });
  const s = service('web');
  const objects = [n, p, p2, s];

  it('finds the view by kind, namespace and name', () => {
    expect(findView(objects, { kind: 'Pod', namespace: 'shop', name: 'web' })).toBe(p2);
    expect(findView(objects, { kind: 'Service', namespace: 'default', name: 'web' })).toBe(s);
    expect(findView(objects, { kind: 'Node', name: 'worker1' })).toBe(n);
    expect(findView(objects, { kind: 'Node', namespace: '', name: 'worker1' })).toBe(n);
    expect(findView(objects, { kind: 'Pod', namespace: 'default', name: 'gone' })).toBeUndefined();
    expect(refOf(n)).toEqual({ kind: 'Node', name: 'worker1' });
    expect(refOf(p2)).toEqual({ kind: 'Pod', namespace: 'shop', name: 'web' });
    expect(sameRef({ kind: 'Pod', name: 'a' }, { kind: 'Service', name: 'a' })).toBe(false);
  });

  it('changes the events signature only when the object\'s own events change', () => {
    const ref = { kind: 'Pod', namespace: 'default', name: 'web' };
    const mine = event('web.1', { involved: ref, count: 1, last: 5 });
    const other = event('x.1', { involved: { kind: 'Pod', namespace: 'default', name: 'x' } });
    const before = eventsSignature([...objects, mine, other], ref);
    expect(eventsSignature([...objects, mine, { ...other, count: 9 }], ref)).toBe(before);
    expect(eventsSignature([...objects, { ...mine, count: 2 }, other], ref)).not.toBe(before);
    expect(eventsSignature(objects, ref)).toBe('');
  });
});
