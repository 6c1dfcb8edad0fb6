// A lazily loaded kubectl command whose code cannot be fetched (offline before the cache had it,
// or a newer deployment replaced the chunk) says which command and what to do, as one error line.
import { describe, expect, it } from 'vitest';
import { lazyRun, type CommandDef, type Invocation } from '../../../src/kubectl/cli/command';
import { renderError } from '../../../src/kubectl/errors';

const path: CommandDef[] = [
  { name: 'kubectl', use: 'kubectl', short: '' },
  { name: 'describe', use: 'describe', short: '' },
];
const inv = { path, args: [], rest: [], dashDash: false } as unknown as Invocation;

describe('lazyRun', () => {
  it('runs the loaded implementation', async () => {
    const run = lazyRun(async () => ({ go: async (i: Invocation) => i.path.length }), (m) => m.go);
    expect(await run(inv)).toBe(2);
  });

  it('turns a failed load into a kubectl error naming the command', async () => {
    const run = lazyRun(async (): Promise<{ go: (i: Invocation) => Promise<number> }> => {
      throw new TypeError('Failed to fetch dynamically imported module: http://x/assets/describe-abc.js');
    }, (m) => m.go);
    const err = await run(inv).then(() => undefined, (e: unknown) => e);
    expect(renderError(err)).toEqual({
      text: 'error: could not load the code of "kubectl describe" (Failed to fetch dynamically imported module: http://x/assets/describe-abc.js): reload the page to get the current version',
      code: 1,
    });
  });
});
