// `kubectl run -i/-t/--rm/--attach` on a full simulated cluster (kubelets run the busybox shell):
// output, the prompt hint, `pod "NAME" deleted`, and the container's exit code.
import { describe, expect, it } from 'vitest';
import type { ComponentFactory } from '../../../src/engine/controllers/deps';
import { exitOf, runningOrDone } from '../../../src/kubectl/commands/run-attach';
import { runCommand } from '../../../src/kubectl/commands/run-command';
import { ROOT } from '../../../src/kubectl/root';
import { harness } from './harness';

function install(): void {
  const subs = ROOT.subcommands!;
  const i = subs.findIndex((x) => x.name === 'run');
  subs[i] = { ...runCommand, group: subs[i].group };
}

describe('runningOrDone and exitOf', () => {
  const ready = [{ type: 'Ready', status: 'True' }];
  const rows: Array<{ input: Record<string, unknown>; want: string | undefined }> = [
    { input: { status: { phase: 'Pending' } }, want: undefined },
    { input: { status: { phase: 'Running' } }, want: undefined },
    { input: { status: { phase: 'Running', conditions: ready } }, want: 'running' },
    { input: { status: { phase: 'Succeeded' } }, want: 'done' },
    { input: { status: { phase: 'Failed' } }, want: 'done' },
  ];
  for (const r of rows) it(JSON.stringify(r.input), () => expect(runningOrDone(r.input)).toBe(r.want));
  const meta = { namespace: 'default', name: 'p' };
  const exits = [
    { input: { metadata: meta, status: { phase: 'Succeeded' } }, want: { code: 0 } },
    { input: { metadata: meta, status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 3, reason: 'Error' } } }] } }, want: { code: 3, message: 'pod default/p terminated (Error)\n' } },
    { input: { metadata: meta, status: { phase: 'Failed', containerStatuses: [{ state: { terminated: { exitCode: 0, reason: 'Completed' } } }] } }, want: { code: 1, message: 'error: pod default/p failed with unknown exit code\n' } },
    { input: { metadata: meta, status: { phase: 'Failed' } }, want: { code: 1, message: 'error: pod default/p failed with unknown exit code\n' } },
    { input: { metadata: meta, status: { phase: 'Running' } }, want: { code: 1, message: 'error: pod default/p left in phase Running\n' } },
  ];
  for (const r of exits) it(JSON.stringify(r.want), () => expect(exitOf(r.input)).toEqual(r.want));
});

describe('kubectl run attached', () => {
  it('runs one-shot pods on a full cluster', async () => {
    install();
    const h = harness(undefined as unknown as ComponentFactory[]);
    h.cluster.advance(30_000);
    const rows: Array<{ input: string; want: string | RegExp; code?: number }> = [
      { input: 'run once --image=busybox --rm -it --restart=Never -- sh -c "echo hi; echo there"', want: /^(If you don't see a command prompt, try pressing enter.\n)?hi\nthere\npod "once" deleted\n$/ },
      { input: 'run fail --image=busybox --rm -i --restart=Never -- sh -c "echo bye; exit 3"', want: 'bye\npod "fail" deleted\npod default/fail terminated (Error)\n', code: 3 },
      { input: 'run keep --image=busybox --attach --restart=Never -- echo kept', want: 'kept\n' },
      { input: 'get pod keep -o jsonpath={.status.phase}', want: 'Succeeded' },
      { input: 'get pods once fail', want: 'Error from server (NotFound): pods "once" not found\nError from server (NotFound): pods "fail" not found\n', code: 1 },
      { input: 'run plain --image=busybox -- sleep 5', want: 'pod/plain created\n' },
      { input: 'run bad --image=busybox --rm -- true', want: /--rm should only be used for attached containers/, code: 1 },
      { input: 'run tty --image=busybox -t -- true', want: /-i\/--stdin is required for containers with -t\/--tty=true/, code: 1 },
      { input: 'run dry --image=busybox -i --dry-run=client -- true', want: /--dry-run=\[server\|client\] can't be used with attached containers options/, code: 1 },
    ];
    for (const r of rows) {
      const got = await h.run(r.input);
      if (typeof r.want === 'string') expect(got.out, r.input).toBe(r.want);
      else expect(got.out, r.input).toMatch(r.want);
      expect(got.code, r.input).toBe(r.code ?? 0);
    }
  });
});
