// `kubectl config` (view, current-context, get-contexts, use-context, set-context) over the
// session's kubeconfig state, and `kubectl auth can-i` (the session user is cluster-admin).

import type { CommandDef, Invocation } from '../cli/command';
import { flagBool, flagString } from '../cli/flags';
import { makeCtx } from '../context';
import { CmdError } from '../errors';
import { toGoYaml } from '../../engine/codec/yaml-emit';
import { toGoJson } from '../../engine/codec/json-emit';
import { tableWriter } from '../printers/tabwriter';

function kubeconfigDoc(inv: Invocation, minify: boolean): Record<string, unknown> {
  const c = inv.env.config;
  const ctxs = minify ? c.contexts.filter((x) => x.name === c.currentContext) : c.contexts;
  return {
    apiVersion: 'v1',
    clusters: [{ cluster: { 'certificate-authority-data': 'DATA+OMITTED', server: c.clusterServer }, name: 'kubeplay' }],
    contexts: ctxs.map((x) => ({ context: { cluster: x.cluster, ...(x.namespace ? { namespace: x.namespace } : {}), user: x.user }, name: x.name })),
    'current-context': c.currentContext,
    kind: 'Config',
    preferences: {},
    users: [{ name: 'kubeplay-admin', user: { 'client-certificate-data': 'DATA+OMITTED', 'client-key-data': 'DATA+OMITTED' } }],
  };
}

const view: CommandDef = {
  name: 'view',
  use: 'view',
  short: 'Display merged kubeconfig settings or a specified kubeconfig file',
  flags: [
    { name: 'minify', type: 'bool', default: false, usage: 'Remove all information not used by current-context from the output' },
    { name: 'output', short: 'o', type: 'string', default: 'yaml', usage: 'Output format.' },
    { name: 'raw', type: 'bool', default: false, usage: 'Display raw byte data and sensitive data' },
    { name: 'flatten', type: 'bool', default: false, usage: 'Flatten the resulting kubeconfig file into self-contained output (useful for creating portable kubeconfig files)' },
  ],
  async run(inv) {
    const doc = kubeconfigDoc(inv, flagBool(inv.flags, 'minify'));
    const out = flagString(inv.flags, 'output') || 'yaml';
    inv.env.io.out(out === 'json' ? toGoJson(doc, '    ') + '\n' : toGoYaml(doc));
    return 0;
  },
};

const currentContext: CommandDef = {
  name: 'current-context',
  use: 'current-context',
  short: 'Display the current-context',
  async run(inv) {
    inv.env.io.out(inv.env.config.currentContext + '\n');
    return 0;
  },
};

const getContexts: CommandDef = {
  name: 'get-contexts',
  use: 'get-contexts [(-o|--output=)name)]',
  short: 'Describe one or many contexts',
  flags: [
    { name: 'no-headers', type: 'bool', default: false, usage: "When using the default or custom-column output format, don't print headers (default print headers)." },
    { name: 'output', short: 'o', type: 'string', default: '', usage: 'Output format. One of: (name).' },
  ],
  async run(inv) {
    const c = inv.env.config;
    const wanted = inv.args.length ? c.contexts.filter((x) => inv.args.includes(x.name)) : c.contexts;
    if (flagString(inv.flags, 'output') === 'name') {
      inv.env.io.out(wanted.map((x) => x.name + '\n').join(''));
      return 0;
    }
    const w = tableWriter();
    if (!flagBool(inv.flags, 'no-headers')) w.write('CURRENT\tNAME\tCLUSTER\tAUTHINFO\tNAMESPACE\n');
    for (const x of wanted) w.write(`${x.name === c.currentContext ? '*' : ''}\t${x.name}\t${x.cluster}\t${x.user}\t${x.namespace ?? ''}\n`);
    inv.env.io.out(w.flush());
    return 0;
  },
};

const useContext: CommandDef = {
  name: 'use-context',
  aliases: ['use'],
  use: 'use-context CONTEXT_NAME',
  short: 'Set the current-context in a kubeconfig file',
  async run(inv) {
    const name = inv.args[0];
    if (!name) throw new CmdError('empty context names are not allowed');
    if (!inv.env.config.contexts.some((x) => x.name === name)) throw new CmdError(`no context exists with the name: "${name}"`);
    inv.env.config.currentContext = name;
    inv.env.io.out(`Switched to context "${name}".\n`);
    return 0;
  },
};

const setContext: CommandDef = {
  name: 'set-context',
  use: 'set-context [NAME | --current] [--cluster=cluster_nickname] [--user=user_nickname] [--namespace=namespace]',
  short: 'Set a context entry in kubeconfig',
  flags: [
    { name: 'current', type: 'bool', default: false, usage: 'Modify the current context' },
    { name: 'cluster', type: 'string', default: '', usage: 'cluster for the context entry in kubeconfig' },
    { name: 'user', type: 'string', default: '', usage: 'user for the context entry in kubeconfig' },
    { name: 'namespace', type: 'string', default: '', usage: 'namespace for the context entry in kubeconfig' },
  ],
  async run(inv) {
    const c = inv.env.config;
    const current = flagBool(inv.flags, 'current');
    if (current && inv.args.length > 0) throw new CmdError('you cannot specify both a context name and --current');
    const name = current ? c.currentContext : inv.args[0];
    if (!name) throw new CmdError('you must specify a non-empty context name or --current');
    let entry = c.contexts.find((x) => x.name === name);
    const existed = !!entry;
    if (!entry) c.contexts.push((entry = { name, cluster: '', user: '' }));
    if (inv.flags.changed.has('cluster')) entry.cluster = flagString(inv.flags, 'cluster') ?? '';
    if (inv.flags.changed.has('user')) entry.user = flagString(inv.flags, 'user') ?? '';
    if (inv.flags.changed.has('namespace')) entry.namespace = flagString(inv.flags, 'namespace') || undefined;
    inv.env.io.out(`Context "${name}" ${existed ? 'modified' : 'created'}.\n`);
    return 0;
  },
};

export const configCommand: CommandDef = {
  name: 'config',
  group: 'Settings Commands',
  use: 'config SUBCOMMAND',
  short: 'Modify kubeconfig files',
  long: `Modify kubeconfig files using subcommands like "kubectl config set current-context my-context".`,
  subcommands: [currentContext, getContexts, setContext, useContext, view],
};

const canI: CommandDef = {
  name: 'can-i',
  use: 'can-i VERB [TYPE | TYPE/NAME | NONRESOURCEURL]',
  short: 'Check whether an action is allowed',
  flags: [
    { name: 'all-namespaces', short: 'A', type: 'bool', default: false, usage: 'If true, check the specified action in all namespaces.' },
    { name: 'list', type: 'bool', default: false, usage: 'If true, prints all allowed actions.' },
    { name: 'quiet', short: 'q', type: 'bool', default: false, usage: 'If true, suppress output and just return the exit code.' },
    { name: 'subresource', type: 'string', default: '', usage: 'SubResource such as pod/log or deployment/scale' },
  ],
  async run(inv) {
    const ctx = makeCtx(inv);
    if (flagBool(inv.flags, 'list')) {
      const w = tableWriter();
      w.write('Resources\tNon-Resource URLs\tResource Names\tVerbs\n*.*\t[]\t[]\t[*]\n\t[*]\t[]\t[*]\n');
      ctx.out(w.flush());
      return 0;
    }
    if (inv.args.length < 2) throw new CmdError('you must specify two arguments: verb resource or verb resource/resourceName.');
    const res = inv.args[1];
    // `*` means every resource: upstream's resourceFor takes it as is, without discovery.
    if (!res.startsWith('/') && res !== '*') {
      try {
        await ctx.discovery.resolve(res.split('/')[0]);
      } catch {
        ctx.err(`Warning: the server doesn't have a resource type '${res.split('/')[0]}'\n`);
      }
    }
    // The session user is bound to cluster-admin, as kubeadm's admin.conf is.
    if (!flagBool(inv.flags, 'quiet')) ctx.out('yes\n');
    return 0;
  },
};

export const authCommand: CommandDef = {
  name: 'auth',
  group: 'Advanced Commands',
  use: 'auth',
  short: 'Inspect authorization',
  subcommands: [canI],
};
