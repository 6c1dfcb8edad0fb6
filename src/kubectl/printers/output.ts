// The `-o` output formats for objects (cli-runtime genericclioptions PrintFlags): yaml, json,
// name, jsonpath, jsonpath-as-json, custom-columns; the human-readable table lives in table.ts.

import type { KObject } from '../../engine/api/types';
import { toGoJson } from '../../engine/codec/json-emit';
import { toGoYaml } from '../../engine/codec/yaml-emit';
import { parseJsonPath, JsonPathError, jsonPathParseErrorMessage, jsonPathExecErrorMessage } from '../jsonpath';
import { parseCustomColumnsSpec, parseCustomColumnsTemplate, printCustomColumns, CustomColumnsError } from './custom-columns';
import { CmdError } from '../errors';
import { kindPrefix } from '../discovery';

export type OutputKind = 'table' | 'wide' | 'yaml' | 'json' | 'name' | 'jsonpath' | 'jsonpath-as-json' | 'jsonpath-file' | 'custom-columns' | 'custom-columns-file';

export interface OutputFormat {
  kind: OutputKind;
  /** The template or column spec after `=`. */
  arg: string;
}

/** Formats `get` accepts (the list its error message names). */
export const GET_FORMATS = 'custom-columns,custom-columns-file,go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,wide,yaml';
/** Formats the create/apply family accepts (no table, wide or custom-columns). */
export const OBJECT_FORMATS = 'go-template,go-template-file,json,jsonpath,jsonpath-as-json,jsonpath-file,name,template,templatefile,yaml';

/** Parses `-o VALUE`; `allowed` is the comma list a command's error message shows. */
export function parseOutput(value: string | undefined, allowed = GET_FORMATS): OutputFormat {
  if (value === undefined || value === '') return { kind: 'table', arg: '' };
  const eq = value.indexOf('=');
  const name = eq >= 0 ? value.slice(0, eq) : value;
  const arg = eq >= 0 ? value.slice(eq + 1) : '';
  const known = allowed.split(',');
  const supported: OutputKind[] = ['wide', 'yaml', 'json', 'name', 'jsonpath', 'jsonpath-as-json', 'custom-columns'];
  if (known.includes(name) && supported.includes(name as OutputKind)) {
    if ((name === 'jsonpath' || name === 'jsonpath-as-json') && arg === '') throw new CmdError('template format specified but no template given');
    if (name === 'custom-columns' && arg === '') throw new CmdError('custom-columns format specified but no custom columns given');
    return { kind: name as OutputKind, arg };
  }
  if (known.includes(name)) throw new CmdError(`output format "${name}" is not supported in kubeplay yet`);
  throw new CmdError(`unable to match a printer suitable for the output format "${value}", allowed formats are: ${allowed}`);
}

/** Several objects as kubectl wraps them for yaml/json: a v1 List. */
export function asList(items: unknown[]): KObject {
  return { apiVersion: 'v1', items, kind: 'List', metadata: { resourceVersion: '' } } as unknown as KObject;
}

/**
 * Prints one value (an object or a List) in a non-table format. `generated` marks objects built
 * client-side (generators): their JSON keeps Go struct order instead of sorted keys.
 */
export function printObject(obj: unknown, fmt: OutputFormat, opts: { generated?: boolean; kindOf?: (o: KObject) => string } = {}): string {
  switch (fmt.kind) {
    case 'yaml':
      return toGoYaml(obj);
    case 'json':
      return toGoJson(obj, '    ', { sortKeys: !opts.generated }) + '\n';
    case 'name': {
      const items = isList(obj) ? (obj as { items: KObject[] }).items : [obj as KObject];
      return items.map((o) => `${opts.kindOf ? opts.kindOf(o) : nameOf(o)}/${o.metadata?.name ?? ''}\n`).join('');
    }
    case 'jsonpath':
    case 'jsonpath-as-json': {
      let path;
      try {
        path = parseJsonPath(fmt.arg);
      } catch (e) {
        throw new CmdError(jsonPathParseErrorMessage(fmt.arg, e as Error));
      }
      try {
        const numberMode = opts.generated ? 'typed' : 'unstructured';
        return fmt.kind === 'jsonpath' ? path.execute(obj, { numberMode }) : path.executeAsJson(obj, { numberMode });
      } catch (e) {
        if (e instanceof JsonPathError) throw new CmdError(jsonPathExecErrorMessage(fmt.arg, e, obj, opts.generated ? 'typed' : 'unstructured'));
        throw e;
      }
    }
    case 'custom-columns': {
      const items = isList(obj) ? (obj as { items: unknown[] }).items : [obj];
      return customColumns(items, fmt.arg, false);
    }
    default:
      throw new CmdError(`output format ${fmt.kind} does not print single objects`);
  }
}

export function customColumns(items: unknown[], spec: string, noHeaders: boolean, fromFile = false): string {
  let cols;
  try {
    cols = fromFile ? parseCustomColumnsTemplate(spec) : parseCustomColumnsSpec(spec);
  } catch (e) {
    if (e instanceof CustomColumnsError) throw new CmdError(e.message);
    throw e;
  }
  const r = printCustomColumns(items, cols, { noHeaders });
  if (r.error) throw new PartialOutputError(r.output, r.error.message);
  return r.output;
}

/** An error that comes after some output was already produced (the header of custom-columns). */
export class PartialOutputError extends CmdError {
  constructor(
    readonly output: string,
    message: string,
  ) {
    super(message);
  }
}

function isList(obj: unknown): boolean {
  return !!obj && typeof obj === 'object' && Array.isArray((obj as { items?: unknown }).items) && String((obj as { kind?: string }).kind ?? '').endsWith('List');
}

/** `deployment.apps` from an object's apiVersion/kind (for -o name without a mapping). */
function nameOf(o: KObject): string {
  const group = o.apiVersion?.includes('/') ? o.apiVersion.split('/')[0] : '';
  return kindPrefix({ group, kind: o.kind });
}
