// The editor's Kubernetes JSON schema: generated from upstream's OpenAPI documents, up to date,
// complete over the registry, and giving the markers, completions and hovers a user sees, as
// checked through monaco-yaml's own language service.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { generate, render, SCHEMA_FILE } from '../../../scripts/gen-schemas';
import { buildKubernetesSchema, rootName, type JsonSchema } from '../../../scripts/gen-schemas.lib';
import { RESOURCE_TYPES, groupVersion } from '../../../src/engine/api/registry';
import { yamlService } from './yaml-language-service';

const built = generate();
const schema = built.schema;
const URI = 'file:///session/deploy.yaml';

async function markers(text: string): Promise<{ line: number; message: string; severity: number }[]> {
  const s = await yamlService(schema, () => text, URI);
  return (await s.doValidation(URI)).map((d) => ({ line: d.range.start.line, message: d.message, severity: d.severity }));
}

async function completions(text: string, line: number, character: number): Promise<string[]> {
  const s = await yamlService(schema, () => text, URI);
  return (await s.doComplete(URI, { line, character })).items.map((i) => i.label);
}

const DEPLOYMENT = `apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
  creationTimestamp: null
spec:
  replicas: 3
  selector:
    matchLabels:
      app: web
  strategy: {}
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
        resources:
          limits: {cpu: 500m, memory: 128Mi}
          requests: {cpu: 1}
        readinessProbe:
          httpGet: {path: /, port: http}
status: {}
`;

describe('generated schema file', () => {
  it('is the generator output for the current OpenAPI documents (run npx tsx scripts/gen-schemas.ts)', () => {
    expect(readFileSync(SCHEMA_FILE, 'utf8')).toBe(render(built));
  });

  it('covers every registry kind that has an OpenAPI definition', () => {
    const docs = new Set(RESOURCE_TYPES.map(groupVersion).filter((gv) => built.covered.some((c) => c.startsWith(gv + ' '))));
    for (const t of RESOURCE_TYPES) {
      const id = `${groupVersion(t)} ${t.kind}`;
      if (docs.has(groupVersion(t))) expect(built.covered, id).toContain(id);
      expect(schema.definitions?.[rootName(t)] !== undefined || built.uncovered.includes(id), id).toBe(true);
    }
    // The only kinds left out are those upstream publishes no v3 document for here.
    expect(built.uncovered).toEqual([
      'autoscaling/v1 HorizontalPodAutoscaler',
      'metrics.k8s.io/v1beta1 NodeMetrics',
      'metrics.k8s.io/v1beta1 PodMetrics',
    ]);
    for (const k of ['apps/v1 Deployment', 'v1 Service', 'v1 Pod', 'v1 ConfigMap', 'networking.k8s.io/v1 Ingress', 'batch/v1 CronJob']) {
      expect(built.covered).toContain(k);
    }
  });

  it('resolves every $ref to a definition in the file', () => {
    const refs: string[] = [];
    const walk = (x: unknown): void => {
      if (Array.isArray(x)) x.forEach(walk);
      else if (x && typeof x === 'object') {
        for (const [k, v] of Object.entries(x)) {
          // A string under `$ref` is a reference; an object there is a property named `$ref` (CRD's JSONSchemaProps).
          if (k === '$ref' && typeof v === 'string') refs.push(v);
          else walk(v);
        }
      }
    };
    walk(schema);
    expect(refs.length).toBeGreaterThan(100);
    const dangling = refs.filter((r) => !r.startsWith('#/definitions/') || !schema.definitions?.[r.slice('#/definitions/'.length)]);
    expect(dangling).toEqual([]);
  });
});

describe('validation markers (monaco-yaml language service)', () => {
  it('accepts a tutorial Deployment, kubectl --dry-run output included', async () => {
    expect(await markers(DEPLOYMENT)).toEqual([]);
  });

  it('reports a wrong field type, an unknown field and a bad enum value as warnings on their lines', async () => {
    const text = DEPLOYMENT.replace('replicas: 3', 'replicas: three').replace('  strategy: {}', '  strategy: {}\n  replica: 2').replace(
      'image: nginx:1.27',
      'image: nginx:1.27\n        imagePullPolicy: Sometimes',
    );
    const got = await markers(text);
    const lines = text.split('\n');
    const at = (m: { line: number }): string => lines[m.line].trim();
    expect(got.map((m) => [at(m), m.message])).toEqual(
      expect.arrayContaining([
        ['replicas: three', 'Incorrect type. Expected "integer".'],
        ['replica: 2', 'Property replica is not allowed.'],
        ['imagePullPolicy: Sometimes', 'Value is not accepted. Valid values: "Always", "IfNotPresent", "Never".'],
      ]),
    );
    expect(got).toHaveLength(3);
    expect(got.every((m) => m.severity === 2)).toBe(true);
  });

  it('reports missing required fields', async () => {
    const got = await markers('apiVersion: v1\nkind: Pod\nmetadata:\n  name: p\nspec:\n  containers:\n  - image: nginx\n');
    expect(got.map((m) => m.message)).toEqual(['Missing property "name".']);
  });

  it('validates each document of a multi-document file against its own kind', async () => {
    const text = [
      'apiVersion: v1\nkind: Service\nmetadata: {name: web}\nspec:\n  type: LoadBalancer\n  selector: {app: web}\n  ports: [{port: 80, targetPort: 8080}]',
      'apiVersion: v1\nkind: ConfigMap\nmetadata: {name: settings}\ndata:\n  retries: 3',
      'apiVersion: networking.k8s.io/v1\nkind: Ingress\nmetadata: {name: web}\nspec:\n  rules:\n  - host: web.example.com\n    http:\n      paths:\n      - path: /\n        pathType: Prefix\n        backend: {service: {name: web, port: {number: 80}}}',
      'apiVersion: batch/v1\nkind: CronJob\nmetadata: {name: tick}\nspec:\n  schedule: "*/1 * * * *"\n  jobTemplate:\n    spec:\n      template:\n        spec:\n          restartPolicy: OnFailure\n          containers: [{name: c, image: busybox}]',
      // A custom resource (cert-manager's) is not the registry's: left alone, not flagged.
      'apiVersion: cert-manager.io/v1\nkind: Certificate\nmetadata: {name: tls}\nspec: {secretName: tls}',
    ].join('\n---\n') + '\n';
    const got = await markers(text);
    const lines = text.split('\n');
    expect(got.map((m) => [lines[m.line].trim(), m.message])).toEqual([['retries: 3', 'Incorrect type. Expected "string".']]);
  });

  it('checks a kind against its own apiVersion (HPA v2 fields, not v1)', async () => {
    const hpa = 'apiVersion: autoscaling/v2\nkind: HorizontalPodAutoscaler\nmetadata: {name: web}\nspec:\n  scaleTargetRef: {apiVersion: apps/v1, kind: Deployment, name: web}\n  minReplicas: 1\n  maxReplicas: 5\n  targetCPUUtilizationPercentage: 50\n';
    expect((await markers(hpa)).map((m) => m.message)).toEqual(['Property targetCPUUtilizationPercentage is not allowed.']);
  });
});

describe('completion and hover', () => {
  it('offers apiVersions and kinds in an empty document', async () => {
    expect(await completions('kind: \n', 0, 6)).toEqual(expect.arrayContaining(['Deployment', 'Service', 'Pod', 'ConfigMap', 'Ingress']));
    expect(await completions('apiVersion: \n', 0, 12)).toEqual(expect.arrayContaining(['v1', 'apps/v1', 'networking.k8s.io/v1']));
    expect(await completions('apiVersion: apps/v1\nkind: \n', 1, 6)).toEqual(['ControllerRevision', 'DaemonSet', 'Deployment', 'ReplicaSet', 'StatefulSet']);
  });

  it("offers the fields of the kind's spec and of nested types", async () => {
    const spec = await completions('apiVersion: apps/v1\nkind: Deployment\nspec:\n  \n', 3, 2);
    expect(spec).toEqual(expect.arrayContaining(['replicas', 'selector', 'template', 'strategy']));
    expect(spec).not.toContain('containers');
    const container = await completions('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    \n', 5, 4);
    expect(container).toEqual(expect.arrayContaining(['image', 'ports', 'resources', 'imagePullPolicy', 'readinessProbe']));
    const policy = await completions('apiVersion: v1\nkind: Pod\nspec:\n  containers:\n  - name: a\n    imagePullPolicy: \n', 5, 21);
    expect(policy).toEqual(['Always', 'IfNotPresent', 'Never']);
  });

  it("shows upstream's field documentation on hover", async () => {
    const text = 'apiVersion: apps/v1\nkind: Deployment\nspec:\n  replicas: 2\n';
    const s = await yamlService(schema, () => text, URI);
    const hover = await s.doHover(URI, { line: 3, character: 4 });
    expect(JSON.stringify(hover?.contents)).toContain('Number of desired pods.');
  });
});

describe('buildKubernetesSchema', () => {
  const meta = { type: 'object', properties: { name: { type: 'string' }, creationTimestamp: { $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.Time' } } };
  const doc = {
    components: {
      schemas: {
        'io.k8s.apimachinery.pkg.apis.meta.v1.Time': { type: 'string', format: 'date-time' },
        'io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta': meta,
        'x.Widget': {
          type: 'object',
          'x-kubernetes-group-version-kind': [{ group: 'ex.io', version: 'v1', kind: 'Widget' }],
          properties: {
            apiVersion: { type: 'string' },
            kind: { type: 'string' },
            metadata: { allOf: [{ $ref: '#/components/schemas/io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta' }] },
            spec: { type: 'object', 'x-kubernetes-preserve-unknown-fields': true, properties: { size: { type: 'integer' } } },
          },
        },
      },
    },
  };

  it('pins apiVersion and kind, closes declared objects, leaves preserve-unknown-fields open, allows null times', () => {
    const out = buildKubernetesSchema({ 'ex.io/v1': doc }, [{ group: 'ex.io', version: 'v1', kind: 'Widget' }, { group: 'ex.io', version: 'v1', kind: 'Gadget' }]);
    expect(out.covered).toEqual(['ex.io/v1 Widget']);
    expect(out.uncovered).toEqual(['ex.io/v1 Gadget']);
    const root = out.schema.definitions?.['kubeplay.ex.io.v1.Widget'] as JsonSchema;
    expect(root.properties?.apiVersion.enum).toEqual(['ex.io/v1']);
    expect(root.properties?.kind.enum).toEqual(['Widget']);
    expect(root.required).toEqual(['apiVersion', 'kind']);
    expect(root.additionalProperties).toBe(false);
    expect(root.properties?.spec.additionalProperties).toBeUndefined();
    expect(out.schema.definitions?.['io.k8s.apimachinery.pkg.apis.meta.v1.Time'].type).toEqual(['string', 'null']);
    expect(out.schema.definitions?.['io.k8s.apimachinery.pkg.apis.meta.v1.ObjectMeta'].additionalProperties).toBe(false);
  });

  it('refuses a reference to a definition no document has', () => {
    const broken = { components: { schemas: { 'x.Widget': { ...doc.components.schemas['x.Widget'], properties: { a: { $ref: '#/components/schemas/missing.Thing' } } } } } };
    expect(() => buildKubernetesSchema({ 'ex.io/v1': broken }, [{ group: 'ex.io', version: 'v1', kind: 'Widget' }])).toThrow('unresolved $ref #/components/schemas/missing.Thing');
  });
});
