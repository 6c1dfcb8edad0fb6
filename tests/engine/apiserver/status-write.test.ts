// A /status write copies only the metadata and status it keeps: unknown fields anywhere in the body
// are still reported (Warn) or refused (Strict), the caller's object is never touched, and only the
// status (plus annotations) is stored.
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllOpenApi } from '../../../src/engine/api/openapi';
import type { KObject } from '../../../src/engine/api/types';
import { call, cluster, deployment } from './helpers';

const PATH = '/apis/apps/v1/namespaces/default/deployments';

describe('PUT .../status', () => {
  beforeAll(() => loadAllOpenApi());

  it('reports unknown fields in spec and status, stores only the known status, leaves the body alone', () => {
    const c = cluster();
    expect(call(c, 'POST', PATH, deployment('web')).status).toBe(201);
    const stored = call(c, 'GET', `${PATH}/web`).body as KObject;
    const body = Object.freeze({
      ...stored,
      spec: Object.freeze({ ...(stored.spec as object), replicass: 3 }),
      status: Object.freeze({ replicas: 2, bogus: true }),
    }) as KObject;
    const res = call(c, 'PUT', `${PATH}/web/status`, body);
    expect(res.status).toBe(200);
    expect(res.warnings).toEqual(['unknown field "spec.replicass"', 'unknown field "status.bogus"']);
    const after = call(c, 'GET', `${PATH}/web`).body as KObject;
    expect(after.status).toEqual({ replicas: 2 });
    expect(after.spec).toEqual(stored.spec);
    expect((body.status as Record<string, unknown>).bogus).toBe(true);
  });

  it('refuses them with fieldValidation=Strict', () => {
    const c = cluster();
    call(c, 'POST', PATH, deployment('web'));
    const stored = call(c, 'GET', `${PATH}/web`).body as KObject;
    const res = call(c, 'PUT', `${PATH}/web/status`, { ...stored, spec: { ...(stored.spec as object), replicass: 3 } }, { query: { fieldValidation: 'Strict' } });
    expect(res.status).toBe(400);
    expect((res.body as { message: string }).message).toContain('strict decoding error: unknown field "spec.replicass"');
  });

  it('answers 404 for a missing object, without touching a frozen body that has unknown fields', () => {
    const c = cluster();
    const body = Object.freeze({
      ...deployment('gone'),
      spec: Object.freeze({ ...(deployment('gone').spec as object), replicass: 3 }),
      status: Object.freeze({ replicas: 1 }),
    }) as KObject;
    const res = call(c, 'PUT', `${PATH}/gone/status`, body);
    expect(res.status).toBe(404);
    expect((res.body as { message: string }).message).toBe('deployments.apps "gone" not found');
    expect((body.spec as Record<string, unknown>).replicass).toBe(3);
  });
});
