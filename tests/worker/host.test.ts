import { describe, expect, it } from 'vitest';
import type { PlaygroundHost } from '../../src/worker/host';
import type { FeedBatch, PodView, ShellReply } from '../../src/worker/protocol';
import { flushPromises } from './fake-env';
import { hostsOnFakeTime, START } from './fake-host';

const newHost = hostsOnFakeTime();

async function booted() {
  const { host, time } = newHost();
  const batches: FeedBatch[] = [];
  const r = await host.boot({ now: START, fresh: true }, (b) => batches.push(b));
  expect(r).toEqual({ ok: true, source: 'fresh' });
  await time.advance(20);
  return { host, time, batches };
}

/** Types the lines into a tab; returns the last reply and everything printed. */
async function type(host: PlaygroundHost, lines: string[], tab = 't1'): Promise<{ reply: ShellReply; out: string }> {
  let out = '';
  let reply: ShellReply = { kind: 'done', code: -1 };
  for (const l of lines) reply = await host.shellInput(tab, l, (s) => (out += s));
  return { reply, out };
}

const DEPLOY = [
  'kubectl apply -f - <<EOF',
  'apiVersion: apps/v1',
  'kind: Deployment',
  'metadata:',
  '  name: web',
  'spec:',
  '  replicas: 2',
  '  selector:',
  '    matchLabels: {app: web}',
  '  template:',
  '    metadata:',
  '      labels: {app: web}',
  '    spec:',
  '      containers:',
  '      - name: nginx',
  '        image: nginx:1.25',
  'EOF',
];

describe('PlaygroundHost shell', () => {
  it('collects a heredoc over several lines, applies it, then lists the deployment', async () => {
    const { host, time } = await booted();
    let out = '';
    for (const l of DEPLOY.slice(0, -1)) expect(await host.shellInput('t1', l, (s) => (out += s))).toEqual({ kind: 'more', prompt: '> ' });
    expect(await host.shellInput('t1', 'EOF', (s) => (out += s))).toEqual({ kind: 'done', code: 0 });
    expect(out).toBe('deployment.apps/web created\n');
    await time.advance(30_000);
    const r = await type(host, ['kubectl get deploy']);
    expect(r.reply).toEqual({ kind: 'done', code: 0 });
    expect(r.out).toMatch(/^NAME\s+READY\s+UP-TO-DATE\s+AVAILABLE\s+AGE\nweb\s+2\/2\s+2\s+2\s+30s\n$/);
    expect(await host.history()).toEqual([DEPLOY.join('\n'), 'kubectl get deploy']);
  });

  it('streams kubectl get -w until Ctrl-C, then answers 130', async () => {
    const { host, time } = await booted();
    await type(host, DEPLOY);
    let out = '';
    const pending = host.shellInput('t2', 'kubectl get pods -w', (s) => (out += s));
    let reply: ShellReply | undefined;
    void pending.then((r) => (reply = r));
    await time.advance(20_000);
    expect(reply).toBeUndefined();
    expect(out).toMatch(/ContainerCreating/);
    expect(out).toMatch(/Running/);
    // Another tab works while this one watches.
    expect((await type(host, ['kubectl get deploy web -o name'], 't1')).out).toBe('deployment.apps/web\n');
    host.shellInterrupt('t2');
    await flushPromises();
    expect(reply).toEqual({ kind: 'done', code: 130 });
  });

  it('runs the small shell: files, echo, pipes, unknown commands, clear', async () => {
    const { host } = await booted();
    const written = await type(host, ['cat > a.yaml <<EOF', 'x: 1', 'EOF']);
    expect(written.reply).toEqual({ kind: 'done', code: 0 });
    expect(written.out).toBe('');
    expect(await host.readFile('a.yaml')).toBe('x: 1\n');
    await type(host, ['echo hello > b.txt']);
    expect((await type(host, ['ls'])).out).toBe('a.yaml\nb.txt\n');
    expect((await type(host, ['cat b.txt'])).out).toBe('hello\n');
    expect((await type(host, ['kubectl get nodes --no-headers | wc -l'])).out).toBe('4\n');
    expect((await type(host, ['kubectl get nodes | grep control-plane | wc -l'])).out).toBe('1\n');
    expect(await type(host, ['foo bar'])).toEqual({ reply: { kind: 'done', code: 127 }, out: 'sh: foo: command not found\n' });
    expect((await type(host, ['rm b.txt'])).reply).toEqual({ kind: 'done', code: 0 });
    expect(await host.listFiles()).toEqual(['a.yaml']);
    expect((await type(host, ['cat nope'])).out).toBe('cat: nope: No such file or directory\n');
    expect((await type(host, ['clear'])).reply).toEqual({ kind: 'clear' });
    expect((await type(host, ['kubectl get pods \\'])).reply).toEqual({ kind: 'more', prompt: '> ' });
    expect((await type(host, ['-n kube-system -o name | head -1'])).out).toMatch(/^pod\/\S+\n$/);
    expect((await type(host, ["echo 'open"])).reply).toEqual({ kind: 'more', prompt: '> ' });
    expect((await type(host, ["quote'"])).out).toBe('open\nquote\n');
    expect((await type(host, ['help'])).out).toMatch(/kubectl \.\.\./);
    expect((await type(host, ['history'])).out).toMatch(/^ {4}1 {2}cat > a\.yaml <<EOF\nx: 1\nEOF\n/);
  });

  it('sleep waits simulated time at the driven pace and Ctrl-C drops a half-typed heredoc', async () => {
    const { host, time } = await booted();
    await host.setSpeed(10);
    let reply: ShellReply | undefined;
    void host.shellInput('t1', 'sleep 30', () => {}).then((r) => (reply = r));
    await time.advance(2000);
    expect(reply).toBeUndefined();
    await time.advance(1100);
    expect(reply).toEqual({ kind: 'done', code: 0 });
    expect((await type(host, ['cat > x <<EOF', 'a'])).reply.kind).toBe('more');
    host.shellInterrupt('t1');
    expect((await type(host, ['ls'])).out).toBe('');
  });
});

describe('PlaygroundHost feed', () => {
  it('sends everything first, then deltas: a pod goes Pending -> ContainerCreating -> Running, and deletes', async () => {
    const { host, time, batches } = await booted();
    expect(batches[0].reset).toBe(true);
    expect(batches[0].upserts.filter((v) => v.kind === 'Node')).toHaveLength(4);
    expect(batches.slice(1).every((b) => !b.reset)).toBe(true);
    const statuses: string[] = [];
    const from = batches.length;
    // No node has disk=ssd: the pod stays Pending until one that has it is added.
    expect((await type(host, [`kubectl run solo --image=nginx --overrides='{"spec":{"nodeSelector":{"disk":"ssd"}}}'`])).out).toBe('pod/solo created\n');
    await time.advance(2000);
    expect(await type(host, ['node add ssd-node --label disk=ssd'])).toEqual({ reply: { kind: 'done', code: 0 }, out: '' });
    for (let i = 0; i < 200; i++) await time.advance(50);
    for (const b of batches.slice(from)) {
      for (const v of b.upserts) if (v.kind === 'Pod' && v.name === 'solo' && statuses.at(-1) !== (v as PodView).status) statuses.push((v as PodView).status);
    }
    expect(statuses[0]).toBe('Pending');
    expect(statuses).toContain('ContainerCreating');
    expect(statuses.at(-1)).toBe('Running');
    const uid = batches.flatMap((b) => b.upserts).find((v) => v.kind === 'Pod' && v.name === 'solo')!.uid;
    const at = batches.length;
    await type(host, ['kubectl delete pod solo --grace-period=0 --force']);
    await time.advance(100);
    expect(batches.slice(at).some((b) => b.deletes.includes(uid))).toBe(true);
  });

  it('batches at most once per 16 ms and sends clock-only batches about four times a second', async () => {
    const { time, batches } = await booted();
    const from = batches.length;
    await time.advance(1000);
    const clockOnly = batches.slice(from).filter((b) => b.upserts.length === 0 && b.deletes.length === 0);
    expect(clockOnly.length).toBeGreaterThanOrEqual(3);
    expect(clockOnly.length).toBeLessThanOrEqual(5);
  });
});

describe('kubectl edit in the browser', () => {
  it('opens the live object in the editor, or fails as kubectl does', async () => {
    const { host, time, batches } = await booted();
    await type(host, DEPLOY);
    const ok = await type(host, ['kubectl edit deployment/web']);
    expect(ok.reply).toEqual({ kind: 'done', code: 0 });
    expect(ok.out).toBe('Editing deployment "web" in the editor: save it (Ctrl-S) to apply.\n');
    await time.advance(50);
    expect(batches.map((b) => b.openEditor).filter(Boolean)).toEqual([{ kind: 'Deployment', namespace: 'default', name: 'web' }]);
    const missing = await type(host, ['kubectl edit deploy nope']);
    expect(missing.reply).toEqual({ kind: 'done', code: 1 });
    expect(missing.out).toBe('Error from server (NotFound): deployments.apps "nope" not found\n');
    const many = await type(host, ['kubectl edit nodes']);
    expect(many.out).toMatch(/^error: the editor opens one object at a time; 4 match/);
  });
});
