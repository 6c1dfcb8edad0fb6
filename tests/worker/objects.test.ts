import { afterEach, describe, expect, it } from 'vitest';
import { PlaygroundHost } from '../../src/worker/host';
import type { FeedBatch, LessonStatus } from '../../src/worker/protocol';
import type { Lesson } from '../../src/lessons/types';
import { FakeTime } from './fake-env';

const START = Date.UTC(2026, 0, 1);
let hosts: PlaygroundHost[] = [];
afterEach(() => {
  for (const h of hosts) h.dispose();
  hosts = [];
});

const lesson: Lesson = {
  id: 'test-lesson',
  title: 'Test lesson',
  steps: [
    {
      title: 'Create web',
      text: 'make it',
      hints: [],
      solution: 'kubectl create deployment web --image=nginx',
      check: (o) => (o.get('Deployment', 'default', 'web') ? { ok: true } : { ok: false, reason: 'there is no Deployment web yet' }),
    },
    {
      title: 'Scale to 2',
      text: 'scale it',
      hints: [],
      solution: 'kubectl scale deploy web --replicas=2',
      check: (o) => {
        const d = o.get('Deployment', 'default', 'web') as { status?: { readyReplicas?: number } } | undefined;
        const ready = d?.status?.readyReplicas ?? 0;
        return ready >= 2 ? { ok: true } : { ok: false, reason: `the Deployment has ${ready} ready replicas of 2` };
      },
    },
  ],
};

async function booted() {
  const time = new FakeTime();
  const host = new PlaygroundHost({ wallNow: () => time.wallNow(), schedule: (fn, ms) => time.schedule(fn, ms), lessons: [lesson] });
  hosts.push(host);
  const batches: FeedBatch[] = [];
  await host.boot({ now: START, fresh: true }, (b) => batches.push(b));
  await time.advance(20);
  const run = async (line: string) => {
    let out = '';
    await host.shellInput('t', line, (s) => (out += s));
    return out;
  };
  const lessonNow = () => batches.filter((b) => b.lesson).at(-1)?.lesson as LessonStatus;
  return { host, time, batches, run, lessonNow };
}

describe('inspect, edit and node actions', () => {
  it('shows describe, yaml, events, logs and placement of a pod', async () => {
    const { host, time, run } = await booted();
    await run('kubectl run web --image=nginx');
    await time.advance(20_000);
    const ref = { kind: 'Pod', namespace: 'default', name: 'web' };
    expect(await host.inspect(ref, 'describe')).toMatch(/^Name:\s+web\nNamespace:\s+default\n/);
    expect(await host.inspect(ref, 'yaml')).toMatch(/^apiVersion: v1\nkind: Pod\n/);
    expect(await host.inspect(ref, 'events')).toMatch(/Scheduled\s+Pod\/web/);
    expect(await host.inspect(ref, 'logs')).toMatch(/^==> web <==\n/);
    const placement = await host.inspect(ref, 'placement');
    expect(placement).toMatch(/^Pod web was placed on kubeplay-worker\d*\.\n/);
    expect(placement).toMatch(/kubeplay-control-plane: TaintToleration: node\(s\) had untolerated taint/);
    expect(placement).toMatch(/Scores \(0-100 per plugin, times its weight\):/);
  });

  it('explains why a pod is pending', async () => {
    const { host, time, run } = await booted();
    await run('kubectl run big --image=nginx --overrides=\'{"spec":{"containers":[{"name":"big","image":"nginx","resources":{"requests":{"cpu":"64"}}}]}}\'');
    await time.advance(2000);
    const text = await host.inspect({ kind: 'Pod', namespace: 'default', name: 'big' }, 'placement');
    expect(text).toMatch(/^Pod big is Pending: no node can take it\.\n/);
    expect(text).toMatch(/Insufficient cpu/);
  });

  it('saves an edited object, and reports a conflict for a stale resourceVersion', async () => {
    const { host, run } = await booted();
    await run('kubectl create deployment web --image=nginx');
    const yaml = await host.inspect({ kind: 'Deployment', namespace: 'default', name: 'web' }, 'yaml');
    const edited = yaml.replace('replicas: 1', 'replicas: 3');
    expect(await host.saveEdited(edited)).toEqual({ ok: true, message: 'deployment.apps/web replaced' });
    const again = await host.saveEdited(edited);
    expect(again.ok).toBe(false);
    expect(again.message).toMatch(/Operation cannot be fulfilled on deployments.apps "web": the object has been modified/);
    expect(await run('kubectl get deploy web -o jsonpath={.spec.replicas}')).toBe('3');
  });

  it('adds the next kind-style worker, fails, recovers and cordons nodes', async () => {
    const { host, time, run } = await booted();
    expect(await host.nodeAction('add')).toBe('node/kubeplay-worker4 added\n');
    expect(await host.nodeAction('add')).toBe('node/kubeplay-worker5 added\n');
    expect(await host.nodeAction('cordon', 'kubeplay-worker4')).toBe('node/kubeplay-worker4 cordoned\n');
    expect(await host.nodeAction('fail', 'kubeplay-worker5')).toBe('node/kubeplay-worker5 failed\n');
    await time.advance(60_000);
    expect(await run('kubectl get node kubeplay-worker5 --no-headers')).toMatch(/^kubeplay-worker5\s+NotReady\s/);
    expect(await host.nodeAction('recover', 'nope')).toBe('Error from server (NotFound): nodes "nope" not found\n');
    expect(await run('kubectl get node kubeplay-worker4 --no-headers')).toMatch(/^kubeplay-worker4\s+Ready,SchedulingDisabled\s/);
  });

  it('answers an in-app browser request to a NodePort', async () => {
    const { host, time, run } = await booted();
    await run('kubectl create deployment web --image=nginx');
    await run('kubectl expose deployment web --port=80 --type=NodePort');
    await time.advance(30_000);
    const svc = await run('kubectl get svc web -o jsonpath={.spec.ports[0].nodePort}');
    const ip = await run('kubectl get node kubeplay-worker -o jsonpath={.status.addresses[0].address}');
    const r = await host.http(`http://${ip}:${svc}/`);
    expect(r.status).toBe(200);
    expect(r.body).toMatch(/Welcome to nginx!/);
    const refused = await host.http(`http://${ip}:1/`);
    expect(refused.error).toMatch(/Connection refused|No route|timed out/);
  });
});

describe('lesson progress', () => {
  it('selects the first lesson, ticks steps off as the cluster changes and keeps them done', async () => {
    const { time, run, lessonNow } = await booted();
    expect(lessonNow()).toMatchObject({ lessonId: 'test-lesson', current: 0 });
    expect(lessonNow().steps[0]).toMatchObject({ done: false, reason: 'there is no Deployment web yet' });
    await run('kubectl create deployment web --image=nginx');
    await time.advance(1000);
    expect(lessonNow().current).toBe(1);
    expect(lessonNow().steps[1].reason).toMatch(/^the Deployment has [01] ready replicas of 2$/);
    await run('kubectl scale deploy web --replicas=2');
    await time.advance(30_000);
    expect(lessonNow().current).toBe(2);
    // Done stays done even when the cluster no longer satisfies the check.
    await run('kubectl delete deploy web');
    await time.advance(1000);
    expect(lessonNow().steps.map((s) => s.done)).toEqual([true, true]);
  });
});
