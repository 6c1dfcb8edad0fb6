import { describe, expect, it } from 'vitest';
import { outputs } from '../../helpers/session';

// Expected texts come from kubectl v1.32 (kubectl-facts.md section 7, and runs of the real
// kubectl for the client-side ones).
describe('kubectl errors as upstream prints them', () => {
  it('reports usage errors the way cobra does', async () => {
    const [unknownCmd, unknownFlag, shorthand, needsArg, badInt] = await outputs(`
kubectl gett pods
kubectl get pods --foo
kubectl get pods -z
kubectl get pods -n
kubectl scale deploy x --replicas=abc
`);
    expect(unknownCmd).toBe('Error: unknown command "gett" for "kubectl"\n\nDid you mean this?\n\tset\n\tget\n\n');
    expect(unknownFlag).toBe("Error: unknown flag: --foo\nSee 'kubectl get --help' for usage.\n");
    expect(shorthand).toBe("Error: unknown shorthand flag: 'z' in -z\nSee 'kubectl get --help' for usage.\n");
    expect(needsArg).toBe("Error: flag needs an argument: 'n' in -n\nSee 'kubectl get --help' for usage.\n");
    expect(badInt).toBe(`Error: invalid argument "abc" for "--replicas" flag: strconv.ParseInt: parsing "abc": invalid syntax\nSee 'kubectl scale --help' for usage.\n`);
  });

  it('reports unknown types, missing objects and namespaces', async () => {
    const [type, typo, missing, ns, nsList, output] = await outputs(`
kubectl get foo
kubectl get deploymnt
kubectl get deployment nope
kubectl get deployment nope -n ghost
kubectl get pods -n ghost
kubectl get pods -o bogus
`);
    expect(type).toBe('error: the server doesn\'t have a resource type "foo"\n');
    expect(typo).toBe('error: the server doesn\'t have a resource type "deploymnt"\n');
    expect(missing).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    expect(ns).toBe('Error from server (NotFound): namespaces "ghost" not found\n');
    expect(nsList).toBe('No resources found in ghost namespace.\n');
    expect(output).toBe(
      'error: unable to match a printer suitable for the output format "bogus", allowed formats are: custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml\n',
    );
  });

  it('validates manifests client-side and reports parse errors with the file name', async () => {
    const [, noKind, , badYaml, , foo, missing] = await outputs(`
cat > bad.yaml <<EOF
metadata:
  name: x
EOF
kubectl apply -f bad.yaml
cat > broken.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
\tname: x
EOF
kubectl apply -f broken.yaml
cat > foo.yaml <<EOF
apiVersion: v1
kind: Foo
metadata:
  name: x
EOF
kubectl apply -f foo.yaml
kubectl apply -f missing.yaml
`);
    expect(noKind).toBe(
      'error: error validating "bad.yaml": error validating data: [apiVersion not set, kind not set]; if you choose to ignore these errors, turn validation off with --validate=false\n',
    );
    // Captured from kubectl 1.32.4 on the same file.
    expect(badYaml).toBe('error: error parsing broken.yaml: error converting YAML to JSON: yaml: line 4: found character that cannot start any token\n');
    expect(foo).toBe('error: resource mapping not found for name: "x" namespace: "" from "foo.yaml": no matches for kind "Foo" in version "v1"\nensure CRDs are installed first\n');
    expect(missing).toBe('error: the path "missing.yaml" does not exist\n');
  });

  it('prints Invalid errors from their causes, and wraps generator errors', async () => {
    const [, invalid, , exists] = await outputs(`
cat > d.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
spec:
  replicas: -1
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: other
    spec:
      containers:
      - name: nginx
        image: nginx
EOF
kubectl apply -f d.yaml
kubectl create deployment web --image=nginx
kubectl create deployment web --image=nginx
`);
    expect(invalid).toBe(
      'The Deployment "web" is invalid: \n' +
        '* spec.replicas: Invalid value: -1: must be greater than or equal to 0\n' +
        '* spec.template.metadata.labels: Invalid value: map[string]string{"app":"other"}: `selector` does not match template `labels`\n',
    );
    expect(exists).toBe('error: failed to create deployment: deployments.apps "web" already exists\n');
  });

  it('refuses unknown fields (fieldValidation=Strict), warns with --validate=warn and never stores them', async () => {
    const [, strict, warn, spec] = await outputs(`
cat > d.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: cm
dataa:
  k: v
EOF
kubectl apply -f d.yaml
kubectl apply -f d.yaml --validate=warn
kubectl get cm cm -o jsonpath='{.dataa}'
`);
    expect(strict).toBe('Error from server (BadRequest): error when creating "d.yaml": ConfigMap in version "v1" cannot be handled as a ConfigMap: strict decoding error: unknown field "dataa"\n');
    expect(warn).toBe('Warning: unknown field "dataa"\nconfigmap/cm created\n');
    expect(spec).toBe('');
  });
});
