// `kubectl run`'s entry in the command table: the run generator's help and flags; the plain and
// attached paths (./run-attach, the generator's builder) are imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { RUN_SPEC } from '../generators/specs';
import { generatorCommand } from './create-command';

/** `kubectl run`: the plain generator path, plus attached one-shot pods (-i/-t/--attach/--rm). */
export const runCommand: CommandDef = {
  ...generatorCommand(RUN_SPEC),
  group: 'Basic Commands (Beginner)',
  run: lazyRun(() => import('./run-attach'), (m) => m.runRun),
};
