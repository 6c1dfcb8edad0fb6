// Unknown-field paths as the decoder spells them, and pruning in place (the walk builds a path
// only for an unknown field, from a segment stack: these pin its spelling).

import { describe, expect, it } from 'vitest';
import { Registry } from '../../../src/engine/api/registry';
import type { KObject } from '../../../src/engine/api/types';
import { pruneUnknownFields } from '../../../src/engine/apiserver/field-validation';

const registry = new Registry();
const type = (group: string, kind: string) => registry.types.find((t) => t.group === group && t.kind === kind)!;

describe('pruneUnknownFields', () => {
  it('reports nested unknown fields with their paths and drops them', () => {
    const dep = {
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      bogus: 1,
      metadata: { name: 'web', labels: { app: 'web' }, extra: { a: 1 } },
      spec: {
        replicass: 3,
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: {
            containers: [
              { name: 'a', image: 'nginx' },
              { name: 'b', imagee: 'nginx', ports: [{ containerPort: 80 }, { containerPort: 81, porto: 1 }] },
            ],
          },
        },
      },
    } as unknown as KObject;
    expect(pruneUnknownFields(type('apps', 'Deployment'), dep)).toEqual([
      'bogus',
      'metadata.extra',
      'spec.replicass',
      'spec.template.spec.containers[1].imagee',
      'spec.template.spec.containers[1].ports[1].porto',
    ]);
    expect(dep).toEqual({
      apiVersion: 'apps/v1',
      kind: 'Deployment',
      metadata: { name: 'web', labels: { app: 'web' } },
      spec: {
        selector: { matchLabels: { app: 'web' } },
        template: {
          metadata: { labels: { app: 'web' } },
          spec: { containers: [{ name: 'a', image: 'nginx' }, { name: 'b', ports: [{ containerPort: 80 }, { containerPort: 81 }] }] },
        },
      },
    });
  });

  it('walks a second object from an empty path (no segment left over from the first)', () => {
    const pod = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, spec: { containers: [{ name: 'c', image: 'x', foo: 1 }] } } as unknown as KObject;
    expect(pruneUnknownFields(type('', 'Pod'), pod)).toEqual(['spec.containers[0].foo']);
    const pod2 = { apiVersion: 'v1', kind: 'Pod', metadata: { name: 'p' }, speck: {} } as unknown as KObject;
    expect(pruneUnknownFields(type('', 'Pod'), pod2)).toEqual(['speck']);
  });
});
