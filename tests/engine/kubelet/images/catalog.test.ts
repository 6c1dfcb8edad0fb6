// Image catalog: reference resolution (Docker's normalisation), pull failure texts, digests.
import { describe, expect, it } from 'vitest';
import { createImageCatalog, imageDigest, isPullFailure, parseReference } from '../../../../src/engine/kubelet/images/index';
import { sha256Hex } from '../../../../src/engine/kubelet/images/sha256';

describe('parseReference', () => {
  const rows: { input: string; want: string | { error: string } }[] = [
    { input: 'nginx', want: 'docker.io/library/nginx:latest' },
    { input: 'nginx:1.7.9', want: 'docker.io/library/nginx:1.7.9' },
    { input: 'library/nginx', want: 'docker.io/library/nginx:latest' },
    { input: 'docker.io/nginx', want: 'docker.io/library/nginx:latest' },
    { input: 'index.docker.io/library/nginx:alpine', want: 'docker.io/library/nginx:alpine' },
    { input: 'hashicorp/http-echo', want: 'docker.io/hashicorp/http-echo:latest' },
    { input: 'registry.k8s.io/echoserver:1.4', want: 'registry.k8s.io/echoserver:1.4' },
    { input: 'localhost/app', want: 'localhost/app:latest' },
    { input: 'localhost:5000/app:v1', want: 'localhost:5000/app:v1' },
    { input: 'myregistry.local:5000/team/app', want: 'myregistry.local:5000/team/app:latest' },
    { input: 'quay.io/jetstack/cert-manager-controller:v1.16.3', want: 'quay.io/jetstack/cert-manager-controller:v1.16.3' },
    { input: 'nginx@sha256:' + 'a'.repeat(64), want: 'docker.io/library/nginx@sha256:' + 'a'.repeat(64) },
    { input: 'nginx:1.27@sha256:' + 'a'.repeat(64), want: 'docker.io/library/nginx:1.27@sha256:' + 'a'.repeat(64) },
    { input: 'a_b/c-d.e__f', want: 'docker.io/a_b/c-d.e__f:latest' },
    { input: 'NGINX', want: { error: 'invalid reference format: repository name (library/NGINX) must be lowercase' } },
    { input: 'nginx:', want: { error: 'invalid reference format' } },
    { input: 'nginx:bad tag', want: { error: 'invalid reference format' } },
    { input: '', want: { error: 'invalid reference format' } },
    { input: 'nginx@sha256:abc', want: { error: 'invalid reference format' } },
    { input: '-nginx', want: { error: 'invalid reference format' } },
    { input: 'nginx//x', want: { error: 'invalid reference format' } },
  ];
  for (const { input, want } of rows) {
    it(JSON.stringify(input), () => {
      const r = parseReference(input);
      expect(r.ok ? r.ref.full : { error: r.error }).toEqual(want);
    });
  }
});

describe('sha256', () => {
  const rows = [
    { input: '', want: 'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855' },
    { input: 'abc', want: 'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad' },
    { input: 'abcdbcdecdefdefgefghfghighijhijkijkljklmklmnlmnomnopnopq', want: '248d6a61d20638b8e5c026930c3e6039a33ce45964ff2167f6ecedd419db06c1' },
    { input: 'a'.repeat(1000), want: '41edece42d63e8d9bf515a9ba6932e1c20cbc9f5a5d134645adb5db1b9737ea3' },
  ];
  for (const { input, want } of rows) it(`${input.slice(0, 20)}…`, () => expect(sha256Hex(input)).toBe(want));
});

describe('resolve', () => {
  const cat = createImageCatalog();
  const ok: { ref: string; repository: string; tag: string; ports: number[] }[] = [
    { ref: 'nginx', repository: 'docker.io/library/nginx', tag: 'latest', ports: [80] },
    { ref: 'nginx:1.7.9', repository: 'docker.io/library/nginx', tag: '1.7.9', ports: [80] },
    { ref: 'nginx:1.14.2', repository: 'docker.io/library/nginx', tag: '1.14.2', ports: [80] },
    { ref: 'nginx:alpine', repository: 'docker.io/library/nginx', tag: 'alpine', ports: [80] },
    { ref: 'httpd', repository: 'docker.io/library/httpd', tag: 'latest', ports: [80] },
    { ref: 'busybox:1.28', repository: 'docker.io/library/busybox', tag: '1.28', ports: [] },
    { ref: 'alpine', repository: 'docker.io/library/alpine', tag: 'latest', ports: [] },
    { ref: 'ubuntu:22.04', repository: 'docker.io/library/ubuntu', tag: '22.04', ports: [] },
    { ref: 'debian', repository: 'docker.io/library/debian', tag: 'latest', ports: [] },
    { ref: 'redis', repository: 'docker.io/library/redis', tag: 'latest', ports: [6379] },
    { ref: 'mysql:8.0', repository: 'docker.io/library/mysql', tag: '8.0', ports: [3306, 33060] },
    { ref: 'postgres', repository: 'docker.io/library/postgres', tag: 'latest', ports: [5432] },
    { ref: 'mongo', repository: 'docker.io/library/mongo', tag: 'latest', ports: [27017] },
    { ref: 'node:20', repository: 'docker.io/library/node', tag: '20', ports: [] },
    { ref: 'python:3.12', repository: 'docker.io/library/python', tag: '3.12', ports: [] },
    { ref: 'ruby', repository: 'docker.io/library/ruby', tag: 'latest', ports: [] },
    { ref: 'registry.k8s.io/hpa-example', repository: 'registry.k8s.io/hpa-example', tag: 'latest', ports: [80] },
    { ref: 'k8s.gcr.io/echoserver:1.4', repository: 'k8s.gcr.io/echoserver', tag: '1.4', ports: [8080] },
    { ref: 'gcr.io/google-samples/hello-app:2.0', repository: 'gcr.io/google-samples/hello-app', tag: '2.0', ports: [8080] },
    { ref: 'hashicorp/http-echo', repository: 'docker.io/hashicorp/http-echo', tag: 'latest', ports: [5678] },
    { ref: 'traefik/whoami', repository: 'docker.io/traefik/whoami', tag: 'latest', ports: [80] },
    { ref: 'quay.io/jetstack/cert-manager-controller:v1.16.3', repository: 'quay.io/jetstack/cert-manager-controller', tag: 'v1.16.3', ports: [9402] },
  ];
  for (const row of ok) {
    it(`resolves ${row.ref}`, () => {
      const r = cat.resolve(row.ref);
      if (isPullFailure(r)) throw new Error(r.message);
      expect({ repository: r.repository, tag: r.tag, ports: r.exposedPorts }).toEqual({ repository: row.repository, tag: row.tag, ports: row.ports });
      expect(r.digest).toMatch(/^sha256:[0-9a-f]{64}$/);
      expect(r.sizeBytes).toBeGreaterThan(100_000);
    });
  }

  it('digests are deterministic and differ per tag', () => {
    const a = cat.resolve('nginx:1.27') as { digest: string };
    const b = cat.resolve('docker.io/library/nginx:1.27') as { digest: string };
    const c = cat.resolve('nginx:1.25') as { digest: string };
    expect(a.digest).toBe(b.digest);
    expect(a.digest).not.toBe(c.digest);
    expect(a.digest).toBe(imageDigest('docker.io/library/nginx', '1.27'));
  });

  it('resolves a digest reference to its tag', () => {
    const d = imageDigest('docker.io/library/nginx', '1.14.2');
    expect(cat.resolve(`nginx@${d}`)).toMatchObject({ tag: '1.14.2', digest: d });
  });

  const failures: { ref: string; message: string }[] = [
    {
      ref: 'ngnix',
      message:
        'failed to pull and unpack image "docker.io/library/ngnix:latest": failed to resolve reference "docker.io/library/ngnix:latest": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    },
    {
      ref: 'nginx:9.9.9',
      message: 'failed to pull and unpack image "docker.io/library/nginx:9.9.9": failed to resolve reference "docker.io/library/nginx:9.9.9": docker.io/library/nginx:9.9.9: not found',
    },
    {
      ref: 'someone/private-app:1.0',
      message:
        'failed to pull and unpack image "docker.io/someone/private-app:1.0": failed to resolve reference "docker.io/someone/private-app:1.0": pull access denied, repository does not exist or may require authorization: server message: insufficient_scope: authorization failed',
    },
    {
      ref: 'registry.k8s.io/nope:1.0',
      message: 'failed to pull and unpack image "registry.k8s.io/nope:1.0": failed to resolve reference "registry.k8s.io/nope:1.0": registry.k8s.io/nope:1.0: not found',
    },
    {
      ref: 'registry.k8s.io/echoserver:9.9',
      message: 'failed to pull and unpack image "registry.k8s.io/echoserver:9.9": failed to resolve reference "registry.k8s.io/echoserver:9.9": registry.k8s.io/echoserver:9.9: not found',
    },
    {
      ref: 'nginx@sha256:' + '0'.repeat(64),
      message: `failed to pull and unpack image "docker.io/library/nginx@sha256:${'0'.repeat(64)}": failed to resolve reference "docker.io/library/nginx@sha256:${'0'.repeat(64)}": docker.io/library/nginx@sha256:${'0'.repeat(64)}: not found`,
    },
    {
      ref: 'myregistry.example.com/app:v1',
      message:
        'failed to pull and unpack image "myregistry.example.com/app:v1": failed to resolve reference "myregistry.example.com/app:v1": failed to do request: Head "https://myregistry.example.com/v2/app/manifests/v1": dial tcp: lookup myregistry.example.com on 10.0.0.2:53: no such host',
    },
    { ref: 'NGINX', message: 'couldn\'t parse image name "NGINX": invalid reference format: repository name (library/NGINX) must be lowercase' },
  ];
  for (const row of failures) {
    it(`fails ${row.ref}`, () => {
      const r = cat.resolve(row.ref);
      expect(isPullFailure(r) && r.message).toBe(row.message);
    });
  }

  it('marks malformed references InvalidImageName', () => {
    expect(cat.resolve('NGINX')).toMatchObject({ reason: 'InvalidImageName' });
  });
});
