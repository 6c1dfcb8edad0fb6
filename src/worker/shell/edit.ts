// `kubectl edit` in the browser: instead of a terminal editor, the live object opens in the page's
// editor, where saving applies it with its resourceVersion (conflicts shown there), as `kubectl
// edit` does on save. The object is looked up first, so a wrong name fails with kubectl's error.

import { capturedKubectl } from './capture';
import type { CommandIO, ShellWorld } from './world';

interface Found {
  kind: string;
  metadata: { name: string; namespace?: string };
}

export async function editInEditor(world: ShellWorld, args: string[], io: CommandIO): Promise<number> {
  // Output flags of edit have no meaning for the lookup.
  const lookup = args.filter((a) => !/^(-o|--output)(=|$)/.test(a) && !/^--(output-patch|record|save-config|windows-line-endings)/.test(a));
  const { code, out } = await capturedKubectl(world, false)(['get', ...lookup, '-o', 'json']);
  if (code !== 0) {
    io.err(out);
    return code;
  }
  let found: Found[];
  try {
    const parsed = JSON.parse(out) as Found & { items?: Found[] };
    found = parsed.items ?? [parsed];
  } catch {
    io.err('error: the object could not be read\n');
    return 1;
  }
  if (found.length === 0) {
    io.err('error: no objects passed to edit\n');
    return 1;
  }
  if (found.length > 1) {
    io.err(`error: the editor opens one object at a time; ${found.length} match: name one (kubectl edit TYPE NAME)\n`);
    return 1;
  }
  const { kind, metadata } = found[0];
  world.openEditor({ kind, namespace: metadata.namespace, name: metadata.name });
  io.out(`Editing ${kind.toLowerCase()} "${metadata.name}" in the editor: save it (Ctrl-S) to apply.\n`);
  return 0;
}
