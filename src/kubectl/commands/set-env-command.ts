// `kubectl set env`'s entry in the command table: help and flags; the implementation (./set-env)
// is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { SET_ENV_HELP } from './set-help';

const impl = () => import('./set-env');

export const setEnvCommand: CommandDef = { name: 'env', ...SET_ENV_HELP, run: lazyRun(impl, (m) => m.runSetEnv) };
