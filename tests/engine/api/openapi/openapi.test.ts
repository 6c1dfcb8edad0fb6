// The generated OpenAPI documents and their loader: every served kind has a schema, every $ref
// resolves inside its own document (so each can be served as is), and field paths resolve.
import { beforeAll, describe, expect, it } from 'vitest';
import {
  deref,
  fieldSchema,
  loadAllOpenApi,
  loadOpenApi,
  openApiDocument,
  openApiGroupVersions,
  OPENAPI_SOURCE,
  parseGroupVersion,
  resolve,
  schemaEntryForKind,
  schemaForKind,
} from '../../../../src/engine/api/openapi/index';
import { RESOURCE_TYPES as ALL_TYPES, groupVersion } from '../../../../src/engine/api/registry';

// metrics.k8s.io is metrics-server's aggregated API: it is not in the apiserver's own OpenAPI.
// autoscaling/v1 is served by conversion from v2; its own document is not generated yet (PARITY.md).
const RESOURCE_TYPES = ALL_TYPES.filter((t) => t.group !== 'metrics.k8s.io' && !(t.group === 'autoscaling' && t.version === 'v1'));

beforeAll(async () => {
  await loadAllOpenApi();
});

/** Every `$ref` string anywhere under a value. */
function refsIn(value: unknown, out: string[] = []): string[] {
  if (Array.isArray(value)) for (const v of value) refsIn(v, out);
  else if (value && typeof value === 'object') {
    for (const [k, v] of Object.entries(value)) {
      if (k === '$ref' && typeof v === 'string') out.push(v);
      else refsIn(v, out);
    }
  }
  return out;
}

describe('documents', () => {
  it('has one document per group-version the registry serves', () => {
    expect(new Set(openApiGroupVersions())).toEqual(new Set(RESOURCE_TYPES.map(groupVersion)));
  });

  it.each(openApiGroupVersions())('%s is a self-contained OpenAPI 3.0 document with its provenance', (gv) => {
    const doc = openApiDocument(gv)!;
    expect(doc.openapi).toBe('3.0.0');
    expect(doc['x-kubeplay-source']).toEqual(OPENAPI_SOURCE);
    expect(OPENAPI_SOURCE.ref).toContain('1.32');
    for (const ref of refsIn(doc)) {
      expect(ref.startsWith('#/components/schemas/')).toBe(true);
      expect(doc.components.schemas[ref.slice('#/components/schemas/'.length)], ref).toBeDefined();
    }
  });

  it.each(RESOURCE_TYPES.map((t) => [groupVersion(t), t.kind, t.listKind, t.plural] as const))(
    '%s %s has its kind, list kind and a GET path with its GVK',
    (gv, kind, listKind, plural) => {
      expect(schemaForKind(gv, kind)).toBeDefined();
      expect(schemaForKind(gv, listKind)).toBeDefined();
      const doc = openApiDocument(gv)!;
      const { group, version } = parseGroupVersion(gv);
      const gvks = Object.entries(doc.paths)
        .filter(([p]) => p.split('/').includes(plural))
        .map(([, item]) => item.get?.['x-kubernetes-group-version-kind']);
      expect(gvks).toContainEqual({ group, version, kind });
    },
  );

  it('restores the enums a live apiserver publishes', () => {
    const type = fieldSchema('v1', 'Service', ['spec', 'type'])!;
    expect(type.enum).toEqual(['ClusterIP', 'ExternalName', 'LoadBalancer', 'NodePort']);
    expect(type.description).toContain('\n\nPossible enum values:\n - `"ClusterIP"` means a service will only be accessible');
    const modes = fieldSchema('v1', 'PersistentVolumeClaim', ['spec', 'accessModes'])!;
    expect(modes.items?.enum).toEqual(['ReadOnlyMany', 'ReadWriteMany', 'ReadWriteOnce', 'ReadWriteOncePod']);
    expect(modes.description).not.toContain('Possible enum values');
  });

  it('keeps oneOf so IntOrString and Quantity stay typed', () => {
    const ios = resolve('#/components/schemas/io.k8s.apimachinery.pkg.util.intstr.IntOrString')!;
    expect(ios.format).toBe('int-or-string');
    expect(ios.oneOf).toEqual([{ type: 'integer' }, { type: 'string' }]);
  });
});

describe('fieldSchema', () => {
  const rows: { apiVersion: string; kind: string; path: string[]; want: Record<string, unknown> | undefined }[] = [
    { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec', 'replicas'], want: { type: 'integer', format: 'int32' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec', 'template', 'spec', 'containers', 'image'], want: { type: 'string' } },
    { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec', 'strategy', 'type'], want: { type: 'string', enum: ['Recreate', 'RollingUpdate'] } },
    { apiVersion: 'v1', kind: 'Pod', path: ['spec', 'containers', 'ports', 'containerPort'], want: { type: 'integer', format: 'int32' } },
    { apiVersion: 'v1', kind: 'Pod', path: ['metadata', 'labels'], want: { type: 'object', additionalProperties: { type: 'string', default: '' } } },
    { apiVersion: 'v1', kind: 'Pod', path: ['spec', 'containers'], want: { type: 'array', 'x-kubernetes-list-type': 'map', 'x-kubernetes-list-map-keys': ['name'], 'x-kubernetes-patch-merge-key': 'name', 'x-kubernetes-patch-strategy': 'merge' } },
    { apiVersion: 'v1', kind: 'ConfigMap', path: ['data'], want: { type: 'object' } },
    { apiVersion: 'batch/v1', kind: 'CronJob', path: ['spec', 'jobTemplate', 'spec', 'backoffLimit'], want: { type: 'integer' } },
    { apiVersion: 'networking.k8s.io/v1', kind: 'Ingress', path: ['spec', 'rules', 'http', 'paths', 'pathType'], want: { type: 'string', enum: ['Exact', 'ImplementationSpecific', 'Prefix'] } },
    { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', path: ['spec', 'maxReplicas'], want: { type: 'integer', format: 'int32' } },
    { apiVersion: 'apiextensions.k8s.io/v1', kind: 'CustomResourceDefinition', path: ['spec', 'versions', 'schema', 'openAPIV3Schema', 'properties', 'default'], want: {} },
    { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec', 'nope'], want: undefined },
    { apiVersion: 'apps/v1', kind: 'Deployment', path: ['spec', 'replicas', 'deeper'], want: undefined },
    { apiVersion: 'apps/v1', kind: 'Nope', path: [], want: undefined },
    { apiVersion: 'apps/v9', kind: 'Deployment', path: [], want: undefined },
  ];
  it.each(rows)('$apiVersion $kind $path', ({ apiVersion, kind, path, want }) => {
    const got = fieldSchema(apiVersion, kind, path);
    if (want === undefined) expect(got).toBeUndefined();
    else expect(got).toMatchObject(want);
  });

  it('returns the field schema; deref gives its type', () => {
    const strategy = fieldSchema('apps/v1', 'Deployment', ['spec', 'strategy'])!;
    expect(strategy.description).toBe('The deployment strategy to use to replace existing pods with new ones.');
    expect(deref(strategy).description).toBe('DeploymentStrategy describes how to replace existing pods with new ones.');
  });
});

describe('lookups', () => {
  it.each([
    { apiVersion: 'apps/v1', kind: 'Deployment', want: 'io.k8s.api.apps.v1.Deployment' },
    { apiVersion: 'v1', kind: 'Pod', want: 'io.k8s.api.core.v1.Pod' },
    { apiVersion: 'events.k8s.io/v1', kind: 'Event', want: 'io.k8s.api.events.v1.Event' },
    { apiVersion: 'v1', kind: 'Event', want: 'io.k8s.api.core.v1.Event' },
    { apiVersion: 'apps/v1', kind: 'Nope', want: undefined },
  ])('schemaEntryForKind($apiVersion, $kind)', ({ apiVersion, kind, want }) => {
    expect(schemaEntryForKind(apiVersion, kind)?.name).toBe(want);
  });

  it('keeps Scale where a kind has the scale subresource, and the meta types', () => {
    expect(openApiDocument('apps/v1')!.components.schemas['io.k8s.api.autoscaling.v1.Scale']).toBeDefined();
    expect(openApiDocument('batch/v1')!.components.schemas['io.k8s.api.autoscaling.v1.Scale']).toBeUndefined();
    for (const gv of openApiGroupVersions()) {
      expect(openApiDocument(gv)!.components.schemas['io.k8s.apimachinery.pkg.apis.meta.v1.Status'], gv).toBeDefined();
    }
  });

  it.each([
    { input: 'apps/v1', want: { group: 'apps', version: 'v1' } },
    { input: 'v1', want: { group: '', version: 'v1' } },
    { input: 'networking.k8s.io/v1', want: { group: 'networking.k8s.io', version: 'v1' } },
  ])('parseGroupVersion($input)', ({ input, want }) => {
    expect(parseGroupVersion(input)).toEqual(want);
  });

  it.each([
    { ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta', found: true },
    { ref: '#/components/schemas/io.k8s.api.core.v1.PodSpec', found: true },
    { ref: '#/components/schemas/io.k8s.api.core.v1.Nope', found: false },
    { ref: 'io.k8s.api.core.v1.PodSpec', found: false },
  ])('resolve($ref)', ({ ref, found }) => {
    expect(resolve(ref) !== undefined).toBe(found);
  });

  it('loadOpenApi answers undefined for an unknown group-version and caches known ones', async () => {
    expect(await loadOpenApi('apps/v9')).toBeUndefined();
    expect(await loadOpenApi('apps/v1')).toBe(openApiDocument('apps/v1'));
  });
});
