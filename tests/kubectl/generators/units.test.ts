// Small pieces of the generators checked on their own: container names from images, image
// references, --tcp specs, TLS PEM checks, and the command table itself.
import { describe, expect, it } from 'vitest';
import { containerNameFromImage } from '../../../src/kubectl/generators/deployment';
import { GENERATORS, GENERATOR_GROUPS } from '../../../src/kubectl/generators/index';
import { isValidImageReference } from '../../../src/kubectl/generators/run';
import { checkKeyPair } from '../../../src/kubectl/generators/secret-tls';
import { parseTcpPort } from '../../../src/kubectl/generators/service';
import type { GeneratorContext } from '../../../src/kubectl/generators/types';

const ctx: GeneratorContext = { namespace: 'default', readFile: () => undefined, listDir: () => undefined, randomString: (n) => 'z'.repeat(n) };

describe('containerNameFromImage (create_deployment.go buildPodSpec)', () => {
  const rows: { input: string; want: string }[] = [
    { input: 'nginx', want: 'nginx' },
    { input: 'nginx:1.27', want: 'nginx' },
    { input: 'registry.k8s.io/pause:3.9', want: 'pause' },
    { input: 'ghcr.io/org/app@sha256:abc', want: 'app' },
    { input: 'localhost:5000/team/api:v2', want: 'api' },
    { input: 'my_app', want: 'my-app-zzzzz' },
    { input: 'repo/a.b:1', want: 'a-b-zzzzz' },
  ];
  for (const r of rows) it(r.input, () => expect(containerNameFromImage(r.input, ctx)).toBe(r.want));
  it('falls back to a stable suffix without randomString', () => {
    const plain: GeneratorContext = { ...ctx, randomString: undefined };
    const a = containerNameFromImage('my_app', plain);
    expect(a).toMatch(/^my-app-[bcdfghjklmnpqrstvwxz2456789]{5}$/);
    expect(containerNameFromImage('my_app', plain)).toBe(a);
  });
});

describe('isValidImageReference (distribution/reference)', () => {
  const rows: { input: string; valid: boolean }[] = [
    { input: 'nginx', valid: true }, { input: 'nginx:latest', valid: true }, { input: 'library/nginx', valid: true },
    { input: 'docker.io/library/nginx:1.27', valid: true }, { input: 'localhost:5000/app', valid: true },
    { input: 'a/b_c__d-e.f', valid: true }, { input: `app@sha256:${'a'.repeat(64)}`, valid: true },
    { input: '[::1]:5000/app:v1', valid: true },
    { input: 'Nginx', valid: false }, { input: 'nginx:', valid: false }, { input: 'nginx:-bad', valid: false },
    { input: 'a//b', valid: false }, { input: 'app@sha256:short', valid: false }, { input: '-app', valid: false },
    { input: 'has space', valid: false },
  ];
  for (const r of rows) it(r.input, () => expect(isValidImageReference(r.input)).toBe(r.valid));
});

describe('parseTcpPort (create_service.go parsePorts)', () => {
  const rows: { input: string; want: object }[] = [
    { input: '80', want: { port: 80, targetPort: 80 } },
    { input: '0', want: { port: 0, targetPort: 0 } },
    { input: '80:8080', want: { port: 80, targetPort: 8080 } },
    { input: '443:https', want: { port: 443, targetPort: 'https' } },
    { input: '80:+8080', want: { port: 80, targetPort: 8080 } },
    { input: '+80', want: { error: 'strconv.ParseUint: parsing "+80": invalid syntax' } },
    { input: '65536', want: { error: 'strconv.ParseUint: parsing "65536": value out of range' } },
    { input: ':80', want: { error: 'strconv.ParseUint: parsing "": invalid syntax' } },
    { input: '80:0', want: { error: 'must be between 1 and 65535, inclusive' } },
    { input: '80:-1', want: { error: 'must be between 1 and 65535, inclusive' } },
    { input: '80:', want: { error: 'must contain only alpha-numeric characters (a-z, 0-9), and hyphens (-),must contain at least one letter (a-z)' } },
    { input: '80:a--b', want: { error: 'must not contain consecutive hyphens (--)' } },
    { input: '80:-ab', want: { error: 'must not begin or end with a hyphen' } },
    { input: '80:abcdefghijklmnop', want: { error: 'must be no more than 15 characters' } },
  ];
  for (const r of rows) it(r.input, () => expect(parseTcpPort(r.input)).toEqual(r.want));
});

describe('checkKeyPair (crypto/tls X509KeyPair PEM checks)', () => {
  const cert = '-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----\n';
  const key = '-----BEGIN RSA PRIVATE KEY-----\nMIIE\n-----END RSA PRIVATE KEY-----\n';
  const other = '-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----\n';
  const rows: { name: string; cert: string; key: string; want: string | undefined }[] = [
    { name: 'good pair', cert, key, want: undefined },
    { name: 'no PEM in cert', cert: 'hello', key, want: 'tls: failed to find any PEM data in certificate input' },
    { name: 'swapped', cert: key, key: cert, want: 'tls: failed to find certificate PEM data in certificate input, but did find a private key; PEM inputs may have been switched' },
    { name: 'other block in cert', cert: other, key, want: 'tls: failed to find "CERTIFICATE" PEM block in certificate input after skipping PEM blocks of the following types: [PUBLIC KEY]' },
    { name: 'no PEM in key', cert, key: 'x', want: 'tls: failed to find any PEM data in key input' },
    { name: 'cert as key', cert, key: cert, want: 'tls: found a certificate rather than a key in the PEM for the private key' },
    { name: 'other block in key', cert, key: other, want: 'tls: failed to find PEM block with type ending in "PRIVATE KEY" in key input after skipping PEM blocks of the following types: [PUBLIC KEY]' },
  ];
  for (const r of rows) it(r.name, () => expect(checkKeyPair(r.cert, r.key)).toBe(r.want));
});

describe('the command table', () => {
  it('names every command once, aliases included', () => {
    const names = GENERATORS.flatMap((g) => [g.path.join(' '), ...g.aliases.map((a) => [...g.path.slice(0, -1), a].join(' '))]);
    expect(new Set(names).size).toBe(names.length);
    expect(GENERATORS.map((g) => g.path.join(' ')).sort()).toEqual([
      'create configmap', 'create cronjob', 'create deployment', 'create ingress', 'create job', 'create namespace',
      'create quota', 'create secret docker-registry', 'create secret generic', 'create secret tls',
      'create service clusterip', 'create service externalname', 'create service loadbalancer', 'create service nodeport',
      'create serviceaccount', 'run',
    ]);
  });
  it('carries upstream help texts and flag specs', () => {
    for (const g of [...GENERATORS]) {
      expect(g.long.length, g.path.join(' ')).toBeGreaterThan(10);
      expect(g.example, g.path.join(' ')).toMatch(/^ {2}# /);
      expect(g.use.startsWith(g.path[g.path.length - 1]), g.use).toBe(true);
      for (const f of g.flags) expect(f.usage.length, f.name).toBeGreaterThan(0);
    }
    expect(GENERATOR_GROUPS.map((g) => g.path.join(' '))).toEqual(['create secret', 'create service']);
  });
});
