// `kubectl cordon`, `uncordon` and `taint` in the command table: help and flags; the
// implementation (./node-commands) is imported when they run.
import { lazyRun, type CommandDef } from '../cli/command';
import { CORDON_HELP, TAINT_HELP, UNCORDON_HELP } from './node-commands-help';

const impl = () => import('./node-commands');

export const cordonCommand: CommandDef = { name: 'cordon', group: 'Cluster Management Commands', ...CORDON_HELP, run: lazyRun(impl, (m) => m.runCordonOn) };
export const uncordonCommand: CommandDef = { name: 'uncordon', group: 'Cluster Management Commands', ...UNCORDON_HELP, run: lazyRun(impl, (m) => m.runCordonOff) };
export const taintCommand: CommandDef = { name: 'taint', group: 'Cluster Management Commands', ...TAINT_HELP, run: lazyRun(impl, (m) => m.runTaint) };
