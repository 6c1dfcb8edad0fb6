// Sessions for `kubectl rollout` against a cluster with a fake deployment controller.
import { describe, expect, it } from 'vitest';
import { fakeDeploymentController } from './fake-workloads';
import { harness } from './harness';

describe('rollout session', () => {
  it('status, history, undo, pause, resume, restart', async () => {
    const h = harness([fakeDeploymentController]);
    expect((await h.run('create deployment web --image=nginx:1.14.2 --replicas=2')).out).toBe('deployment.apps/web created\n');
    const st = await h.run('rollout status deployment/web');
    expect(st.out).toBe(
      [
        'Waiting for deployment "web" rollout to finish: 0 out of 2 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 1 out of 2 new replicas have been updated...',
        'Waiting for deployment "web" rollout to finish: 0 of 2 updated replicas are available...',
        'Waiting for deployment "web" rollout to finish: 1 of 2 updated replicas are available...',
        'deployment "web" successfully rolled out',
        '',
      ].join('\n'),
    );
    expect(await h.run('rollout history deploy/web')).toEqual({ out: 'deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n\n', code: 0 });
    expect(await h.run('rollout undo deployment/web')).toEqual({ out: 'error: no rollout history found for deployment "web"\n', code: 1 });
    await h.run(`patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.16"}]}}}}'`);
    await h.run('annotate deployment web kubernetes.io/change-cause=upgrade');
    await h.run(`patch deployment web -p '{"spec":{"template":{"spec":{"containers":[{"name":"nginx","image":"nginx:1.17"}]}}}}'`);
    expect((await h.run('rollout history deployment web')).out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n1         <none>\n2         <none>\n3         upgrade\n\n');
    expect(await h.run('rollout history deployment web --revision=7')).toEqual({ out: 'error: unable to find the specified revision\n', code: 1 });
    expect((await h.run('rollout history deployment web --revision=1')).out).toBe(
      'deployment.apps/web with revision #1\nPod Template:\n  Labels:\tapp=web\n\tpod-template-hash=xfnsd5r2l7' +
        '\n  Containers:\n   nginx:\n    Image:\tnginx:1.14.2\n    Port:\t<none>\n    Host Port:\t<none>\n    Environment:\t<none>\n    Mounts:\t<none>\n  Volumes:\t<none>\n  Node-Selectors:\t<none>\n  Tolerations:\t<none>\n\n',
    );
    expect(await h.run('rollout undo deployment/web --to-revision=9')).toEqual({ out: 'error: unable to find specified revision 9 in history\n', code: 1 });
    expect(await h.run('rollout undo deployment/web --to-revision=3')).toEqual({ out: 'deployment.apps/web skipped rollback (current template already matches revision 3)\n', code: 0 });
    expect(await h.run('rollout undo deployment/web --to-revision=1')).toEqual({ out: 'deployment.apps/web rolled back\n', code: 0 });
    expect((await h.run('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.14.2');
    expect((await h.run('rollout history deployment web')).out).toBe('deployment.apps/web \nREVISION  CHANGE-CAUSE\n2         <none>\n3         upgrade\n4         <none>\n\n');
    expect((await h.run('rollout undo deployment/web')).out).toBe('deployment.apps/web rolled back\n');
    expect((await h.run('get deploy web -o jsonpath={.spec.template.spec.containers[0].image}')).out).toBe('nginx:1.17');
    expect((await h.run('get deploy web -o jsonpath={.metadata.annotations.kubernetes\\.io/change-cause}')).out).toBe('upgrade');

    expect(await h.run('rollout resume deployment/web')).toEqual({ out: 'error: deployments.apps "web" is not paused\n', code: 1 });
    expect(await h.run('rollout pause deployment/web')).toEqual({ out: 'deployment.apps/web paused\n', code: 0 });
    expect(await h.run('rollout pause deployment/web')).toEqual({ out: 'error: deployments.apps "web" is already paused\n', code: 1 });
    expect(await h.run('rollout undo deployment/web')).toEqual({
      out: "error: you cannot rollback a paused deployment; resume it first with 'kubectl rollout resume deployment/web' and try again\n",
      code: 1,
    });
    expect(await h.run('rollout restart deployment/web')).toEqual({ out: "error: deployments.apps \"web\" can't restart paused deployment (run rollout resume first)\n", code: 1 });
    expect(await h.run('rollout resume deploy/web -o name')).toEqual({ out: 'deployment.apps/web\n', code: 0 });
    expect(await h.run('rollout restart deployment/web')).toEqual({ out: 'deployment.apps/web restarted\n', code: 0 });
    expect((await h.run('get deploy web -o jsonpath={.spec.template.metadata.annotations}')).out).toBe('{"kubectl.kubernetes.io/restartedAt":"2025-01-01T00:00:' + '' + (await h.run('get deploy web -o jsonpath={.spec.template.metadata.annotations.kubectl\\.kubernetes\\.io/restartedAt}')).out.slice(17) + '"}');
    expect(await h.run('rollout restart deployment/web')).toEqual({
      out: 'error: failed to create patch for web: if restart has already been triggered within the past second, please wait before attempting to trigger another\n',
      code: 1,
    });
  });

  it('status flags and errors', async () => {
    const h = harness([fakeDeploymentController]);
    await h.run('create deployment web --image=nginx --replicas=3');
    const cases: Array<{ input: string; want: string; code: number }> = [
      { input: 'rollout status deployment/web --watch=false', want: 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\n', code: 0 },
      { input: 'rollout status deployment/web --timeout=1500ms', want: 'Waiting for deployment "web" rollout to finish: 0 out of 3 new replicas have been updated...\nWaiting for deployment "web" rollout to finish: 1 out of 3 new replicas have been updated...\nerror: timed out waiting for the condition\n', code: 1 },
      { input: 'rollout status deployment/web --revision=2', want: 'error: desired revision (2) is different from the running revision (1)\n', code: 1 },
      { input: 'rollout status deployment/nope', want: 'Error from server (NotFound): deployments.apps "nope" not found\n', code: 1 },
      { input: 'rollout status', want: 'error: required resource not specified\n', code: 1 },
      { input: 'rollout status deployment/web --revision=-1', want: 'error: revision must be a positive integer: -1\n', code: 1 },
      { input: 'rollout status service/kubernetes', want: 'error: no status viewer has been implemented for Service\n', code: 1 },
      { input: 'rollout history service/kubernetes', want: 'error: no history viewer has been implemented for "Service"\n', code: 1 },
      { input: 'rollout pause service/kubernetes', want: 'error: services "kubernetes" pausing is not supported\n', code: 1 },
      { input: 'rollout history deployment/web --revision=-3', want: 'error: revision must be a positive integer: -3\n', code: 1 },
    ];
    for (const c of cases) {
      const got = await h.run(c.input);
      expect({ input: c.input, ...got }).toEqual({ input: c.input, out: c.want, code: c.code });
    }
  });
});
