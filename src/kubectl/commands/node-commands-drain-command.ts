// `kubectl drain`'s entry in the command table: help and flags; the implementation
// (./node-commands-drain) is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { DRAIN_HELP } from './node-commands-help';

const impl = () => import('./node-commands-drain');

export const drainCommand: CommandDef = { name: 'drain', group: 'Cluster Management Commands', ...DRAIN_HELP, run: lazyRun(impl, (m) => m.runDrain) };
