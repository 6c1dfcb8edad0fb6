// Golden `kubectl explain` outputs (v1.32 plaintext template over the generated v1.32 OpenAPI
// documents) and explain's error lines. UPDATE_GOLDEN=1 rewrites the golden files.
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { loadAllOpenApi } from '../../../src/engine/api/openapi/index';
import { explain, explainAsync, resolveExplainArgument } from '../../../src/kubectl/explain/index';

const GOLDEN = join(__dirname, 'golden');

/** Runs `kubectl explain ARG [--recursive] [--api-version=V]` through argument resolution. */
function run(arg: string, recursive = false, apiVersion?: string) {
  const r = resolveExplainArgument(arg, apiVersion);
  if (!r.ok) return r;
  return explain({ ...r.target, recursive });
}

beforeAll(async () => {
  await loadAllOpenApi();
});

describe('golden outputs', () => {
  const rows = [
    { arg: 'deployment', recursive: false, file: 'deployment.txt' },
    { arg: 'deployment.spec', recursive: false, file: 'deployment.spec.txt' },
    { arg: 'deployment.spec.strategy', recursive: false, file: 'deployment.spec.strategy.txt' },
    { arg: 'deployment.spec.strategy', recursive: true, file: 'deployment.spec.strategy.recursive.txt' },
    { arg: 'pod.spec.containers', recursive: false, file: 'pod.spec.containers.txt' },
    { arg: 'pod.spec.containers.image', recursive: false, file: 'pod.spec.containers.image.txt' },
    { arg: 'service.spec.type', recursive: false, file: 'service.spec.type.txt' },
    { arg: 'cronjob.spec.concurrencyPolicy', recursive: false, file: 'cronjob.spec.concurrencyPolicy.txt' },
    { arg: 'hpa.spec.metrics.resource', recursive: true, file: 'hpa.spec.metrics.resource.recursive.txt' },
    { arg: 'cm', recursive: false, file: 'configmap.txt' },
  ];
  it.each(rows)('kubectl explain $arg (recursive: $recursive)', ({ arg, recursive, file }) => {
    const got = run(arg, recursive);
    expect(got.ok).toBe(true);
    const text = got.ok ? got.text : '';
    const path = join(GOLDEN, file);
    if (process.env.UPDATE_GOLDEN) writeFileSync(path, text);
    expect(existsSync(path), `${file} missing: run with UPDATE_GOLDEN=1`).toBe(true);
    expect(text).toBe(readFileSync(path, 'utf8'));
  });
});

describe('template layout facts', () => {
  it('prints GROUP only for named groups, and KIND/VERSION padded to column 12', () => {
    const pod = run('pods');
    expect(pod.ok && pod.text.startsWith('KIND:       Pod\nVERSION:    v1\n\nDESCRIPTION:\n')).toBe(true);
    const deploy = run('deploy');
    expect(deploy.ok && deploy.text.startsWith('GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n')).toBe(true);
  });

  it.each([
    { arg: 'deployment.spec.replicas', want: 'FIELD: replicas <integer>\n\n\nDESCRIPTION:\n' },
    { arg: 'deployment.spec.template', want: 'FIELD: template <PodTemplateSpec>\n\n\nDESCRIPTION:\n' },
    { arg: 'deployment.spec.selector', want: 'FIELD: selector <LabelSelector>\n\n\n' },
    { arg: 'pod.metadata.labels', want: 'FIELD: labels <map[string]string>\n' },
    { arg: 'pod.spec.containers', want: 'FIELD: containers <[]Container>\n' },
    { arg: 'deployment.spec.strategy.rollingUpdate.maxSurge', want: 'FIELD: maxSurge <IntOrString>\n' },
    { arg: 'pod.spec.containers.resources.limits', want: 'FIELD: limits <map[string]Quantity>\n' },
    { arg: 'pod.metadata.creationTimestamp', want: 'FIELD: creationTimestamp <string>\n' },
    { arg: 'pod.spec.containers.ports.protocol', want: 'FIELD: protocol <string>\nENUM:\n    SCTP\n    TCP\n    UDP\n\n' },
    { arg: 'svc.spec.ports.targetPort', want: 'FIELD: targetPort <IntOrString>\n' },
    { arg: 'job.spec.template.spec.restartPolicy', want: 'ENUM:\n    Always\n    Never\n    OnFailure\n\n' },
    { arg: 'pod.spec.containers.imagePullPolicy', want: '     - `"Always"` means that kubelet always attempts to pull the latest image.' },
    { arg: 'ing.spec.rules.http.paths.pathType', want: 'ENUM:\n    Exact\n    ImplementationSpecific\n    Prefix\n' },
  ])('$arg contains $want', ({ arg, want }) => {
    const got = run(arg);
    expect(got.ok).toBe(true);
    expect(got.ok && got.text).toContain(want);
  });

  it('marks required fields and ends with a blank line after the last field', () => {
    const got = run('pod.spec.containers');
    expect(got.ok && got.text).toContain('  name\t<string> -required-\n');
    expect(got.ok && got.text.endsWith('\n\n\n')).toBe(true);
  });

  it('cuts recursion at a $ref already on the path (JSONSchemaProps refers to itself)', () => {
    const got = run('crd.spec.versions.schema.openAPIV3Schema', true);
    expect(got.ok).toBe(true);
    expect(got.ok && got.text).toContain('\n  $ref\t<string>\n  $schema\t<string>\n');
    // allOf is a []JSONSchemaProps: the $ref is already on the path, so it is not expanded.
    expect(got.ok && got.text).toContain('  allOf\t<[]JSONSchemaProps>\n  anyOf\t<[]JSONSchemaProps>\n');
    expect(got.ok && got.text).not.toContain('\n    $ref\t<string>\n');
  });

  it('walks map values and arrays in field paths (plaintext_test SchemaFieldPathViaMap)', () => {
    const got = run('crd.spec.versions.schema.openAPIV3Schema.properties.default');
    expect(got.ok && got.text).toContain('default is a default value for undefined object fields');
  });
});

describe('errors', () => {
  it.each([
    { arg: 'deployment.foo', apiVersion: undefined, error: 'error: field "foo" does not exist', text: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n' },
    { arg: 'deployment.does.not.exist', apiVersion: undefined, error: 'error: field "exist" does not exist', text: 'GROUP:      apps\nKIND:       Deployment\nVERSION:    v1\n\n' },
    { arg: 'pod.spec.containers.image.foo', apiVersion: undefined, error: 'error: field "foo" does not exist', text: 'KIND:       Pod\nVERSION:    v1\n\n' },
    // kubectl prints a NoResourceMatchError without the `error: ` prefix (checked against kubectl 1.32.4).
    { arg: 'foo', apiVersion: undefined, error: 'the server doesn\'t have a resource type "foo"', text: undefined },
    { arg: 'foo.spec', apiVersion: undefined, error: 'the server doesn\'t have a resource type "foo"', text: undefined },
    { arg: 'pods', apiVersion: 'v99', error: 'error: couldn\'t find resource for "/v99, Resource=pods"', text: undefined },
    { arg: 'deployments', apiVersion: 'apps/v1beta1', error: 'error: couldn\'t find resource for "apps/v1beta1, Resource=deployments"', text: undefined },
    { arg: 'deployments', apiVersion: 'v1', error: 'error: GVR (/v1, Resource=deployments) not found in OpenAPI schema', text: undefined },
    { arg: 'pods', apiVersion: 'a/b/c', error: 'error: unexpected GroupVersion string: a/b/c', text: undefined },
  ])('explain $arg --api-version=$apiVersion', ({ arg, apiVersion, error, text }) => {
    const got = run(arg, false, apiVersion);
    expect(got.ok).toBe(false);
    if (!got.ok) {
      expect(got.error).toBe(error);
      expect('text' in got ? got.text : undefined).toBe(text);
    }
  });
});

describe('argument resolution', () => {
  it.each([
    { arg: 'po', want: { apiVersion: 'v1', kind: 'Pod', resource: 'pods', fieldPath: [] } },
    { arg: 'Deployment.spec', want: { apiVersion: 'apps/v1', kind: 'Deployment', resource: 'deployments', fieldPath: ['spec'] } },
    { arg: 'deployments.apps.spec.replicas', want: { apiVersion: 'apps/v1', kind: 'Deployment', resource: 'deployments', fieldPath: ['spec', 'replicas'] } },
    { arg: 'events', want: { apiVersion: 'v1', kind: 'Event', resource: 'events', fieldPath: [] } },
    // The core group comes first and its group-resource `events` already prefixes the argument,
    // so upstream's prefix match picks core/v1 and treats the rest as fields.
    { arg: 'events.events.k8s.io.note', want: { apiVersion: 'v1', kind: 'Event', resource: 'events', fieldPath: ['events', 'k8s', 'io', 'note'] } },
    { arg: 'endpointslices.discovery.k8s.io.endpoints', want: { apiVersion: 'discovery.k8s.io/v1', kind: 'EndpointSlice', resource: 'endpointslices', fieldPath: ['endpoints'] } },
    { arg: 'svc.spec.', want: { apiVersion: 'v1', kind: 'Service', resource: 'services', fieldPath: ['spec'] } },
    { arg: 'hpa', want: { apiVersion: 'autoscaling/v2', kind: 'HorizontalPodAutoscaler', resource: 'horizontalpodautoscalers', fieldPath: [] } },
  ])('$arg', ({ arg, want }) => {
    expect(resolveExplainArgument(arg)).toEqual({ ok: true, target: want });
  });
});

describe('explainAsync', () => {
  it('loads the document on demand', async () => {
    const got = await explainAsync({ apiVersion: 'batch/v1', kind: 'Job', fieldPath: ['spec', 'completions'], recursive: false });
    expect(got.ok && got.text).toContain('FIELD: completions <integer>');
  });
});
