// Flag definitions several commands share (kubectl's AddFilenameOptionFlags, AddDryRunFlag,
// PrintFlags, label selector flags), so each command lists them the same way.

import type { FlagSpec } from '../cli/flags';

export const FILENAME_FLAGS: FlagSpec[] = [
  { name: 'filename', short: 'f', type: 'stringSlice', default: [], usage: 'Filename, directory, or URL to files identifying the resource.' },
  { name: 'recursive', short: 'R', type: 'bool', default: false, usage: 'Process the directory used in -f, --filename recursively. Useful when you want to manage related manifests organized within the same directory.' },
  { name: 'kustomize', short: 'k', type: 'string', default: '', usage: 'Process the kustomization directory. This flag can\'t be used together with -f or -R.' },
];

export const OUTPUT_FLAG: FlagSpec = {
  name: 'output',
  short: 'o',
  type: 'string',
  default: '',
  usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file).',
};

export const DRY_RUN_FLAG: FlagSpec = {
  name: 'dry-run',
  type: 'string',
  default: 'none',
  noOptDefault: 'unchanged',
  usage: 'Must be "none", "server", or "client". If client strategy, only print the object that would be sent, without sending it. If server strategy, submit server-side request without persisting the resource.',
};

export const SELECTOR_FLAG: FlagSpec = {
  name: 'selector',
  short: 'l',
  type: 'string',
  default: '',
  usage: 'Selector (label query) to filter on, supports \'=\', \'==\', \'!=\', \'in\', \'notin\'.(e.g. -l key1=value1,key2=value2,key3 in (value3)). Matching objects must satisfy all of the specified label constraints.',
};

export const FIELD_SELECTOR_FLAG: FlagSpec = {
  name: 'field-selector',
  type: 'string',
  default: '',
  usage: "Selector (field query) to filter on, supports '=', '==', and '!='.(e.g. --field-selector key1=value1,key2=value2). The server only supports a limited number of field queries per type.",
};

export const ALL_NAMESPACES_FLAG: FlagSpec = {
  name: 'all-namespaces',
  short: 'A',
  type: 'bool',
  default: false,
  usage: 'If present, list the requested object(s) across all namespaces. Namespace in current context is ignored even if specified with --namespace.',
};

export const VALIDATE_FLAG: FlagSpec = {
  name: 'validate',
  type: 'string',
  default: 'strict',
  noOptDefault: 'strict',
  usage: `Must be one of: strict (or true), warn, ignore (or false). "true" or "strict" will use a schema to validate the input and fail the request if invalid. It will perform server side validation if ServerSideFieldValidation is enabled on the api-server, but will fall back to less reliable client-side validation if not. "warn" will warn about unknown or duplicate fields without blocking the request if server-side field validation is enabled on the API server, and behave as "ignore" otherwise. "false" or "ignore" will not perform any schema validation, silently dropping any unknown or duplicate fields.`,
};

export const SHOW_MANAGED_FIELDS_FLAG: FlagSpec = {
  name: 'show-managed-fields',
  type: 'bool',
  default: false,
  usage: 'If true, keep the managedFields when printing objects in JSON or YAML format.',
};

export const TEMPLATE_FLAG: FlagSpec = {
  name: 'template',
  type: 'string',
  default: '',
  usage: 'Template string or path to template file to use when -o=go-template, -o=go-template-file. The template format is golang templates [http://golang.org/pkg/text/template/#pkg-overview].',
};

export type DryRun = 'none' | 'client' | 'server';

/**
 * Reads --dry-run as kubectl 1.32 does: the bare flag and the old booleans still work, with
 * klog's deprecation warning on stderr (helpers.go GetDryRunStrategy).
 */
export function dryRunValue(v: string | undefined, warn: (msg: string) => void = () => {}): DryRun {
  switch (v ?? 'none') {
    case 'none':
    case '':
      return 'none';
    case 'client':
      return 'client';
    case 'server':
      return 'server';
    case 'unchanged':
      warn('helpers.go:702] --dry-run is deprecated and can be replaced with --dry-run=client.');
      return 'client';
    case 'true':
      warn('helpers.go:716] --dry-run=true is deprecated (boolean value) and can be replaced with --dry-run=client.');
      return 'client';
    case 'false':
      warn('helpers.go:719] --dry-run=false is deprecated (boolean value) and can be replaced with --dry-run=none.');
      return 'none';
    default:
      throw new Error(`Invalid dry-run value (${v}). Must be "none", "server", or "client".`);
  }
}

/** A klog warning line as kubectl prints it: `W0102 15:04:05.000000   12345 file.go:N] msg`. */
export function klogWarning(nowMs: number, msg: string): string {
  const d = new Date(nowMs);
  const p2 = (n: number) => String(n).padStart(2, '0');
  const micros = String(d.getUTCMilliseconds() * 1000).padStart(6, '0');
  return `W${p2(d.getUTCMonth() + 1)}${p2(d.getUTCDate())} ${p2(d.getUTCHours())}:${p2(d.getUTCMinutes())}:${p2(d.getUTCSeconds())}.${micros}   12345 ${msg}`;
}
