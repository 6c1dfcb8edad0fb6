// `kubectl set resources`'s entry in the command table: help and flags; the implementation (./set-resources)
// is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { SET_RESOURCES_HELP } from './set-help';

const impl = () => import('./set-resources');

export const setResourcesCommand: CommandDef = { name: 'resources', ...SET_RESOURCES_HELP, run: lazyRun(impl, (m) => m.runSetResources) };
