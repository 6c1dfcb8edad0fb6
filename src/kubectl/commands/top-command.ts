// `kubectl top pod|node`'s entries in the command table: help and flags; the implementation
// (./top) is imported when it runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { ALL_NAMESPACES_FLAG, FIELD_SELECTOR_FLAG, SELECTOR_FLAG } from './common-flags';

const impl = () => import('./top');

const podCommand: CommandDef = {
  name: 'pod',
  aliases: ['pods', 'po'],
  use: 'pod [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of pods',
  long: `Display resource (CPU/memory) usage of pods.

 The 'top pod' command allows you to see the resource consumption of pods.

 Due to the metrics pipeline delay, they may be unavailable for a few minutes since pod creation.`,
  example: `  # Show metrics for all pods in the default namespace
  kubectl top pod
  
  # Show metrics for all pods in the given namespace
  kubectl top pod --namespace=NAMESPACE
  
  # Show metrics for a given pod and its containers
  kubectl top pod POD_NAME --containers
  
  # Show metrics for the pods defined by label name=myLabel
  kubectl top pod -l name=myLabel`,
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'containers', type: 'bool', default: false, usage: 'If present, print usage of containers within a pod.' },
    FIELD_SELECTOR_FLAG,
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers.' },
    { ...SELECTOR_FLAG, usage: "Selector (label query) to filter on, supports '=', '==', and '!='.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints." },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort pods list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'sum', type: 'bool', default: false, usage: 'Print the sum of the resource usage' },
    { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' },
  ],
  run: lazyRun(impl, (m) => m.runTopPod),
};

const nodeCommand: CommandDef = {
  name: 'node',
  aliases: ['nodes', 'no'],
  use: 'node [NAME | -l label]',
  short: 'Display resource (CPU/memory) usage of nodes',
  long: `Display resource (CPU/memory) usage of nodes.

 The top-node command allows you to see the resource consumption of nodes.`,
  example: `  # Show metrics for all nodes
  kubectl top node
  
  # Show metrics for a given node
  kubectl top node NODE_NAME`,
  flags: [
    { name: 'no-headers', type: 'bool', default: false, usage: 'If present, print output without headers' },
    SELECTOR_FLAG,
    { name: 'show-capacity', type: 'bool', default: false, usage: 'Print node resources based on Capacity instead of Allocatable(default) of the nodes.' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort nodes list using specified field. The field can be either 'cpu' or 'memory'." },
    { name: 'use-protocol-buffers', type: 'bool', default: true, usage: 'Enables using protocol-buffers to access Metrics API.' },
  ],
  run: lazyRun(impl, (m) => m.runTopNode),
};

export const topCommand: CommandDef = {
  name: 'top',
  group: 'Cluster Management Commands',
  use: 'top',
  short: 'Display resource (CPU/memory) usage',
  long: `Display resource (CPU/memory) usage.

 The top command allows you to see the resource consumption for nodes or pods.

 This command requires Metrics Server to be correctly configured and working on the server.`,
  subcommands: [nodeCommand, podCommand],
};
