// The simulated cloud's load-balancer decisions: wantsLoadBalancer, needsCleanup, needsUpdate
// (with upstream's event texts) and address allocation.

import { describe, expect, it } from 'vitest';
import type { ServiceView } from '../../../../src/engine/controllers/endpoints/pods';
import { allocateAddress, needsCleanup, needsUpdate, wantsLoadBalancer, LB_FINALIZER } from '../../../../src/engine/controllers/service-lb/lb';

function svc(spec: Record<string, unknown>, meta: Record<string, unknown> = {}): ServiceView {
  return {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'web', namespace: 'default', uid: 'u1', ...meta },
    spec: { type: 'LoadBalancer', ports: [{ port: 80, protocol: 'TCP', nodePort: 30001, targetPort: 80 }], sessionAffinity: 'None', externalTrafficPolicy: 'Cluster', ...spec },
  };
}

describe('wantsLoadBalancer / needsCleanup', () => {
  const rows: { name: string; s: ServiceView; wants: boolean; cleanup: boolean }[] = [
    { name: 'LoadBalancer', s: svc({}), wants: true, cleanup: false },
    { name: 'ClusterIP', s: svc({ type: 'ClusterIP' }), wants: false, cleanup: false },
    { name: 'with a loadBalancerClass', s: svc({ loadBalancerClass: 'x/y' }), wants: false, cleanup: false },
    { name: 'ClusterIP holding the finalizer', s: svc({ type: 'ClusterIP' }, { finalizers: [LB_FINALIZER] }), wants: false, cleanup: true },
    { name: 'deleted with the finalizer', s: svc({}, { finalizers: [LB_FINALIZER], deletionTimestamp: 'x' }), wants: true, cleanup: true },
    { name: 'deleted without the finalizer', s: svc({}, { deletionTimestamp: 'x' }), wants: true, cleanup: false },
  ];
  for (const r of rows) {
    it(r.name, () => {
      expect(wantsLoadBalancer(r.s)).toBe(r.wants);
      expect(needsCleanup(r.s)).toBe(r.cleanup);
    });
  }
});

describe('needsUpdate', () => {
  const base = svc({});
  const rows: { name: string; old: ServiceView; cur: ServiceView; update: boolean; events: [string, string][] }[] = [
    { name: 'no change', old: base, cur: svc({}), update: false, events: [] },
    { name: 'neither wants one', old: svc({ type: 'ClusterIP' }), cur: svc({ type: 'NodePort' }), update: false, events: [] },
    { name: 'ClusterIP -> LoadBalancer', old: svc({ type: 'ClusterIP' }), cur: base, update: true, events: [['Type', 'ClusterIP -> LoadBalancer']] },
    { name: 'LoadBalancer -> NodePort', old: base, cur: svc({ type: 'NodePort' }), update: true, events: [['Type', 'LoadBalancer -> NodePort']] },
    { name: 'port change', old: base, cur: svc({ ports: [{ port: 8080, protocol: 'TCP', nodePort: 30001, targetPort: 80 }] }), update: true, events: [] },
    { name: 'targetPort change alone', old: base, cur: svc({ ports: [{ port: 80, protocol: 'TCP', nodePort: 30001, targetPort: 8080 }] }), update: false, events: [] },
    { name: 'nodePort change', old: base, cur: svc({ ports: [{ port: 80, protocol: 'TCP', nodePort: 30002, targetPort: 80 }] }), update: true, events: [] },
    { name: 'session affinity', old: base, cur: svc({ sessionAffinity: 'ClientIP' }), update: true, events: [] },
    { name: 'source ranges', old: base, cur: svc({ loadBalancerSourceRanges: ['10.0.0.0/8'] }), update: true, events: [['LoadBalancerSourceRanges', '[] -> [10.0.0.0/8]']] },
    { name: 'loadBalancerIP', old: base, cur: svc({ loadBalancerIP: '1.2.3.4' }), update: true, events: [['LoadbalancerIP', ' -> 1.2.3.4']] },
    { name: 'external IP count', old: base, cur: svc({ externalIPs: ['1.1.1.1'] }), update: true, events: [['ExternalIP', 'Count: 0 -> 1']] },
    { name: 'external IP changed', old: svc({ externalIPs: ['1.1.1.1'] }), cur: svc({ externalIPs: ['2.2.2.2'] }), update: true, events: [['ExternalIP', 'Added: 2.2.2.2']] },
    { name: 'annotations', old: base, cur: svc({}, { annotations: { a: 'b' } }), update: true, events: [] },
    { name: 'uid', old: base, cur: svc({}, { uid: 'u2' }), update: true, events: [['UID', 'u1 -> u2']] },
    { name: 'traffic policy', old: base, cur: svc({ externalTrafficPolicy: 'Local' }), update: true, events: [['ExternalTrafficPolicy', 'Cluster -> Local']] },
    { name: 'labels only', old: base, cur: svc({}, { labels: { a: 'b' } }), update: false, events: [] },
  ];
  for (const r of rows) it(r.name, () => expect(needsUpdate(r.old, r.cur)).toEqual({ update: r.update, events: r.events }));
});

describe('allocateAddress', () => {
  it('is in 203.0.113.1-254 and stable for the same Service', () => {
    const ip = allocateAddress(svc({}), new Set())!;
    expect(ip).toMatch(/^203\.0\.113\.([1-9]|[1-9][0-9]|1[0-9][0-9]|2[0-4][0-9]|25[0-4])$/);
    expect(allocateAddress(svc({}), new Set())).toBe(ip);
  });
  it('keeps the address the Service already has', () => {
    const s = svc({});
    s.status = { loadBalancer: { ingress: [{ ip: '203.0.113.77' }] } };
    expect(allocateAddress(s, new Set(['203.0.113.77']))).toBe('203.0.113.77');
  });
  it('skips addresses in use and runs out after 254', () => {
    const first = allocateAddress(svc({}), new Set())!;
    const second = allocateAddress(svc({}), new Set([first]))!;
    expect(second).not.toBe(first);
    const all = new Set(Array.from({ length: 254 }, (_, i) => `203.0.113.${i + 1}`));
    expect(allocateAddress(svc({}), all)).toBeUndefined();
  });
});
