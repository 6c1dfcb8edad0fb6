// Informational commands: `version`, `api-versions`, `api-resources`, `cluster-info`, `explain`
// (kubectl pkg/cmd/version, apiresources, clusterinfo, explain), answered from the server's
// /version, discovery and OpenAPI.

import { lazyRun, type CommandDef, type Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { CmdError } from '../errors';
import { tableWriter } from '../printers/tabwriter';
import { toGoYaml } from '../../engine/codec/yaml-emit';
import { toGoJson } from '../../engine/codec/json-emit';

export const CLIENT_VERSION = {
  major: '1',
  minor: '32',
  gitVersion: 'v1.32.4',
  gitCommit: '59526cd4867447956156ae3a602fcbac10a2c335',
  gitTreeState: 'clean',
  buildDate: '2025-04-22T16:04:06Z',
  goVersion: 'go1.23.6',
  compiler: 'gc',
  platform: 'linux/amd64',
};
const KUSTOMIZE_VERSION = 'v5.5.0';

async function runVersion(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const client = flagBool(inv.flags, 'client');
  const out = flagString(inv.flags, 'output') ?? '';
  const server = client ? undefined : ((await ctx.api.raw('GET', '/version')) as Record<string, string>);
  if (out === 'json' || out === 'yaml') {
    const doc: Record<string, unknown> = { clientVersion: CLIENT_VERSION, kustomizeVersion: KUSTOMIZE_VERSION };
    if (server) doc.serverVersion = server;
    ctx.out(out === 'json' ? toGoJson(doc, '  ') + '\n' : toGoYaml(doc));
    return 0;
  }
  if (out !== '') throw new CmdError(`--output must be 'yaml' or 'json'`);
  ctx.out(`Client Version: ${CLIENT_VERSION.gitVersion}\nKustomize Version: ${KUSTOMIZE_VERSION}\n`);
  if (server) ctx.out(`Server Version: ${server.gitVersion}\n`);
  return 0;
}

async function runApiVersions(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const all = await ctx.discovery.all();
  const gvs = [...new Set(all.map((m) => (m.group ? `${m.group}/${m.version}` : m.version)))].sort();
  ctx.out(gvs.map((g) => g + '\n').join(''));
  return 0;
}

async function runApiResources(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const f = inv.flags;
  const out = flagString(f, 'output') ?? '';
  if (out && out !== 'wide' && out !== 'name') throw new CmdError(`--output wide or name is accepted`);
  let all = await ctx.discovery.preferred();
  if (f.changed.has('namespaced')) all = all.filter((m) => m.namespaced === flagBool(f, 'namespaced'));
  const group = flagString(f, 'api-group');
  if (f.changed.has('api-group')) all = all.filter((m) => m.group === group);
  const verbs = (f.values.get('verbs') as string[] | undefined) ?? [];
  if (verbs.length) all = all.filter((m) => verbs.every((v) => m.verbs.includes(v)));
  const cats = (f.values.get('categories') as string[] | undefined) ?? [];
  if (cats.length) all = all.filter((m) => cats.every((c) => m.categories.includes(c)));
  const sortBy = flagString(f, 'sort-by') ?? '';
  const key = (m: (typeof all)[number]) => (sortBy === 'name' ? m.plural : sortBy === 'kind' ? m.kind : m.group);
  const sorted = [...all].sort((a, b) => (key(a) < key(b) ? -1 : key(a) > key(b) ? 1 : 0));
  if (out === 'name') {
    ctx.out(sorted.map((m) => (m.group ? `${m.plural}.${m.group}` : m.plural) + '\n').join(''));
    return 0;
  }
  const w = tableWriter();
  const noHeaders = flagBool(f, 'no-headers');
  const wide = out === 'wide';
  if (!noHeaders) w.write(['NAME', 'SHORTNAMES', 'APIVERSION', 'NAMESPACED', 'KIND', ...(wide ? ['VERBS', 'CATEGORIES'] : [])].join('\t') + '\n');
  for (const m of sorted) {
    const cells = [m.plural, m.shortNames.join(','), m.group ? `${m.group}/${m.version}` : m.version, String(m.namespaced), m.kind];
    // kubectl v1.32 joins the verbs with commas (older releases printed Go's `[a b]`).
    if (wide) cells.push(m.verbs.join(','), m.categories.join(','));
    w.write(cells.join('\t') + '\n');
  }
  ctx.out(w.flush());
  return 0;
}

type ServiceShape = {
  metadata: { name?: string; namespace?: string };
  spec?: { ports?: { name?: string; port: number }[] };
  status?: { loadBalancer?: { ingress?: { ip?: string; hostname?: string }[] } };
};

/**
 * The link cluster-info prints for a service: its load balancer's address per port, else the
 * apiserver proxy path with `[scheme:]name[:portName]` (utilnet.JoinSchemeNamePort).
 */
function serviceLink(server: string, obj: unknown): string {
  const s = obj as ServiceShape;
  const ports = s.spec?.ports ?? [];
  const ingress = s.status?.loadBalancer?.ingress ?? [];
  if (ingress.length > 0) {
    const ip = ingress[0].ip || ingress[0].hostname || '';
    return ports.map((p) => `http://${ip}:${p.port} `).join('');
  }
  let name = s.metadata.name ?? '';
  if (ports.length > 0) {
    const p = ports[0];
    const portName = p.name ?? '';
    // Upstream guesses https from the port's name or number.
    const scheme = portName === 'https' || p.port === 443 ? 'https' : '';
    name = scheme ? `${scheme}:${name}:${portName}` : portName ? `${name}:${portName}` : name;
  }
  return `${server}/api/v1/namespaces/${s.metadata.namespace ?? 'kube-system'}/services/${name}/proxy`;
}

async function runClusterInfo(inv: Invocation): Promise<number> {
  const ctx = makeCtx(inv);
  const server = inv.env.config.clusterServer;
  // Upstream colours the names through go-colortext, but kubectl v1.32.4 prints no escape
  // sequences (checked on a terminal and on a pipe), so neither do we.
  let out = `Kubernetes control plane is running at ${server}\n`;
  const svc = await ctx.discovery.resolve('services');
  const list = await ctx.api.list(svc, 'kube-system', { labelSelector: 'kubernetes.io/cluster-service=true' });
  for (const s of list.items) {
    const name = s.metadata.labels?.['kubernetes.io/name'] || s.metadata.name || '';
    out += `${name} is running at ${serviceLink(server, s)}\n`;
  }
  out += `\nTo further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.\n`;
  ctx.out(out);
  return 0;
}

export const versionCommand: CommandDef = {
  name: 'version',
  group: 'Other Commands',
  use: 'version',
  short: 'Print the client and server version information',
  long: 'Print the client and server version information for the current context.',
  example: `  # Print the client and server versions for the current context
  kubectl version`,
  flags: [
    { name: 'client', type: 'bool', default: false, usage: 'If true, shows client version only (no server required).' },
    { name: 'output', short: 'o', type: 'string', default: '', usage: "One of 'yaml' or 'json'." },
  ],
  run: runVersion,
};

export const apiVersionsCommand: CommandDef = {
  name: 'api-versions',
  group: 'Other Commands',
  use: 'api-versions',
  short: 'Print the supported API versions on the server, in the form of "group/version"',
  long: 'Print the supported API versions on the server, in the form of "group/version".',
  example: `  # Print the supported API versions
  kubectl api-versions`,
  run: runApiVersions,
};

export const apiResourcesCommand: CommandDef = {
  name: 'api-resources',
  group: 'Other Commands',
  use: 'api-resources',
  short: 'Print the supported API resources on the server',
  long: 'Print the supported API resources on the server.',
  example: `  # Print the supported API resources
  kubectl api-resources

  # Print the supported API resources with more information
  kubectl api-resources -o wide

  # Print the supported API resources sorted by a column
  kubectl api-resources --sort-by=name

  # Print the supported namespaced resources
  kubectl api-resources --namespaced=true

  # Print the supported non-namespaced resources
  kubectl api-resources --namespaced=false

  # Print the supported API resources with a specific APIGroup
  kubectl api-resources --api-group=rbac.authorization.k8s.io`,
  flags: [
    { name: 'api-group', type: 'string', default: '', usage: 'Limit to resources in the specified API group.' },
    { name: 'cached', type: 'bool', default: false, usage: 'Use the cached list of resources if available.' },
    { name: 'categories', type: 'stringSlice', default: [], usage: 'Limit to resources that belong to the specified categories.' },
    { name: 'namespaced', type: 'bool', default: true, usage: 'If false, non-namespaced resources will be returned, otherwise returning namespaced resources by default.' },
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (wide, name).' },
    { name: 'sort-by', type: 'string', default: '', usage: "If non-empty, sort list of resources using specified field. The field can be either 'name' or 'kind'." },
    { name: 'verbs', type: 'stringSlice', default: [], usage: 'Limit to resources that support the specified verbs.' },
  ],
  run: runApiResources,
};

export const clusterInfoCommand: CommandDef = {
  name: 'cluster-info',
  group: 'Cluster Management Commands',
  use: 'cluster-info',
  short: 'Display cluster information',
  long: `Display addresses of the control plane and services with label kubernetes.io/cluster-service=true. To further debug and diagnose cluster problems, use 'kubectl cluster-info dump'.`,
  example: `  # Print the address of the control plane and cluster services
  kubectl cluster-info`,
  run: runClusterInfo,
};

export const explainCommand: CommandDef = {
  name: 'explain',
  group: 'Basic Commands (Intermediate)',
  use: 'explain TYPE [--recursive=FALSE|TRUE] [--api-version=api-version-group] [-o|--output=plaintext|plaintext-openapiv2]',
  short: 'Get documentation for a resource',
  long: `Describe fields and structure of various resources.

 This command describes the fields associated with each supported API resource. Fields are identified via a simple JSONPath identifier:

        <type>.<fieldName>[.<fieldName>]

 Information about each field is retrieved from the server in OpenAPI format.

Use "kubectl api-resources" for a complete list of supported resources.`,
  example: `  # Get the documentation of the resource and its fields
  kubectl explain pods

  # Get all the fields in the resource
  kubectl explain pods --recursive

  # Get the explanation for deployment in supported api versions
  kubectl explain deployments --api-version=apps/v1

  # Get the documentation of a specific field of a resource
  kubectl explain pods.spec.containers`,
  flags: [
    { name: 'api-version', type: 'string', default: '', usage: 'Use given api-version (group/version) of the resource.' },
    { name: 'output', short: 'o', type: 'string', default: 'plaintext', usage: 'Format in which to render the schema. Valid values are: (plaintext, plaintext-openapiv2).' },
    { name: 'recursive', type: 'bool', default: false, usage: 'When true, print the name of all the fields recursively. Otherwise, print the available fields with their description.' },
  ],
  // The explainer (and the OpenAPI documents it loads) comes in when explain first runs.
  run: lazyRun(() => import('./explain'), (m) => m.runExplain),
};
