import { describe, expect, it } from 'vitest';
import { base64ErrorOffset, checkSecretData } from '../../../src/engine/apiserver/secret-decode';
import { RESOURCE_TYPES } from '../../../src/engine/api/registry';
import type { KObject } from '../../../src/engine/api/types';

// Offsets follow Go's base64.StdEncoding.Decode (decodeQuantum), traced by hand.
describe('base64ErrorOffset', () => {
  const rows: { input: string; want: number }[] = [
    { input: '', want: -1 },
    { input: 'YWRtaW4=', want: -1 },
    { input: 'ab==', want: -1 },
    { input: 'YWRt\naW4=', want: -1 },
    { input: 'YWRt\r\naW4=\n', want: -1 },
    { input: 'ab\n==', want: -1 },
    { input: 'admin', want: 4 },
    { input: 'YWRtaW4', want: 4 },
    { input: 'abc', want: 0 },
    { input: 'hello world', want: 5 },
    { input: 'ab=c', want: 2 },
    { input: 'abc=x', want: 4 },
    { input: 'a===', want: 1 },
    { input: 'Y=', want: 1 },
    { input: '=', want: 0 },
    { input: 'ab=', want: 3 },
    { input: 'YWRtaW4=YWRt', want: 8 },
    { input: 'é', want: 0 },
    { input: 'abcé', want: 3 },
    { input: 'YWRt-aW4', want: 4 },
    { input: 'YWRtaW4_', want: 7 },
  ];
  for (const r of rows) it(JSON.stringify(r.input), () => expect(base64ErrorOffset(r.input)).toBe(r.want));
});

describe('checkSecretData', () => {
  const secretT = RESOURCE_TYPES.find((t) => t.group === '' && t.kind === 'Secret')!;
  const cmT = RESOURCE_TYPES.find((t) => t.group === '' && t.kind === 'ConfigMap')!;
  const secret = (data: unknown) => ({ apiVersion: 'v1', kind: 'Secret', metadata: { name: 's' }, data }) as unknown as KObject;
  const msg = (f: () => void): string | undefined => {
    try {
      f();
      return undefined;
    } catch (e) {
      return (e as { status: { message: string; code: number } }).status.code + ' ' + (e as { status: { message: string } }).status.message;
    }
  };
  const rows: { name: string; t: typeof secretT; obj: KObject; want: string | undefined }[] = [
    { name: 'valid data', t: secretT, obj: secret({ u: 'YWRtaW4=' }), want: undefined },
    { name: 'no data', t: secretT, obj: secret(undefined), want: undefined },
    { name: 'null value', t: secretT, obj: secret({ u: null }), want: undefined },
    { name: 'plain text', t: secretT, obj: secret({ u: 'YWRtaW4=', p: 'admin' }), want: '400 Secret in version "v1" cannot be handled as a Secret: illegal base64 data at input byte 4' },
    { name: 'number', t: secretT, obj: secret({ n: 5 }), want: '400 Secret in version "v1" cannot be handled as a Secret: json: cannot unmarshal number into Go struct field Secret.data of type []uint8' },
    { name: 'not a Secret', t: cmT, obj: { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'c' }, data: { u: 'admin' } } as unknown as KObject, want: undefined },
  ];
  for (const r of rows) it(r.name, () => expect(msg(() => checkSecretData(r.t, r.obj))).toBe(r.want));
});
