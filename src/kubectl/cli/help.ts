// Help output in kubectl's templates (kubectl pkg/util/templates): long text, Examples, Options
// (`    -A, --all-namespaces=false:` then a tab-indented usage), Usage, the trailing hints; and
// the root `kubectl --help` with its command groups.

import type { CommandDef } from './command';
import type { FlagSpec } from './flags';

function defaultText(f: FlagSpec): string {
  const d = f.default;
  if (f.type === 'bool') return d === true ? 'true' : 'false';
  if (f.type === 'int') return String(d ?? 0);
  if (f.type === 'duration') return String(d ?? '0s');
  if (f.type === 'stringArray' || f.type === 'stringSlice') return `[${((d as string[] | undefined) ?? []).join(',')}]`;
  return `'${(d as string | undefined) ?? ''}'`;
}

function optionsBlock(flags: FlagSpec[]): string {
  const sorted = [...flags].sort((a, b) => (a.name < b.name ? -1 : 1));
  return sorted
    .map((f) => `    ${f.short ? `-${f.short}, ` : ''}--${f.name}=${defaultText(f)}:\n\t${f.usage}\n`)
    .join('\n');
}

export function commandHelp(path: CommandDef[]): string {
  const cmd = path[path.length - 1];
  const full = path.map((c) => c.name).join(' ');
  let out = `${cmd.long ?? cmd.short}\n\n`;
  if (cmd.example) out += `Examples:\n${cmd.example}\n\n`;
  if (cmd.subcommands?.length) {
    const visible = cmd.subcommands.filter((c) => !c.hidden);
    const width = Math.max(...visible.map((c) => c.name.length)) + 3;
    out += 'Available Commands:\n' + visible.map((c) => `  ${c.name.padEnd(width)}${c.short}\n`).join('') + '\n';
  }
  if (cmd.flags?.length) out += `Options:\n${optionsBlock(cmd.flags)}\n`;
  const use = cmd.use.replace(/^\S+/, '').trim();
  out += `Usage:\n  ${path.slice(0, -1).map((c) => c.name).join(' ')} ${cmd.name}${use ? ' ' + use.replace(/ \[flags\]$/, '') : ''} [options]\n\n`;
  if (cmd.subcommands?.length) out += `Use "${full} <command> --help" for more information about a given command.\n`;
  out += 'Use "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

const GROUP_ORDER = [
  'Basic Commands (Beginner)',
  'Basic Commands (Intermediate)',
  'Deploy Commands',
  'Cluster Management Commands',
  'Troubleshooting and Debugging Commands',
  'Advanced Commands',
  'Settings Commands',
];

export function rootHelp(root: CommandDef): string {
  let out = 'kubectl controls the Kubernetes cluster manager.\n\n Find more information at: https://kubernetes.io/docs/reference/kubectl/\n\n';
  const subs = root.subcommands ?? [];
  for (const g of GROUP_ORDER) {
    const cmds = subs.filter((c) => c.group === g && !c.hidden);
    if (!cmds.length) continue;
    out += `${g}:\n` + cmds.map((c) => `  ${c.name.padEnd(16)}${c.short}\n`).join('') + '\n';
  }
  out += 'Subcommands provided by plugins:\n\n';
  const other = subs.filter((c) => (c.group === 'Other Commands' || !c.group) && !c.hidden);
  out += 'Other Commands:\n' + other.map((c) => `  ${c.name.padEnd(16)}${c.short}\n`).join('') + '\n';
  out += 'Usage:\n  kubectl [flags] [options]\n\nUse "kubectl <command> --help" for more information about a given command.\nUse "kubectl options" for a list of global command-line options (applies to all commands).\n';
  return out;
}

export function optionsHelp(globals: FlagSpec[]): string {
  return `The following options can be passed to any command:\n\n${optionsBlock(globals)}`;
}
