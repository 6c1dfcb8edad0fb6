// `kubectl set`: the parent of set image, set env and set resources (kubectl pkg/cmd/set).

import type { CommandDef } from '../cli/command';
import { setEnvCommand } from './set-env-command';
import { SET_HELP } from './set-help';
import { setImageCommand } from './set-image-command';
import { setResourcesCommand } from './set-resources-command';

/** `kubectl set`: replaces the notYet('set', ...) entry in root.ts. */
export const setCommand: CommandDef = {
  name: 'set',
  group: 'Basic Commands (Beginner)',
  ...SET_HELP,
  flags: [],
  subcommands: [setEnvCommand, setImageCommand, setResourcesCommand],
};
