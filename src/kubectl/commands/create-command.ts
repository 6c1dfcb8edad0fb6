// `kubectl create` and its generator subcommands (`create deployment`, `create secret generic`,
// ...) in the command table: help and flags from ./generators/specs; the builders and the code
// that runs them (./create, ./generators) are imported when a create command runs.
import { lazyRun, type CommandDef } from '../cli/command';
import type { FlagSpec } from '../cli/flags';
import { GENERATOR_SPECS } from '../generators/specs';
import type { GeneratorSpec } from '../generators/types';
import { DRY_RUN_FLAG, FILENAME_FLAGS, OUTPUT_FLAG, SHOW_MANAGED_FIELDS_FLAG, TEMPLATE_FLAG, VALIDATE_FLAG } from './common-flags';

const impl = () => import('./create');

/** The flags every create subcommand has besides its own (PrintFlags, dry-run, save-config...). */
export const CREATE_COMMON_FLAGS: FlagSpec[] = [
  { name: 'allow-missing-template-keys', type: 'bool', default: true, usage: 'If true, ignore any errors in templates when a field or map key is missing in the template. Only applies to golang and jsonpath output formats.' },
  DRY_RUN_FLAG,
  { name: 'field-manager', type: 'string', default: 'kubectl-create', usage: 'Name of the manager used to track field ownership.' },
  OUTPUT_FLAG,
  { name: 'save-config', type: 'bool', default: false, usage: 'If true, the configuration of current object will be saved in its annotation. Otherwise, the annotation will be unchanged. This flag is useful when you want to perform kubectl apply on this object in the future.' },
  SHOW_MANAGED_FIELDS_FLAG,
  TEMPLATE_FLAG,
  VALIDATE_FLAG,
];

/** A generator command's entry; its builder and the code that runs it load when it runs. */
export function generatorCommand(g: GeneratorSpec, extra: FlagSpec[] = CREATE_COMMON_FLAGS): CommandDef {
  return {
    name: g.path[g.path.length - 1],
    aliases: g.aliases,
    use: g.use,
    short: g.short,
    long: g.long,
    example: g.example,
    flags: [...g.flags, ...extra.filter((x) => !g.flags.some((y) => y.name === x.name))],
    run: lazyRun(impl, (m) => (inv) => m.runGenerator(g, inv)),
  };
}

function groupSubcommands(parent: string): CommandDef[] {
  const direct = GENERATOR_SPECS.filter((g) => g.path[0] === 'create' && g.path.length === 2);
  const nested = new Map<string, GeneratorSpec[]>();
  for (const g of GENERATOR_SPECS.filter((x) => x.path[0] === 'create' && x.path.length === 3)) {
    const list = nested.get(g.path[1]) ?? [];
    list.push(g);
    nested.set(g.path[1], list);
  }
  const out = direct.map((g) => generatorCommand(g));
  for (const [name, gens] of nested) {
    out.push({
      name,
      use: `${name} (${gens.map((g) => g.path[2]).join(' | ')})`,
      short: name === 'secret' ? 'Create a secret using a specified subcommand' : name === 'service' ? 'Create a service using a specified subcommand' : `Create a ${name}`,
      subcommands: gens.map((g) => generatorCommand(g)),
    });
  }
  void parent;
  return out.sort((a, b) => (a.name < b.name ? -1 : 1));
}

export const createCommand: CommandDef = {
  name: 'create',
  group: 'Basic Commands (Beginner)',
  use: 'create -f FILENAME',
  short: 'Create a resource from a file or from stdin',
  long: `Create a resource from a file or from stdin.

 JSON and YAML formats are accepted.`,
  example: `  # Create a pod using the data in pod.json
  kubectl create -f ./pod.json

  # Create a pod based on the JSON passed into stdin
  cat pod.json | kubectl create -f -

  # Edit the data in registry.yaml in JSON then create the resource using the edited data
  kubectl create -f registry.yaml --edit -o json`,
  flags: [...CREATE_COMMON_FLAGS, ...FILENAME_FLAGS, { name: 'edit', type: 'bool', default: false, usage: 'Edit the API resource before creating' }, { name: 'raw', type: 'string', default: '', usage: 'Raw URI to POST to the server.  Uses the transport specified by the kubeconfig file.' }, { name: 'selector', short: 'l', type: 'string', default: '', usage: 'Selector (label query) to filter on, supports \'=\', \'==\', and \'!=\'.(e.g. -l key1=value1,key2=value2). Matching objects must satisfy all of the specified label constraints.' }],
  subcommands: groupSubcommands('create'),
  run: lazyRun(impl, (m) => m.runCreateFromFiles),
};
