// `kubectl logs`' entry in the command table: help and flags; the implementation (./logs) is
// imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { LOGS_HELP } from './logs-help';

const impl = () => import('./logs');

export const logsCommand: CommandDef = { name: 'logs', group: 'Troubleshooting and Debugging Commands', ...LOGS_HELP, run: lazyRun(impl, (m) => m.runLogs) };
