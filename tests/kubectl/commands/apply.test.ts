import { describe, expect, it } from 'vitest';
import { outputs, transcript } from '../../helpers/session';

const manifest = (replicas: number, extra = '') => `cat > web.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: ${replicas}
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27${extra}
EOF`;

describe('kubectl apply', () => {
  it('says created, unchanged and configured exactly when upstream does', async () => {
    const out = await outputs(`
${manifest(2)}
kubectl apply -f web.yaml
kubectl apply -f web.yaml
${manifest(3)}
kubectl apply -f web.yaml
kubectl apply -f web.yaml --dry-run=client
kubectl apply -f web.yaml --dry-run=server
kubectl get deploy web -o jsonpath='{.spec.replicas}'
`);
    expect(out.slice(1, 2)).toEqual(['deployment.apps/web created\n']);
    expect(out[2]).toBe('deployment.apps/web unchanged\n');
    expect(out[4]).toBe('deployment.apps/web configured\n');
    expect(out[5]).toBe('deployment.apps/web configured (dry run)\n');
    expect(out[6]).toBe('deployment.apps/web unchanged (server dry run)\n');
    expect(out[7]).toBe('3');
  });

  it('removes a field dropped from the manifest but keeps what other writers set', async () => {
    const withEnv = `
        env:
        - name: A
          value: "1"`;
    const out = await outputs(`
${manifest(1, withEnv)}
kubectl apply -f web.yaml
kubectl label deploy web team=blue
${manifest(1)}
kubectl apply -f web.yaml
kubectl get deploy web -o jsonpath='{.spec.template.spec.containers[0].env}|{.metadata.labels.team}'
`);
    expect(out[4]).toBe('deployment.apps/web configured\n');
    expect(out[5]).toBe('|blue');
  });

  it('warns when the object was not created by apply, then patches it', async () => {
    const out = await outputs(`
kubectl create deployment web --image=nginx:1.27
${manifest(1)}
kubectl apply -f web.yaml
kubectl get deploy web -o jsonpath='{.metadata.annotations.kubectl\\.kubernetes\\.io/last-applied-configuration}'
`);
    expect(out[2]).toBe(
      'Warning: resource deployments/web is missing the kubectl.kubernetes.io/last-applied-configuration annotation which is required by kubectl apply. kubectl apply should only be used on resources created declaratively by either kubectl create --save-config or kubectl apply. The missing annotation will be patched automatically.\n' +
        'deployment.apps/web configured\n',
    );
    expect(JSON.parse(out[3])).toMatchObject({ kind: 'Deployment', metadata: { annotations: {}, name: 'web', namespace: 'default' } });
  });

  it('applies every document of a multi-document file, directories and stdin', async () => {
    const text = await transcript(`
cat > all.yaml <<EOF
apiVersion: v1
kind: Namespace
metadata:
  name: shop
---
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  namespace: shop
data:
  color: blue
EOF
kubectl apply -f all.yaml
kubectl apply -f - <<EOF
apiVersion: v1
kind: List
items:
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: one
- apiVersion: v1
  kind: ConfigMap
  metadata:
    name: two
EOF
kubectl get cm -n shop settings -o jsonpath='{.data.color}'
`);
    expect(text).toContain('namespace/shop created\nconfigmap/settings created\n');
    expect(text).toContain('configmap/one created\nconfigmap/two created\n');
    expect(text).toContain('\nblue');
  });

  it('rolls back nothing when a later file is missing (checked before sending)', async () => {
    const out = await outputs(`
${manifest(1)}
kubectl apply -f web.yaml -f missing.yaml
kubectl get deploy
`);
    expect(out[1]).toBe('error: the path "missing.yaml" does not exist\n');
    expect(out[2]).toBe('No resources found in default namespace.\n');
  });
});
