// The differential test (issue 7, item 3): every command of every session in sessions.ts runs
// through the real kubectl (v1.32 on PATH, over HTTP) and through ours (in-process) on twin
// clusters at the same simulated instant; stdout, stderr and exit codes must be equal.
import { appendFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseScript } from '../../src/headless/script';
import { sleepMs } from '../../src/headless/runner';
import { normalise } from './normalise';
import { SESSIONS, type DiffSession } from './sessions';
import { hasKubectl, hasOpenssl, Twins, type Outcome } from './twins';

if (!hasKubectl) console.warn('tests/differential: skipped, the real `kubectl` is not on PATH');
else if (!hasOpenssl) console.warn('tests/differential: skipped, `openssl` (for the kubeconfig certificate) is not on PATH');

/** One command's result as compared: what was typed, then both streams and the exit code. */
interface Row extends Outcome {
  cmd: string;
}

/** Runs a session on fresh twins; returns the real and our transcripts. */
async function play(s: DiffSession): Promise<{ real: Row[]; ours: Row[] }> {
  const twins = await Twins.start({ seed: s.seed ?? 1, nodes: s.nodes });
  const real: Row[] = [];
  const ours: Row[] = [];
  try {
    for (const step of parseScript(s.script)) {
      const [cmd, ...args] = step.argv;
      if (cmd === 'sleep') await twins.advance(sleepMs(args[0] ?? ''));
      else if (cmd === 'cat' && step.redirect) twins.writeFile(step.redirect.path, step.stdin ?? '');
      else if (cmd === 'kubectl') {
        // DIFF_TRACE=FILE logs each command before it runs (to find one that hangs).
        if (process.env.DIFF_TRACE) appendFileSync(process.env.DIFF_TRACE, `${s.name}: ${step.echo}\n`);
        const [r, o] = [await twins.real(args, step.stdin), await twins.ours(args, step.stdin)];
        real.push({ cmd: step.echo, ...normalise(r, 'real', args) });
        ours.push({ cmd: step.echo, ...normalise(o, 'ours', args) });
      } else throw new Error(`line ${step.line}: the differential test runs kubectl, sleep and cat > FILE only`);
    }
  } finally {
    await twins.close();
  }
  return { real, ours };
}

describe.skipIf(!hasKubectl || !hasOpenssl).concurrent('differential: real kubectl vs ours', () => {
  for (const s of SESSIONS) {
    // Pending rows name the piece they wait for (see sessions.ts); DIFF_PENDING=1 runs them anyway.
    const test = s.pending && !process.env.DIFF_PENDING ? it.skip : it;
    test(s.name, async () => {
      const { real, ours } = await play(s);
      // DIFF_DUMP=FILE appends the differing commands (all of them with DIFF_DUMP_ALL=1), both
      // sides, for working through them.
      if (process.env.DIFF_DUMP) {
        for (let i = 0; i < real.length; i++) {
          if (process.env.DIFF_DUMP_ALL || JSON.stringify(real[i]) !== JSON.stringify(ours[i])) appendFileSync(process.env.DIFF_DUMP, `### ${s.name}\n${JSON.stringify({ real: real[i], ours: ours[i] }, null, 1)}\n`);
        }
      }
      expect(ours).toEqual(real);
    }, 60_000);
  }

  // The harness itself: it reaches the served cluster, and it notices when the twins part ways.
  it('sees the served cluster through the real kubectl', async () => {
    const twins = await Twins.start({ seed: 1 });
    try {
      const real = await twins.real(['get', 'nodes', '-o', 'name']);
      expect(real).toEqual({ stdout: 'node/kubeplay-control-plane\nnode/kubeplay-worker\nnode/kubeplay-worker2\nnode/kubeplay-worker3\n', stderr: '', code: 0 });
      expect(await twins.ours(['get', 'nodes', '-o', 'name'])).toEqual(real);
    } finally {
      await twins.close();
    }
  });

  it('notices a twin that was changed on one side only', async () => {
    const twins = await Twins.start({ seed: 1 });
    try {
      twins.writeFile('cm.yaml', 'apiVersion: v1\nkind: ConfigMap\nmetadata:\n  name: only-real\n');
      expect((await twins.real(['apply', '-f', 'cm.yaml'])).stdout).toBe('configmap/only-real created\n');
      const real = await twins.real(['get', 'cm', 'only-real', '-o', 'name']);
      const ours = await twins.ours(['get', 'cm', 'only-real', '-o', 'name']);
      expect(real.stdout).toBe('configmap/only-real\n');
      expect(ours).toEqual({ stdout: '', stderr: 'Error from server (NotFound): configmaps "only-real" not found\n', code: 1 });
    } finally {
      await twins.close();
    }
  });
});
