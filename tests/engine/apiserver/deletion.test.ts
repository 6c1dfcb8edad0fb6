import { describe, expect, it } from 'vitest';
import { call, cluster, configMap } from './helpers';

const CMS = '/api/v1/namespaces/default/configmaps';

function owned(name: string, owner: any, block = false) {
  return configMap(name, {
    ownerReferences: [{ apiVersion: 'v1', kind: 'ConfigMap', name: owner.metadata.name, uid: owner.metadata.uid, controller: true, blockOwnerDeletion: block }],
  });
}

describe('deletion and garbage collection', () => {
  it('background: the owner goes at once, the dependents right after', () => {
    const c = cluster();
    const owner = call(c, 'POST', CMS, configMap('owner')).body as any;
    call(c, 'POST', CMS, owned('dep1', owner));
    call(c, 'POST', CMS, owned('dep2', owner));
    const res = call(c, 'DELETE', `${CMS}/owner`, { propagationPolicy: 'Background' });
    expect(res.status).toBe(200);
    expect(call(c, 'GET', `${CMS}/owner`).status).toBe(404);
    expect(call(c, 'GET', `${CMS}/dep1`).status).toBe(404);
    expect(call(c, 'GET', `${CMS}/dep2`).status).toBe(404);
  });

  it('orphan: dependents stay, without the owner reference', () => {
    const c = cluster();
    const owner = call(c, 'POST', CMS, configMap('owner')).body as any;
    call(c, 'POST', CMS, owned('dep', owner));
    call(c, 'DELETE', `${CMS}/owner`, { propagationPolicy: 'Orphan' });
    expect(call(c, 'GET', `${CMS}/owner`).status).toBe(404);
    const dep = call(c, 'GET', `${CMS}/dep`).body as any;
    expect(dep.metadata.ownerReferences).toBeUndefined();
  });

  it('foreground: the owner waits (deletionTimestamp, finalizer) until its dependents are gone', () => {
    const c = cluster();
    const owner = call(c, 'POST', CMS, configMap('owner')).body as any;
    call(c, 'POST', CMS, owned('dep', owner, true));
    const res = c.server.handle({ method: 'DELETE', path: `${CMS}/owner`, body: { propagationPolicy: 'Foreground' } });
    expect((res.body as any).metadata.finalizers).toEqual(['foregroundDeletion']);
    expect((res.body as any).metadata.deletionTimestamp).toBeDefined();
    c.settle();
    expect(call(c, 'GET', `${CMS}/dep`).status).toBe(404);
    expect(call(c, 'GET', `${CMS}/owner`).status).toBe(404);
  });

  it('a custom finalizer holds the object until it is removed', () => {
    const c = cluster();
    call(c, 'POST', CMS, configMap('held', { finalizers: ['example.com/hold'] }));
    call(c, 'DELETE', `${CMS}/held`);
    const held = call(c, 'GET', `${CMS}/held`).body as any;
    expect(held.metadata.deletionTimestamp).toBe('2025-01-01T00:00:00Z');
    call(c, 'PATCH', `${CMS}/held`, { metadata: { finalizers: null } }, { contentType: 'application/merge-patch+json' });
    expect(call(c, 'GET', `${CMS}/held`).status).toBe(404);
  });

  it('deleting a namespace makes it Terminating, empties it, then removes it', () => {
    const c = cluster();
    call(c, 'POST', '/api/v1/namespaces', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'team' } });
    call(c, 'POST', '/api/v1/namespaces/team/configmaps', configMap('a'));
    const res = c.server.handle({ method: 'DELETE', path: '/api/v1/namespaces/team' });
    expect((res.body as any).status.phase).toBe('Terminating');
    const refused = c.server.handle({ method: 'POST', path: '/api/v1/namespaces/team/configmaps', body: configMap('b') });
    expect(refused.status).toBe(403);
    expect((refused.body as any).message).toContain('because it is being terminated');
    c.advance(5000);
    expect(call(c, 'GET', '/api/v1/namespaces/team/configmaps/a').status).toBe(404);
    expect(call(c, 'GET', '/api/v1/namespaces/team').status).toBe(404);
  });

  it('refuses to delete the system namespaces', () => {
    const c = cluster();
    const res = call(c, 'DELETE', '/api/v1/namespaces/kube-system');
    expect(res.status).toBe(403);
    expect((res.body as any).message).toBe('namespaces "kube-system" is forbidden: this namespace may not be deleted');
  });
});
