// The k8s\0 + runtime.Unknown envelope and the body.ts hook: decoded objects carry kind/apiVersion
// first; bad magic, unknown kinds, encodings and truncated bytes fail (a 400 Status through body.ts).
import { describe, expect, it } from 'vitest';
import { decodeBody } from '../../../src/server/body';
import { decodeProtobufObject, readEnvelope } from '../../../src/server/protobuf/envelope';
import { envelope, pb } from './pb';

const PROTO = 'application/vnd.kubernetes.protobuf';
const withMagic = (b: Uint8Array) => Uint8Array.from([0x6b, 0x38, 0x73, 0x00, ...b]);

describe('readEnvelope', () => {
  it('reads typeMeta, raw, contentEncoding and contentType', () => {
    const body = withMagic(pb([[1, [[1, 'v1'], [2, 'Pod']]], [2, Uint8Array.from([1, 2])], [3, 'gzip'], [4, 'application/json']]));
    expect(readEnvelope(body)).toEqual({ apiVersion: 'v1', kind: 'Pod', raw: Uint8Array.from([1, 2]), contentEncoding: 'gzip', contentType: 'application/json' });
  });
});

describe('decodeProtobufObject', () => {
  const rows: { name: string; input: Uint8Array; want: Record<string, unknown> }[] = [
    {
      name: 'namespace',
      input: envelope('v1', 'Namespace', [[1, [[1, 'x']]], [2, []], [3, []]]),
      want: { kind: 'Namespace', apiVersion: 'v1', metadata: { name: 'x', creationTimestamp: null }, spec: {}, status: {} },
    },
    {
      name: 'configmap with namespace and labels',
      input: envelope('v1', 'ConfigMap', [[1, [[1, 'c'], [3, 'dev'], [11, [[1, 'b'], [2, '2']]], [11, [[1, 'a'], [2, '1']]]]], [2, [[1, 'k'], [2, 'v']]]]),
      want: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'c', namespace: 'dev', creationTimestamp: null, labels: { a: '1', b: '2' } }, data: { k: 'v' } },
    },
    {
      name: 'delete options in any group version',
      input: envelope('apps/v1', 'DeleteOptions', [[1, 0n], [4, 'Foreground']]),
      want: { kind: 'DeleteOptions', apiVersion: 'apps/v1', gracePeriodSeconds: 0, propagationPolicy: 'Foreground' },
    },
    {
      name: 'lease with MicroTime',
      input: envelope('coordination.k8s.io/v1', 'Lease', [[1, [[1, 'n1'], [8, [[1, 1700000000]]]]], [2, [[1, 'n1'], [3, [[1, 1700000000], [2, 1000]]]]]]),
      want: {
        kind: 'Lease',
        apiVersion: 'coordination.k8s.io/v1',
        metadata: { name: 'n1', creationTimestamp: '2023-11-14T22:13:20Z' },
        spec: { holderIdentity: 'n1', acquireTime: '2023-11-14T22:13:20.000001Z' },
      },
    },
    {
      name: 'raw JSON inside the envelope',
      input: withMagic(pb([[1, [[1, 'v1'], [2, 'ConfigMap']]], [2, '{"metadata":{"name":"j"}}'], [4, 'application/json']])),
      want: { kind: 'ConfigMap', apiVersion: 'v1', metadata: { name: 'j' } },
    },
  ];
  for (const r of rows) {
    it(r.name, () => {
      const got = decodeProtobufObject(r.input);
      expect(got).toEqual({ ok: true, object: r.want });
      if (got.ok) expect(Object.keys(got.object).slice(0, 2)).toEqual(['kind', 'apiVersion']);
    });
  }

  const bad: { name: string; input: Uint8Array; want: string | RegExp }[] = [
    { name: 'no magic', input: new TextEncoder().encode('{"kind":"Pod"}'), want: 'provided data does not appear to be a protobuf message, expected prefix [107 56 115 0]' },
    { name: 'short', input: Uint8Array.from([0x6b, 0x38]), want: /expected prefix/ },
    { name: 'empty envelope', input: withMagic(new Uint8Array()), want: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"", Kind:""}'` },
    { name: 'no kind', input: withMagic(pb([[1, [[1, 'v1']]]])), want: `Object 'Kind' is missing in 'runtime.TypeMeta{APIVersion:"v1", Kind:""}'` },
    {
      name: 'unknown kind',
      input: envelope('stable.example.com/v1', 'CronTab', []),
      want: 'no kind "CronTab" is registered for version "stable.example.com/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"',
    },
    { name: 'kind in the wrong group', input: envelope('apps/v1', 'Pod', []), want: /no kind "Pod" is registered for version "apps\/v1"/ },
    { name: 'content encoding', input: withMagic(pb([[1, [[1, 'v1'], [2, 'Pod']]], [3, 'gzip']])), want: 'unsupported content encoding "gzip"' },
    { name: 'content type', input: withMagic(pb([[1, [[1, 'v1'], [2, 'Pod']]], [4, 'application/cbor']])), want: 'unsupported content type "application/cbor"' },
    { name: 'truncated raw', input: envelope('v1', 'Namespace', [[1, [[1, 'abc']]]]).slice(0, -6), want: 'unexpected EOF' },
    { name: 'wrong wire type in the object', input: envelope('v1', 'Namespace', [[1, 3]]), want: /wrong wireType = 0 for field metadata/ },
  ];
  for (const r of bad) {
    it(`fails: ${r.name}`, () => {
      const got = decodeProtobufObject(r.input);
      expect(got.ok).toBe(false);
      if (!got.ok) expect(got.error).toMatch(typeof r.want === 'string' ? new RegExp(`^${r.want.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}$`) : r.want);
    });
  }
});

describe('body.ts hook', () => {
  it('decodes protobuf bodies (with media type parameters) to the object', () => {
    const got = decodeBody(Buffer.from(envelope('v1', 'ServiceAccount', [[1, [[1, 'sa']]]])), `${PROTO}; charset=binary`);
    expect(got).toEqual({ ok: true, body: { kind: 'ServiceAccount', apiVersion: 'v1', metadata: { name: 'sa', creationTimestamp: null } } });
  });
  it('answers an unknown message with a 400 Status', () => {
    const got = decodeBody(Buffer.from(envelope('example.com/v1', 'Widget', [])), PROTO);
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.status).toMatchObject({ kind: 'Status', status: 'Failure', reason: 'BadRequest', code: 400 });
      expect(got.status.message).toBe('no kind "Widget" is registered for version "example.com/v1" in scheme "pkg/api/legacyscheme/scheme.go:30"');
    }
  });
  it('answers bytes without the magic with a 400 Status', () => {
    const got = decodeBody(Buffer.from('not protobuf'), PROTO);
    expect(got.ok ? 0 : got.status.code).toBe(400);
  });
});
