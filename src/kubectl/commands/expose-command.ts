// `kubectl expose`'s entry in the command table: help and flags; the implementation
// (./expose-run and the expose generator) is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { EXPOSE_COMMAND, EXPOSE_FLAGS } from '../generators/specs';
import { CREATE_COMMON_FLAGS } from './create-command';

export const exposeCommand: CommandDef = {
  name: 'expose',
  group: 'Basic Commands (Beginner)',
  use: EXPOSE_COMMAND.use,
  short: EXPOSE_COMMAND.short,
  long: EXPOSE_COMMAND.long,
  example: EXPOSE_COMMAND.example,
  flags: [...EXPOSE_FLAGS, ...CREATE_COMMON_FLAGS.filter((x) => !EXPOSE_FLAGS.some((y) => y.name === x.name))],
  run: lazyRun(() => import('./expose-run'), (m) => m.runExpose),
};
