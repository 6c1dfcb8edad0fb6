// The kubectl command tree and its entry point: parses argv, prints help, runs the command and
// renders errors exactly as kubectl's checkErr and cobra do. `runKubectl` is what the terminal,
// the headless runner and the tests call.

import type { CommandDef, Invocation } from './cli/command';
import type { FlagSpec } from './cli/flags';
import { commandHelp, optionsHelp, rootHelp } from './cli/help';
import { UsageError, parseArgs } from './cli/parse';
import type { KubectlEnv } from './env';
import { CmdError, renderError } from './errors';
import { NoResourceTypeError } from './discovery';
import { PartialOutputError } from './printers/output';
import { applyCommand } from './commands/apply-command';
import { annotateCommand, labelCommand } from './commands/label-annotate-command';
import { authCommand, configCommand } from './commands/config';
import { createCommand } from './commands/create-command';
import { deleteCommand } from './commands/delete-command';
import { exposeCommand } from './commands/expose-command';
import { runCommand } from './commands/run-command';
import { eventsCommand } from './commands/events-command';
import { getCommand } from './commands/get';
import { apiResourcesCommand, apiVersionsCommand, clusterInfoCommand, explainCommand, versionCommand } from './commands/info';
import { patchCommand, replaceCommand, scaleCommand } from './commands/patch-replace-scale-command';
import { waitCommand } from './commands/wait-command';
import { describeCommand } from './commands/describe-command';
import { rolloutCommand } from './commands/rollout-command';
import { setCommand } from './commands/set';
import { cordonCommand, taintCommand, uncordonCommand } from './commands/node-commands-command';
import { drainCommand } from './commands/node-commands-drain-command';
import { logsCommand } from './commands/logs-command';
import { execCommand } from './commands/exec-command';
import { portForwardCommand } from './commands/port-forward-command';
import { topCommand } from './commands/top-command';

/** Flags every command accepts (kubectl's persistent flags). */
export const GLOBAL_FLAGS: FlagSpec[] = [
  { name: 'namespace', short: 'n', type: 'string', default: '', usage: 'If present, the namespace scope for this CLI request' },
  { name: 'context', type: 'string', default: '', usage: 'The name of the kubeconfig context to use' },
  { name: 'cluster', type: 'string', default: '', usage: 'The name of the kubeconfig cluster to use' },
  { name: 'user', type: 'string', default: '', usage: 'The name of the kubeconfig user to use' },
  { name: 'kubeconfig', type: 'string', default: '', usage: 'Path to the kubeconfig file to use for CLI requests.' },
  { name: 'server', short: 's', type: 'string', default: '', usage: 'The address and port of the Kubernetes API server' },
  { name: 'request-timeout', type: 'string', default: '0', usage: "The length of time to wait before giving up on a single server request. Non-zero values should contain a corresponding time unit (e.g. 1s, 2m, 3h). A value of zero means don't timeout requests." },
  { name: 'v', short: 'v', type: 'string', default: '0', usage: 'number for the log level verbosity' },
  { name: 'as', type: 'string', default: '', usage: 'Username to impersonate for the operation. User could be a regular user or a service account in a namespace.' },
  { name: 'as-group', type: 'stringArray', default: [], usage: 'Group to impersonate for the operation, this flag can be repeated to specify multiple groups.' },
  { name: 'insecure-skip-tls-verify', type: 'bool', default: false, usage: "If true, the server's certificate will not be checked for validity. This will make your HTTPS connections insecure" },
  { name: 'token', type: 'string', default: '', usage: 'Bearer token for authentication to the API server' },
  { name: 'match-server-version', type: 'bool', default: false, usage: 'Require server version to match client version' },
  { name: 'warnings-as-errors', type: 'bool', default: false, usage: 'Treat warnings received from the server as errors and exit with a non-zero exit code' },
  { name: 'cache-dir', type: 'string', default: '$HOME/.kube/cache', usage: 'Default cache directory' },
  { name: 'profile', type: 'string', default: 'none', usage: 'Name of profile to capture. One of (none|cpu|heap|goroutine|threadcreate|block|mutex)' },
];

/** Upstream commands kubeplay does not run yet: listed so help and suggestions match kubectl. */
function notYet(name: string, group: string, short: string): CommandDef {
  return {
    name,
    group,
    use: name,
    short,
    run: async () => {
      throw new CmdError(`"kubectl ${name}" is not available in kubeplay yet`);
    },
  };
}

/** Commands in kubectl's help order (cobra suggests in this order too). */
export const ROOT: CommandDef = {
  name: 'kubectl',
  use: 'kubectl',
  short: 'kubectl controls the Kubernetes cluster manager',
  subcommands: [
    createCommand,
    exposeCommand,
    runCommand,
    setCommand,
    explainCommand,
    getCommand,
    notYet('edit', 'Basic Commands (Intermediate)', 'Edit a resource on the server'),
    deleteCommand,
    rolloutCommand,
    scaleCommand,
    notYet('autoscale', 'Deploy Commands', 'Auto-scale a deployment, replica set, stateful set, or replication controller'),
    notYet('certificate', 'Cluster Management Commands', 'Modify certificate resources'),
    clusterInfoCommand,
    topCommand,
    cordonCommand,
    uncordonCommand,
    drainCommand,
    taintCommand,
    describeCommand,
    logsCommand,
    notYet('attach', 'Troubleshooting and Debugging Commands', 'Attach to a running container'),
    execCommand,
    portForwardCommand,
    notYet('proxy', 'Troubleshooting and Debugging Commands', 'Run a proxy to the Kubernetes API server'),
    notYet('cp', 'Troubleshooting and Debugging Commands', 'Copy files and directories to and from containers'),
    { ...authCommand, group: 'Troubleshooting and Debugging Commands' },
    notYet('debug', 'Troubleshooting and Debugging Commands', 'Create debugging sessions for troubleshooting workloads and nodes'),
    eventsCommand,
    notYet('diff', 'Advanced Commands', 'Diff the live version against a would-be applied version'),
    applyCommand,
    patchCommand,
    replaceCommand,
    waitCommand,
    notYet('kustomize', 'Advanced Commands', 'Build a kustomization target from a directory or URL'),
    labelCommand,
    annotateCommand,
    notYet('completion', 'Settings Commands', 'Output shell completion code for the specified shell (bash, zsh, fish, or powershell)'),
    { ...apiResourcesCommand, group: 'Other Commands' },
    { ...apiVersionsCommand, group: 'Other Commands' },
    { ...configCommand, group: 'Other Commands' },
    notYet('plugin', 'Other Commands', 'Provides utilities for interacting with plugins'),
    versionCommand,
    {
      name: 'options',
      use: 'options',
      short: 'Print the list of flags inherited by all commands',
      hidden: true,
      run: async (inv) => {
        inv.env.io.out(optionsHelp(GLOBAL_FLAGS));
        return 0;
      },
    },
  ],
};

/** Levenshtein distance, case-insensitive (cobra's ld with ignoreCase). */
function distance(a: string, b: string): number {
  a = a.toLowerCase();
  b = b.toLowerCase();
  const d: number[] = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    let prev = d[0];
    d[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = d[j];
      d[j] = Math.min(d[j] + 1, d[j - 1] + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return d[b.length];
}

function suggestions(typed: string): string[] {
  return (ROOT.subcommands ?? [])
    .filter((c) => !c.hidden && (distance(typed, c.name) <= 2 || c.name.toLowerCase().startsWith(typed.toLowerCase())))
    .map((c) => c.name);
}

/** Runs one kubectl invocation (argv without `kubectl`); returns the exit code. */
export async function runKubectl(argv: string[], env: KubectlEnv): Promise<number> {
  try {
    const first = argv.find((a) => !a.startsWith('-'));
    const parsed = parseArgs(ROOT, argv, GLOBAL_FLAGS);
    const cmd = parsed.path[parsed.path.length - 1];
    if (parsed.path.length === 1) {
      if (first !== undefined && !parsed.help) {
        const s = suggestions(first);
        const hint = s.length ? `\n\nDid you mean this?\n${s.map((x) => `\t${x}\n`).join('')}` : '';
        env.io.err(`Error: unknown command "${first}" for "kubectl"${hint}\n`);
        return 1;
      }
      env.io.out(rootHelp(ROOT));
      return 0;
    }
    if (parsed.help || !cmd.run) {
      env.io.out(commandHelp(parsed.path));
      return 0;
    }
    const inv: Invocation = { path: parsed.path, args: parsed.args, rest: parsed.rest, dashDash: parsed.dashDash, flags: parsed.flags, env };
    return await cmd.run(inv);
  } catch (e) {
    if (e instanceof UsageError) {
      env.io.err(`Error: ${e.message}\nSee '${e.commandPath} --help' for usage.\n`);
      return 1;
    }
    if (e instanceof PartialOutputError) env.io.out(e.output);
    if (e instanceof NoResourceTypeError) {
      env.io.err(`error: ${e.message}\n`);
      return 1;
    }
    const r = renderError(e, env.host.now());
    env.io.err(r.text.endsWith('\n') ? r.text : r.text + '\n');
    return r.code;
  }
}
