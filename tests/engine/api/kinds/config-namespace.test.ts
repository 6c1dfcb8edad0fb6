import { describe, expect, it } from 'vitest';
import { prepareForCreate } from '../../../../src/engine/api/kinds/index';
import { base64Utf8 } from '../../../../src/engine/api/kinds/config';
import { defaulted, errorsOnCreate, errorsOnUpdate } from './helpers';

const meta = (name = 'x') => ({ name, namespace: 'default' });

describe('Namespace', () => {
  it('gets its name label, Active, and the kubernetes finalizer', () => {
    const o = defaulted('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'dev' } });
    prepareForCreate('', 'Namespace', o);
    expect(o).toEqual({
      apiVersion: 'v1',
      kind: 'Namespace',
      metadata: { name: 'dev', labels: { 'kubernetes.io/metadata.name': 'dev' } },
      spec: { finalizers: ['kubernetes'] },
      status: { phase: 'Active' },
    });
  });
  const rows: { input: string; want: string[] }[] = [
    { input: 'dev', want: [] },
    { input: 'a.b', want: ['metadata.name: Invalid value: "a.b": must not contain dots'] },
    {
      input: 'Dev',
      want: [
        "metadata.name: Invalid value: \"Dev\": a lowercase RFC 1123 label must consist of lower case alphanumeric characters or '-', and must start and end with an alphanumeric character (e.g. 'my-name',  or '123-abc', regex used for validation is '[a-z0-9]([-a-z0-9]*[a-z0-9])?')",
      ],
    },
  ];
  rows.forEach(({ input, want }) => it(`name ${input}`, () => expect(errorsOnCreate('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: input } })).toEqual(want)));
  it('a namespace field is forbidden on a cluster-scoped kind', () => {
    expect(errorsOnCreate('', { apiVersion: 'v1', kind: 'Namespace', metadata: { name: 'a', namespace: 'b' } })).toEqual(['metadata.namespace: Forbidden: not allowed on this type']);
  });
});

describe('Secret', () => {
  const rows: { input: string; want: string }[] = [
    { input: '', want: '' },
    { input: 'f', want: 'Zg==' },
    { input: 'fo', want: 'Zm8=' },
    { input: 'foo', want: 'Zm9v' },
    { input: 'pässwörd', want: 'cMOkc3N3w7ZyZA==' },
  ];
  rows.forEach(({ input, want }) => it(`base64 ${input}`, () => expect(base64Utf8(input)).toBe(want)));
  it('type Opaque, stringData folded into data', () => {
    const o = defaulted('', { apiVersion: 'v1', kind: 'Secret', metadata: meta(), data: { a: 'YQ==' }, stringData: { b: 'foo' } });
    expect([o.type, o.data, o.stringData]).toEqual(['Opaque', { a: 'YQ==', b: 'Zm9v' }, undefined]);
  });
  const errs: { input: Record<string, unknown>; want: string[] }[] = [
    {
      input: { data: { 'a b': 'eA==' } },
      want: ["data[a b]: Invalid value: \"a b\": a valid config key must consist of alphanumeric characters, '-', '_' or '.' (e.g. 'key.name',  or 'KEY_NAME',  or 'key-name', regex used for validation is '[-._a-zA-Z0-9]+')"],
    },
    { input: { type: 'kubernetes.io/tls', data: {} }, want: ['data[tls.crt]: Required value', 'data[tls.key]: Required value'] },
    { input: { type: 'kubernetes.io/basic-auth' }, want: ['data[username]: Required value', 'data[password]: Required value'] },
    { input: { type: 'kubernetes.io/ssh-auth' }, want: ['data[ssh-privatekey]: Required value'] },
    { input: { type: 'kubernetes.io/dockerconfigjson' }, want: ['data[.dockerconfigjson]: Required value'] },
  ];
  errs.forEach(({ input, want }, i) => it(`row ${i}`, () => expect(errorsOnCreate('', { apiVersion: 'v1', kind: 'Secret', metadata: meta(), ...input })).toEqual(want)));
  it('immutable secrets keep their data; type never changes', () => {
    const old = { apiVersion: 'v1', kind: 'Secret', metadata: meta(), immutable: true, data: { a: 'YQ==' } };
    expect(errorsOnUpdate('', { ...old, data: { a: 'Yg==' } }, old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(errorsOnUpdate('', { ...old, immutable: false }, old)).toEqual(['immutable: Forbidden: field is immutable when `immutable` is set']);
    expect(errorsOnUpdate('', { ...old, immutable: undefined, type: 'x/y' }, { ...old, immutable: undefined })).toEqual(['type: Invalid value: "x/y": field is immutable']);
  });
});

describe('ConfigMap', () => {
  it('duplicate keys between data and binaryData', () => {
    expect(errorsOnCreate('', { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(), data: { a: '1' }, binaryData: { a: 'MQ==' } })).toEqual([
      'binaryData[a]: Invalid value: "a": duplicate of key present in data',
    ]);
  });
  it('immutable config maps keep their data', () => {
    const old = { apiVersion: 'v1', kind: 'ConfigMap', metadata: meta(), immutable: true, data: { a: '1' } };
    expect(errorsOnUpdate('', { ...old, data: { a: '2' } }, old)).toEqual(['data: Forbidden: field is immutable when `immutable` is set']);
    expect(errorsOnUpdate('', old, old)).toEqual([]);
  });
});
