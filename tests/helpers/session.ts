// Runs a session script through the headless runner and returns its transcript, for tests that
// check what a user sees.
import { runScript } from '../../src/headless/runner';
import type { ClusterOptions } from '../../src/engine/cluster';

export async function transcript(script: string, opts: ClusterOptions = {}): Promise<string> {
  let out = '';
  await runScript(script, (s) => (out += s), { seed: 1, ...opts });
  return out;
}

/** The output of each command, keyed by its echo line (`kubectl get pods`), in order. */
export async function outputs(script: string, opts: ClusterOptions = {}): Promise<string[]> {
  const text = await transcript(script, opts);
  return text.split(/^\$ .*\n/m).slice(1);
}
