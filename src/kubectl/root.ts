// The kubectl command tree and its entry point: parses argv, prints help, runs the command and
// renders errors exactly as kubectl's checkErr and cobra do (run.ts). `runKubectl` is what the
// terminal, the headless runner and the tests call.

import type { CommandDef } from './cli/command';
import { GLOBAL_FLAGS } from './cli/global-flags';
import { optionsHelp } from './cli/help';
import type { KubectlEnv } from './env';
import { CmdError } from './errors';
import { runCommandLine } from './run';
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

export { GLOBAL_FLAGS };

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

/** Runs one kubectl invocation (argv without `kubectl`); returns the exit code. */
export function runKubectl(argv: string[], env: KubectlEnv): Promise<number> {
  return runCommandLine(ROOT, argv, env);
}
