// In-process requests carry their path parsed already (ApiRequest.target): it must be exactly
// what parsePath gives for the path built with it, for every shape of name and namespace.

import { describe, expect, it } from 'vitest';
import { parsePath, resourcePath, resourceRequestPath, type ResourcePath } from '../../../src/engine/apiserver/request';

const CASES: ResourcePath[] = [
  { group: '', version: 'v1', plural: 'pods' },
  { group: '', version: 'v1', namespace: 'default', plural: 'pods' },
  { group: '', version: 'v1', namespace: 'default', plural: 'pods', name: 'web-7d9f8-abcde' },
  { group: '', version: 'v1', namespace: 'default', plural: 'pods', name: 'web', subresource: 'status' },
  { group: 'apps', version: 'v1', namespace: 'kube-system', plural: 'deployments', name: 'coredns', subresource: 'scale' },
  { group: '', version: 'v1', plural: 'namespaces', name: 'team-a', subresource: 'finalize' },
  { group: '', version: 'v1', plural: 'namespaces', name: 'team-a', subresource: 'status' },
  { group: '', version: 'v1', plural: 'namespaces', name: 'team-a' },
  { group: '', version: 'v1', plural: 'nodes', name: 'Node_1.example' },
  { group: '', version: 'v1', namespace: 'namespaces', plural: 'pods', name: 'namespaces' },
  // Names the path must escape, and empty parts the path leaves out.
  { group: '', version: 'v1', namespace: 'default', plural: 'configmaps', name: 'a b/c%d?e#f' },
  { group: '', version: 'v1', namespace: 'default', plural: 'configmaps', name: "it's~(x)*!" },
  { group: '', version: 'v1', namespace: 'défaut', plural: 'configmaps', name: 'ünïcode-名前' },
  { group: '', version: 'v1', namespace: '', plural: 'pods', name: '' },
  { group: '', version: 'v1', namespace: 'default', plural: 'pods', name: 'web', subresource: '' },
];

describe('resourceRequestPath', () => {
  it.each(CASES.map((c) => [resourcePath(c), c] as const))('%s parses to its target', (_path, c) => {
    const { path, target } = resourceRequestPath(c);
    expect(path).toBe(resourcePath(c));
    const parsed = parsePath(path);
    expect(parsed.kind).toBe('resource');
    expect(target).toEqual(parsed.kind === 'resource' ? parsed.path : undefined);
  });

  it('escapes a name exactly as encodeURIComponent does', () => {
    for (const name of ['plain-name.1_2', 'UPPER', 'a b', 'a/b', 'a%b', "x'y", 'é', '~!*()']) {
      expect(resourcePath({ group: '', version: 'v1', plural: 'nodes', name })).toBe(`/api/v1/nodes/${encodeURIComponent(name)}`);
    }
  });
});
