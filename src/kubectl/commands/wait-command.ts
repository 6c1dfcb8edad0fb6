// `kubectl wait`'s entry in the command table: help and flags; the implementation (./wait) is
// imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from './common-flags';

const impl = () => import('./wait');

export const waitCommand: CommandDef = {
  name: 'wait',
  group: 'Advanced Commands',
  use: 'wait ([-f FILENAME] | resource.group/resource.name | resource.group [(-l label | --all)]) [--for=create|--for=delete|--for condition=available|--for=jsonpath=\'{}\'[=value]]',
  short: 'Experimental: Wait for a specific condition on one or many resources',
  long: `Experimental: Wait for a specific condition on one or many resources.

 The command takes multiple resources and waits until the specified condition is seen in the Status field of every given resource.`,
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
    ALL_NAMESPACES_FLAG,
    FIELD_SELECTOR_FLAG,
    ...FILENAME_FLAGS,
    { name: 'for', type: 'string', default: '', usage: "The condition to wait on: [create|delete|condition=condition-name[=condition-value]|jsonpath='{JSONPath expression}'=[JSONPath value]]. The default condition-value is true.  Condition values are compared after Unicode simple case folding, which is a more general form of case-insensitivity." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format.' },
    SELECTOR_FLAG,
    { name: 'timeout', type: 'duration', default: '30s', usage: 'The length of time to wait before giving up.  Zero means check once and don\'t wait, negative means wait for a week.' },
  ],
  run: lazyRun(impl, (m) => m.runWait),
};
