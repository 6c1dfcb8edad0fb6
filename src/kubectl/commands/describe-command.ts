// `kubectl describe`'s entry in the command table: help and flags; the implementation
// (./describe and the describers) is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { ALL_NAMESPACES_FLAG, FILENAME_FLAGS, SELECTOR_FLAG } from './common-flags';

export const describeCommand: CommandDef = {
  name: 'describe',
  group: 'Troubleshooting and Debugging Commands',
  use: 'describe (-f FILENAME | TYPE [NAME_PREFIX | -l label] | TYPE/NAME)',
  short: 'Show details of a specific resource or group of resources',
  long: `Show details of a specific resource or group of resources.

 Print a detailed description of the selected resources, including related resources such as events or controllers. You may select a single object by name, all objects of that type, provide a name prefix, or label selector. For example:

        $ kubectl describe TYPE NAME_PREFIX

 will first check for an exact match on TYPE and NAME_PREFIX. If no such resource exists, it will output details for every resource that has a name prefixed with NAME_PREFIX.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Describe a node
  kubectl describe nodes kubernetes-node-emt8.c.myproject.internal

  # Describe a pod
  kubectl describe pods/nginx

  # Describe a pod identified by type and name in "pod.json"
  kubectl describe -f pod.json

  # Describe all pods
  kubectl describe pods

  # Describe pods by label name=myLabel
  kubectl describe pods -l name=myLabel

  # Describe all pods managed by the 'frontend' replication controller
  # (rc-created pods get the name of the rc as a prefix in the pod name)
  kubectl describe pods frontend`,
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    ...FILENAME_FLAGS,
    SELECTOR_FLAG,
    { name: 'show-events', type: 'bool', default: true, usage: 'If true, display events related to the described object.' },
  ],
  run: lazyRun(() => import('./describe'), (m) => m.runDescribe),
};
