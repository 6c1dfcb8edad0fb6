// `kubectl exec`'s entry in the command table: help and flags; the implementation (./exec) is
// imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { EXEC_HELP } from './logs-help';

const impl = () => import('./exec');

export const execCommand: CommandDef = { name: 'exec', group: 'Troubleshooting and Debugging Commands', ...EXEC_HELP, run: lazyRun(impl, (m) => m.runExec) };
