// `kubectl get`: lists or fetches objects and prints them as upstream does (kubectl
// pkg/cmd/get/get.go): server-side tables for the human formats, full objects for -o
// yaml/json/name/jsonpath/custom-columns, errors collected and printed after the output,
// `No resources found ...` on stderr, and -w/--watch streaming rows.

import type { KList, KObject } from '../../engine/api/types';
import type { Table } from '../../engine/apiserver/table';
import type { CommandDef, Invocation } from '../cli/command';
import { flagArray, flagBool, flagString } from '../cli/flags';
import { TABLE_ACCEPT } from '../api';
import { enhanceListError } from '../list-errors';
import { makeCtx, type Ctx } from '../context';
import { kindPrefix, type Mapping } from '../discovery';
import { AggregateErrors, CmdError, StatusError, renderError } from '../errors';
import { readManifests } from '../manifests';
import { asList, customColumns, parseOutput, printObject, type OutputFormat } from '../printers/output';
import { sortObjects, sortTableRows } from '../printers/sort-by';
import { tableWriter } from '../printers/tabwriter';
import { tableLines } from '../printers/table';
import { resourceRequests, type ResourceRequest } from '../resource-args';
import {
  ALL_NAMESPACES_FLAG,
  FIELD_SELECTOR_FLAG,
  FILENAME_FLAGS,
  SELECTOR_FLAG,
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
} from './common-flags';
import { watchTables } from './get-watch';

/** One fetched group of results: a table (human formats) or objects. */
interface Fetched {
  mapping: Mapping;
  table?: Table;
  objects: KObject[];
  /** A single named object was asked for (yaml/json print it bare). */
  single: boolean;
  listRV?: string;
  /** The name asked for, when one object was fetched (a watch then follows only it). */
  name?: string;
}

const NO_TYPE = `You must specify the type of resource to get. Use "kubectl api-resources" for a complete list of supported resources.

error: Required resource not specified.
Use "kubectl explain <resource>" for a detailed description of that resource (e.g. kubectl explain pods).
See 'kubectl get -h' for help and examples`;

async function fetchRequest(ctx: Ctx, r: ResourceRequest, human: boolean, needObjects: boolean, errs: Error[]): Promise<Fetched[]> {
  const f = ctx.inv.flags;
  const m = r.mapping;
  const ns = m.namespaced ? (ctx.allNamespaces && !r.names ? undefined : ctx.namespace) : undefined;
  const accept = human ? TABLE_ACCEPT : undefined;
  const query = human && needObjects ? { includeObject: 'Object' } : {};
  if (r.names) {
    const out: Fetched[] = [];
    for (const name of r.names) {
      try {
        const body = await ctx.api.get(m, ns, name, query, accept);
        out.push(
          human
            ? { mapping: m, table: body as unknown as Table, objects: [], single: true, listRV: (body as unknown as Table).metadata?.resourceVersion, name }
            : { mapping: m, objects: [body], single: true, name },
        );
      } catch (e) {
        if (e instanceof StatusError && e.status.code === 404 && flagBool(f, 'ignore-not-found')) continue;
        errs.push(await namespaceAwareError(ctx, e, ns));
      }
    }
    return out;
  }
  const q: Record<string, string | undefined> = { ...query };
  const sel = flagString(f, 'selector');
  const fsel = flagString(f, 'field-selector');
  if (sel) q.labelSelector = sel;
  if (fsel) q.fieldSelector = fsel;
  try {
    const body = await ctx.api.list(m, ns, q, accept);
    if (human) return [{ mapping: m, table: body as unknown as Table, objects: [], single: false, listRV: (body as unknown as Table).metadata.resourceVersion }];
    const list = body as KList;
    return [{ mapping: m, objects: list.items.map((o) => ({ ...o, apiVersion: list.apiVersion, kind: list.kind.replace(/List$/, '') })), single: false, listRV: list.metadata.resourceVersion }];
  } catch (e) {
    errs.push(enhanceListError(e, m, q as { labelSelector?: string; fieldSelector?: string }) as Error);
    return [];
  }
}

/** A NotFound in a namespace other than default checks the namespace (cli-runtime Info.Get). */
async function namespaceAwareError(ctx: Ctx, e: unknown, ns: string | undefined): Promise<Error> {
  if (e instanceof StatusError && e.status.code === 404 && ns && ns !== 'default') {
    try {
      const nsMapping = await ctx.discovery.resolve('namespaces');
      await ctx.api.get(nsMapping, undefined, ns);
    } catch (e2) {
      if (e2 instanceof StatusError && e2.status.code === 404) return e2;
    }
  }
  return e as Error;
}

function stripManaged(o: KObject, keep: boolean): KObject {
  if (keep || !o.metadata?.managedFields) return o;
  const { managedFields: _drop, ...meta } = o.metadata;
  return { ...o, metadata: meta };
}

export async function runGet(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const fmt: OutputFormat = parseOutput(flagString(f, 'output'));
  const human = fmt.kind === 'table' || fmt.kind === 'wide';
  const sortBy = flagString(f, 'sort-by') ?? '';
  const watch = flagBool(f, 'watch') || flagBool(f, 'watch-only');
  const files = flagArray(f, 'filename');
  let requests: ResourceRequest[];
  if (files.length > 0) {
    const infos = await readManifests(inv.env.files, files, { recursive: flagBool(f, 'recursive'), validate: true });
    requests = [];
    for (const info of infos) {
      const m = await ctx.discovery.forKind(info.obj.apiVersion, info.obj.kind);
      if (!m) throw new CmdError(`resource mapping not found for name: "${info.obj.metadata.name ?? ''}" namespace: "${info.obj.metadata.namespace ?? ''}" from "${info.source}": no matches for kind "${info.obj.kind}" in version "${info.obj.apiVersion}"\nensure CRDs are installed first`);
      requests.push({ mapping: m, names: [info.obj.metadata.name ?? ''] });
    }
  } else {
    if (inv.args.length === 0) {
      inv.env.io.err(NO_TYPE + '\n');
      return 1;
    }
    requests = await resourceRequests(ctx.discovery, inv.args);
  }
  const errs: Error[] = [];
  const fetched: Fetched[] = [];
  for (const r of requests) fetched.push(...(await fetchRequest(ctx, r, human, sortBy !== '', errs)));

  if (watch && human) {
    return watchTables(ctx, fetched.map((x) => ({ mapping: x.mapping, table: x.table!, listRV: x.listRV, name: x.name })), {
      wide: fmt.kind === 'wide',
      withNamespace: ctx.allNamespaces,
      showLabels: flagBool(f, 'show-labels'),
      labelColumns: flagArray(f, 'label-columns'),
      noHeaders: flagBool(f, 'no-headers'),
      watchOnly: flagBool(f, 'watch-only'),
      selector: flagString(f, 'selector'),
    });
  }

  // printGeneric: when one named object was asked for (singleItemImplied) and fetching it failed,
  // the error is all there is: no printer is built, so a bad template is never looked at.
  const singleItemImplied = requests.length === 1 && requests[0].names?.length === 1;
  let printed = 0;
  if (human) printed = printHuman(ctx, fetched, fmt, sortBy);
  else if (!(singleItemImplied && errs.length > 0)) printed = printObjects(ctx, fetched, fmt, sortBy);

  if (printed === 0 && errs.length === 0 && human) {
    const anyNamed = requests.some((r) => r.names);
    if (!anyNamed) {
      const clusterScoped = requests.every((r) => !r.mapping.namespaced);
      ctx.err(ctx.allNamespaces || clusterScoped ? 'No resources found\n' : `No resources found in ${ctx.namespace} namespace.\n`);
    }
  }
  if (errs.length > 0) {
    for (const e of errs) ctx.err(renderError(new AggregateErrors([e])).text + '\n');
    return 1;
  }
  return 0;
}

function printHuman(ctx: Ctx, fetched: Fetched[], fmt: OutputFormat, sortBy: string): number {
  const f = ctx.inv.flags;
  // Names get a `kind/` prefix when the results span several kinds (multipleGVKsRequested). Each
  // list answer counts, an empty one too: upstream's infos are the server's Tables, one per
  // request, so `get deploy,rs,pods` prefixes even when only deployments have rows.
  const kinds = new Set(fetched.map((x) => x.mapping));
  const withKind = kinds.size > 1 || flagBool(f, 'show-kind');
  const noHeaders = flagBool(f, 'no-headers');
  // Consecutive results of one kind print as one table.
  const groups: { mapping: Mapping; tables: Table[] }[] = [];
  for (const x of fetched) {
    const last = groups[groups.length - 1];
    if (last && last.mapping === x.mapping) last.tables.push(x.table!);
    else groups.push({ mapping: x.mapping, tables: [x.table!] });
  }
  let out = '';
  let printed = 0;
  let first = true;
  for (const g of groups) {
    const rows = g.tables.flatMap((t) => t.rows);
    if (rows.length === 0) continue;
    const merged: Table = { ...g.tables[0], rows: sortBy ? sortTableRows(rows, sortBy, (r) => r.object) : rows };
    const { header, rows: lines } = tableLines(merged, {
      wide: fmt.kind === 'wide',
      withNamespace: ctx.allNamespaces && g.mapping.namespaced,
      kindPrefix: withKind ? kindPrefix(g.mapping) : undefined,
      showLabels: flagBool(f, 'show-labels'),
      labelColumns: flagArray(f, 'label-columns'),
      noHeaders,
    });
    const w = tableWriter();
    if (!first && !noHeaders) out += '\n';
    first = false;
    if (!noHeaders) w.write(header.join('\t') + '\n');
    for (const l of lines) w.write(l.join('\t') + '\n');
    out += w.flush();
    printed += lines.length;
  }
  ctx.out(out);
  return printed;
}

function printObjects(ctx: Ctx, fetched: Fetched[], fmt: OutputFormat, sortBy: string): number {
  const keepManaged = flagBool(ctx.inv.flags, 'show-managed-fields');
  // Remember which mapping each object came from (for -o name) without searching per object.
  const mappingOf = new Map<KObject, Mapping>();
  let objects: KObject[] = [];
  for (const x of fetched) {
    for (const o of x.objects) {
      const shown = stripManaged(o, keepManaged);
      mappingOf.set(shown, x.mapping);
      objects.push(shown);
    }
  }
  if (sortBy) objects = sortObjects(objects, sortBy, (o) => o);
  const single = fetched.length === 1 && fetched[0].single && objects.length === 1;
  const kindOf = (o: KObject) => {
    const m = mappingOf.get(o);
    return m ? kindPrefix(m) : kindPrefix({ group: o.apiVersion.includes('/') ? o.apiVersion.split('/')[0] : '', kind: o.kind });
  };
  if (fmt.kind === 'custom-columns') {
    ctx.out(customColumns(objects, fmt.arg, flagBool(ctx.inv.flags, 'no-headers')));
    return objects.length;
  }
  const value = single ? objects[0] : asList(objects);
  ctx.out(printObject(value, fmt, { kindOf }));
  return objects.length;
}

export const getCommand: CommandDef = {
  name: 'get',
  group: 'Basic Commands (Intermediate)',
  use: 'get [(-o|--output=)json|yaml|name|go-template|go-template-file|template|templatefile|jsonpath|jsonpath-as-json|jsonpath-file|custom-columns|custom-columns-file|wide] (TYPE[.VERSION][.GROUP] [NAME | -l label] | TYPE[.VERSION][.GROUP]/NAME ...) [flags]',
  short: 'Display one or many resources',
  long: `Display one or many resources.

 Prints a table of the most important information about the specified resources. You can filter the list using a label selector and the --selector flag. If the desired resource type is namespaced you will only see results in the current namespace if you don't specify any namespace.

 By specifying the output as 'template' and providing a Go template as the value of the --template flag, you can filter the attributes of the fetched resources.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # List all pods in ps output format
  kubectl get pods

  # List all pods in ps output format with more information (such as node name)
  kubectl get pods -o wide

  # List a single replication controller with specified NAME in ps output format
  kubectl get replicationcontroller web

  # List deployments in JSON output format, in the "v1" version of the "apps" API group
  kubectl get deployments.v1.apps -o json

  # List a single pod in JSON output format
  kubectl get -o json pod web-pod-13je7

  # List resource information in custom columns
  kubectl get pod test-pod -o custom-columns=CONTAINER:.spec.containers[0].name,IMAGE:.spec.containers[0].image

  # Return only the phase value of the specified pod
  kubectl get -o template pod/web-pod-13je7 --template={{.status.phase}}

  # List all replication controllers and services together in ps output format
  kubectl get rc,services

  # List one or more resources by their type and names
  kubectl get rc/web service/frontend pods/web-pod-13je7`,
  flags: [
    ALL_NAMESPACES_FLAG,
    { name: 'chunk-size', type: 'int', default: 500, usage: 'Return large lists in chunks rather than all at once. Pass 0 to disable. This flag is beta and may change in the future.' },
    FIELD_SELECTOR_FLAG,
    ...FILENAME_FLAGS,
    { name: 'ignore-not-found', type: 'bool', default: false, usage: 'If set to true, suppresses NotFound error for specific objects that do not exist. Using this flag with commands that query for collections of resources has no effect when no resources are found.' },
    { name: 'label-columns', short: 'L', type: 'stringSlice', default: [], usage: 'Accepts a comma separated list of labels that are going to be presented as columns. Names are case-sensitive. You can also use multiple flag options like -L label1 -L label2...' },
    { name: 'no-headers', type: 'bool', default: false, usage: 'When using the default or custom-column output format, don\'t print headers (default print headers).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (json, yaml, name, go-template, go-template-file, template, templatefile, jsonpath, jsonpath-as-json, jsonpath-file, custom-columns, custom-columns-file, wide). See custom columns [https://kubernetes.io/docs/reference/kubectl/#custom-columns], golang template [http://golang.org/pkg/text/template/#pkg-overview] and jsonpath template [https://kubernetes.io/docs/reference/kubectl/jsonpath/].' },
    { name: 'output-watch-events', type: 'bool', default: false, usage: 'Output watch event objects when --watch or --watch-only is used. Existing objects are output as initial ADDED events.' },
    { name: 'raw', type: 'string', default: '', usage: 'Raw URI to request from the server.  Uses the transport specified by the kubeconfig file.' },
    SELECTOR_FLAG,
    { name: 'server-print', type: 'bool', default: true, usage: 'If true, have the server return the appropriate table output. Supports extension APIs and CRDs.' },
    SHOW_MANAGED_FIELDS_FLAG,
    { name: 'show-kind', type: 'bool', default: false, usage: 'If present, list the resource type for the requested object(s).' },
    { name: 'show-labels', type: 'bool', default: false, usage: 'When printing, show all labels as the last column (default hide labels column)' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list types using this field specification.  The field specification is expressed as a JSONPath expression (e.g. '{.metadata.name}'). The field in the API resource specified by this JSONPath expression must be an integer or a string." },
    { name: 'subresource', type: 'string', default: '', usage: 'If specified, gets the subresource of the requested object.' },
    TEMPLATE_FLAG,
    { name: 'watch', short: 'w', type: 'bool', default: false, usage: 'After listing/getting the requested object, watch for changes.' },
    { name: 'watch-only', type: 'bool', default: false, usage: 'Watch for changes to the requested object(s), without listing/getting first.' },
  ],
  run: runGet,
};
