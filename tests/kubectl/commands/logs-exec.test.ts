// Sessions for `kubectl logs` and `kubectl exec`, with the pods/log and pods/exec routes stood in
// by a transport hook (another helper serves them in the apiserver).
import { describe, expect, it } from 'vitest';
import type { ApiRequest } from '../../../src/engine/apiserver/request';
import { fakeDeploymentController, fakeKubelet } from './fake-workloads';
import { harness } from './harness';

const requests: ApiRequest[] = [];
function hook(req: ApiRequest) {
  const m = /\/pods\/([^/]+)\/(log|exec)$/.exec(req.path);
  if (!m) return undefined;
  requests.push(req);
  if (m[2] === 'log') {
    const lines = [`${m[1]} ${req.query?.container} line 1`, `${m[1]} line 2`, `${m[1]} line 3`];
    const n = req.query?.tailLines !== undefined ? Number(req.query.tailLines) : lines.length;
    return { status: 200, body: lines.slice(lines.length - Math.min(n, lines.length)).map((l) => l + '\n').join('') };
  }
  const cmd = (req.body as { command: string[] }).command;
  if (cmd[0] === 'false') return { status: 200, body: { stdout: '', stderr: 'oops\n', exitCode: 3 } };
  return { status: 200, body: { stdout: cmd.slice(1).join(' ') + '\n', stderr: '', exitCode: 0 } };
}

describe('logs and exec', () => {
  it('runs each case in order', async () => {
    const h = harness([fakeDeploymentController, fakeKubelet], hook);
    await h.run('run solo --image=busybox');
    h.cluster.advance(2000);
    const rows: Array<{ input: string; want: string; code?: number }> = [
      { input: 'logs solo', want: 'solo solo line 1\nsolo line 2\nsolo line 3\n' },
      { input: 'logs solo --tail=1', want: 'solo line 3\n' },
      { input: 'logs solo --prefix --tail=2', want: '[pod/solo/solo] solo line 2\n[pod/solo/solo] solo line 3\n' },
      { input: 'logs nope', want: 'error: error from server (NotFound): pods "nope" not found in namespace "default"\n', code: 1 },
      { input: 'logs', want: 'error: expected POD or TYPE/NAME is a required argument for the logs command\n', code: 1 },
      { input: 'logs solo -l run=solo', want: 'error: only a selector (-l) or a POD name is allowed\n', code: 1 },
      { input: 'logs -l run=solo', want: 'solo solo line 1\nsolo line 2\nsolo line 3\n' },
      { input: 'logs -l run=solo -f --max-log-requests=0', want: 'error: you are attempting to follow 1 log streams, but maximum allowed concurrency is 0, use --max-log-requests to increase the limit\n', code: 1 },
      { input: 'exec solo -- echo hi there', want: 'hi there\n' },
      { input: 'exec solo -- false', want: 'oops\ncommand terminated with exit code 3\n', code: 3 },
      { input: 'exec solo', want: 'error: you must specify at least one command for the container\n', code: 1 },
      { input: 'exec solo ls', want: 'error: exec [POD] [COMMAND] is not supported anymore. Use exec [POD] -- [COMMAND] instead\n', code: 1 },
      { input: 'exec -it solo -c other -- echo x', want: 'x\n' },
    ];
    for (const r of rows) {
      const got = await h.run(r.input);
      expect({ input: r.input, ...got }).toEqual({ input: r.input, out: r.want, code: r.code ?? 0 });
    }
    const q = requests.find((r) => r.path.endsWith('/exec') && (r.body as { container: string }).container === 'other');
    expect(q?.query).toMatchObject({ container: 'other', command: '["echo","x"]', tty: 'true', stdin: 'true' });
  });

  it('picks one pod of a deployment', async () => {
    const h = harness([fakeDeploymentController, fakeKubelet], hook);
    await h.run('create deployment web --image=nginx --replicas=2');
    for (const n of ['a', 'b']) {
      h.cluster.client.create(h.cluster.type('', 'Pod'), { apiVersion: 'v1', kind: 'Pod', metadata: { name: `web-${n}`, namespace: 'default', labels: { app: 'web' } }, spec: { containers: [{ name: 'nginx', image: 'nginx' }, { name: 'side', image: 'busybox' }] } } as never);
    }
    h.cluster.advance(2000);
    const got = await h.run('logs deploy/web --tail=1');
    expect(got.out).toMatch(/^Found 2 pods, using pod\/web-[ab]\nDefaulted container "nginx" out of: nginx, side\nweb-[ab] line 3\n$/);
  });
});
