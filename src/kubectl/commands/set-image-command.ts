// `kubectl set image`'s entry in the command table: help and flags; the implementation (./set-image)
// is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { SET_IMAGE_HELP } from './set-help';

const impl = () => import('./set-image');

export const setImageCommand: CommandDef = { name: 'image', ...SET_IMAGE_HELP, run: lazyRun(impl, (m) => m.runSetImage) };
