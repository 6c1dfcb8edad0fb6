// `kubectl rollout` and its subcommands in the command table: help and flags; the implementations
// (./rollout, ./rollout-pause and kubectl/rollout) are imported when a subcommand runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { HISTORY_HELP, PAUSE_HELP, RESTART_HELP, RESUME_HELP, ROLLOUT_HELP, STATUS_HELP, UNDO_HELP } from './rollout-help';

const rollout = () => import('./rollout');
const verbs = () => import('./rollout-pause');

export const statusCommand: CommandDef = { name: 'status', ...STATUS_HELP, run: lazyRun(rollout, (m) => m.runStatus) };
export const historyCommand: CommandDef = { name: 'history', ...HISTORY_HELP, run: lazyRun(rollout, (m) => m.runHistory) };
export const undoCommand: CommandDef = { name: 'undo', ...UNDO_HELP, run: lazyRun(rollout, (m) => m.runUndo) };
export const pauseCommand: CommandDef = { name: 'pause', ...PAUSE_HELP, run: lazyRun(verbs, (m) => (inv) => m.runVerb(inv, 'pause')) };
export const resumeCommand: CommandDef = { name: 'resume', ...RESUME_HELP, run: lazyRun(verbs, (m) => (inv) => m.runVerb(inv, 'resume')) };
export const restartCommand: CommandDef = { name: 'restart', ...RESTART_HELP, run: lazyRun(verbs, (m) => (inv) => m.runVerb(inv, 'restart')) };

/** `kubectl rollout`. */
export const rolloutCommand: CommandDef = {
  name: 'rollout',
  group: 'Deploy Commands',
  ...ROLLOUT_HELP,
  flags: [],
  subcommands: [historyCommand, pauseCommand, restartCommand, resumeCommand, statusCommand, undoCommand],
};
