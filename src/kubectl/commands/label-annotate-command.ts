// `kubectl label` and `kubectl annotate` in the command table: help and flags; the
// implementation (./label-annotate) is imported when they run.
import { lazyRun, type CommandDef } from '../cli/command';
import { ALL_NAMESPACES_FLAG, DRY_RUN_FLAG, FIELD_SELECTOR_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SELECTOR_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG } from './common-flags';

const impl = () => import('./label-annotate');

const sharedFlags = [
  { name: 'all', type: 'bool' as const, default: false, usage: 'Select all resources, in the namespace of the specified resource types' },
  ALL_NAMESPACES_FLAG,
  { name: 'allow-missing-template-keys', type: 'bool' as const, default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  DRY_RUN_FLAG,
  FIELD_SELECTOR_FLAG,
  ...FILENAME_FLAGS,
  { name: 'local', type: 'bool' as const, default: false, usage: 'If true, annotation will NOT contact api-server but run locally.' },
  OUTPUT_FLAG,
  { name: 'overwrite', type: 'bool' as const, default: false, usage: 'If true, allow labels to be overwritten, otherwise reject label updates that overwrite existing labels.' },
  { name: 'resource-version', type: 'string' as const, default: '', usage: 'If non-empty, the labels update will only succeed if this is the current resource-version for the object. Only valid when specifying a single resource.' },
  SELECTOR_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
];

export const labelCommand: CommandDef = {
  name: 'label',
  group: 'Settings Commands',
  use: 'label [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the labels on a resource',
  long: `Update the labels on a resource.

  *  A label key and value must begin with a letter or number, and may contain letters, numbers, hyphens, dots, and underscores, up to 63 characters each.
  *  Optionally, the key can begin with a DNS subdomain prefix and a single '/', like example.com/my-app.
  *  If --overwrite is true, then existing labels can be overwritten, otherwise attempting to overwrite a label will result in an error.
  *  If --resource-version is specified, then updates will use this resource version, otherwise the existing resource-version will be used.`,
  example: `  # Update pod 'foo' with the label 'unhealthy' and the value 'true'
  kubectl label pods foo unhealthy=true

  # Update pod 'foo' with the label 'status' and the value 'unhealthy', overwriting any existing value
  kubectl label --overwrite pods foo status=unhealthy

  # Update all pods in the namespace
  kubectl label pods --all status=unhealthy

  # Update pod 'foo' only if the resource is unchanged from version 1
  kubectl label pods foo status=unhealthy --resource-version=1

  # Update pod 'foo' by removing a label named 'bar' if it exists
  # Does not require the --overwrite flag
  kubectl label pods foo bar-`,
  flags: [...sharedFlags, { name: 'list', type: 'bool', default: false, usage: 'If true, display the labels for a given resource.' }],
  run: lazyRun(impl, (m) => m.runLabel),
};

export const annotateCommand: CommandDef = {
  name: 'annotate',
  group: 'Settings Commands',
  use: 'annotate [--overwrite] (-f FILENAME | TYPE NAME) KEY_1=VAL_1 ... KEY_N=VAL_N [--resource-version=version]',
  short: 'Update the annotations on a resource',
  long: `Update the annotations on one or more resources.

 All Kubernetes objects support the ability to store additional data with the object as annotations. Annotations are key/value pairs that can be larger than labels and include arbitrary string values such as structured JSON. Tools and system extensions may use annotations to store their own data.

 Attempting to set an annotation that already exists will fail unless --overwrite is set. If --resource-version is specified and does not match the current resource version on the server the command will fail.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Update pod 'foo' with the annotation 'description' and the value 'my frontend'
  # If the same annotation is set multiple times, only the last value will be applied
  kubectl annotate pods foo description='my frontend'

  # Update pod 'foo' by removing an annotation named 'description' if it exists
  # Does not require the --overwrite flag
  kubectl annotate pods foo description-`,
  flags: sharedFlags,
  run: lazyRun(impl, (m) => m.runAnnotate),
};
