// `kubectl apply` and its last-applied subcommands in the command table: help and flags; the
// implementations (./apply, ./apply-last-applied) are imported when a command first runs.
import { lazyRun, type CommandDef } from '../cli/command';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG } from './common-flags';

const impl = () => import('./apply');
const lastApplied = () => import('./apply-last-applied');

const applySubcommands: CommandDef[] = [
  {
    name: 'view-last-applied',
    use: 'view-last-applied (TYPE [NAME | -l label] | TYPE/NAME | -f FILENAME)',
    short: 'View the latest last-applied-configuration annotations of a resource/object',
    flags: [
      { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types' },
      ...FILENAME_FLAGS,
      { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format. Must be one of (yaml, json)' },
      SELECTOR_FLAG,
    ],
    run: lazyRun(lastApplied, (m) => m.runView),
  },
  {
    name: 'set-last-applied',
    use: 'set-last-applied -f FILENAME',
    short: 'Set the last-applied-configuration annotation on a live object to match the contents of a file',
    flags: [
      { name: 'create-annotation', type: 'bool', default: false, usage: "Will create 'last-applied-configuration' annotations if current objects doesn't have one" },
      DRY_RUN_FLAG,
      ...FILENAME_FLAGS,
      { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format.' },
    ],
    run: lazyRun(lastApplied, (m) => m.runSet),
  },
];

export const applyCommand: CommandDef = {
  name: 'apply',
  group: 'Advanced Commands',
  use: 'apply (-f FILENAME | -k DIRECTORY)',
  short: 'Apply a configuration to a resource by file name or stdin',
  long: `Apply a configuration to a resource by file name or stdin. The resource name must be specified. This resource will be created if it doesn't exist yet. To use 'apply', always create the resource initially with either 'apply' or 'create --save-config'.

 JSON and YAML formats are accepted.

 Alpha Disclaimer: the --prune functionality is not yet complete. Do not use unless you are aware of what the current state is. See https://issues.k8s.io/34274.`,
  example: `  # Apply the configuration in pod.json to a pod
  kubectl apply -f ./pod.json

  # Apply resources from a directory containing kustomization.yaml - e.g. dir/kustomization.yaml
  kubectl apply -k dir/

  # Apply the JSON passed into stdin to a pod
  cat pod.json | kubectl apply -f -`,
  flags: [
    { name: 'all', type: 'bool', default: false, usage: 'Select all resources in the namespace of the specified resource types.' },
    { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
    { name: 'cascade', type: 'string', default: 'background', noOptDefault: 'background', usage: 'Must be "background", "orphan", or "foreground". Selects the deletion cascading strategy for the dependents (e.g. Pods created by a ReplicationController). Defaults to background.' },
    DRY_RUN_FLAG,
    { name: 'field-manager', type: 'string', default: 'kubectl-client-side-apply', usage: 'Name of the manager used to track field ownership.' },
    ...FILENAME_FLAGS,
    { name: 'force', type: 'bool', default: false, usage: 'If true, immediately remove resources from API and bypass graceful deletion. Note that immediate deletion of some resources may result in inconsistency or data loss and requires confirmation.' },
    { name: 'force-conflicts', type: 'bool', default: false, usage: 'If true, server-side apply will force the changes against conflicts.' },
    { name: 'grace-period', type: 'int', default: -1, usage: 'Period of time in seconds given to the resource to terminate gracefully. Ignored if negative. Set to 1 for immediate shutdown. Can only be set to 0 when --force is true (force deletion).' },
    OUTPUT_FLAG,
    { name: 'overwrite', type: 'bool', default: true, usage: 'Automatically resolve conflicts between the modified and live configuration by using values from the modified configuration' },
    { name: 'prune', type: 'bool', default: false, usage: 'Automatically delete resource objects, that do not appear in the configs and are created by either apply or create --save-config. Should be used with either -l or --all.' },
    SELECTOR_FLAG,
    { name: 'server-side', type: 'bool', default: false, usage: 'If true, apply runs in the server instead of the client.' },
    SHOW_MANAGED_FIELDS_FLAG,
    TEMPLATE_FLAG,
    { name: 'timeout', type: 'duration', default: '0s', usage: 'The length of time to wait before giving up on a delete, zero means determine a timeout from the size of the object' },
    VALIDATE_FLAG,
    { name: 'wait', type: 'bool', default: false, usage: 'If true, wait for resources to be gone before returning. This waits for finalizers.' },
  ],
  subcommands: applySubcommands,
  run: lazyRun(impl, (m) => m.runApply),
};
