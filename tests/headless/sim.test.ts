import { describe, expect, it } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { transcript } from '../helpers/session';

const DEPLOYMENT = `cat > deployment.yml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sample-deployment
spec:
  replicas: 1
  selector:
    matchLabels:
      app: sample-app
  template:
    metadata:
      labels:
        app: sample-app
    spec:
      containers:
      - name: nginx
        image: nginx:1.7.9
        ports:
        - containerPort: 80
EOF
kubectl apply -f deployment.yml
kubectl get deploy
`;

describe('npm run sim (the headless runner contract)', () => {
  it('runs a script file end to end with no build step', () => {
    const dir = mkdtempSync(join(tmpdir(), 'kubeplay-sim-'));
    const file = join(dir, 'script.sh');
    writeFileSync(file, DEPLOYMENT);
    const res = spawnSync('npm', ['run', '--silent', 'sim', '--', file], { encoding: 'utf8' });
    expect(res.status).toBe(0);
    const lines = res.stdout.split('\n');
    expect(lines[0]).toBe('$ cat > deployment.yml <<EOF');
    expect(lines).toContain('$ kubectl apply -f deployment.yml');
    expect(lines).toContain('deployment.apps/sample-deployment created');
    expect(res.stdout).toMatch(/\nNAME +READY +UP-TO-DATE +AVAILABLE +AGE\nsample-deployment +\d\/1 /);
  }, 30_000);

  it('reads stdin with `-` and fails with status 2 on an unreadable script', () => {
    const ok = spawnSync('npm', ['run', '--silent', 'sim', '--', '-'], { input: 'kubectl get ns\n', encoding: 'utf8' });
    expect(ok.status).toBe(0);
    expect(ok.stdout).toMatch(/^\$ kubectl get ns\nNAME +STATUS +AGE\ndefault +Active/);
    const bad = spawnSync('npm', ['run', '--silent', 'sim', '--', '-'], { input: 'kubectl get "pods\n', encoding: 'utf8' });
    expect(bad.status).toBe(2);
    const missing = spawnSync('npm', ['run', '--silent', 'sim', '--', '/nonexistent/script'], { encoding: 'utf8' });
    expect(missing.status).toBe(2);
  }, 30_000);

  it('is deterministic: same seed and script give the same bytes', async () => {
    const script = `${DEPLOYMENT}sleep 1m\nkubectl get all -A -o yaml\nkubectl create cm x --from-literal=a=b\nkubectl get cm x -o jsonpath='{.metadata.uid}'\n`;
    const a = await transcript(script, { seed: 42 });
    const b = await transcript(script, { seed: 42 });
    const c = await transcript(script, { seed: 43 });
    expect(a).toBe(b);
    expect(a).not.toBe(c);
  });

  it('keeps a watch open across sleeps until the next command', async () => {
    const text = await transcript(`
kubectl create cm first --from-literal=a=b
kubectl get cm first -w
sleep 5s
kubectl create cm later --from-literal=a=b
kubectl get ns default -o name
`);
    expect(text).toMatch(/\$ kubectl get cm first -w\nNAME +DATA +AGE\nfirst +1 +0s\n\$ sleep 5s\n\$ kubectl create cm later/);
    expect(text).toContain('namespace/default\n');
  });
});

describe('pipelines in scripts', () => {
  it('filters output through head, tail, grep and wc -l, and names what it cannot run', async () => {
    const { applyFilters } = await import('../../src/headless/runner');
    const text = 'NAME\na-1\nb-2\nc-1\n';
    expect(applyFilters(text, [['grep', '1']])).toBe('a-1\nc-1\n');
    expect(applyFilters(text, [['grep', '-v', '1'], ['tail', '-1']])).toBe('b-2\n');
    expect(applyFilters(text, [['head', '-n', '2']])).toBe('NAME\na-1\n');
    expect(applyFilters(text, [['wc', '-l']])).toBe('4\n');
    expect(applyFilters(text, [['sort']])).toBe('sim: sort: not supported after | (head, tail, grep, wc -l are)\n');
  });
});
