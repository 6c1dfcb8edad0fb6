// describeTopologySpreadConstraints and metav1.FormatLabelSelector, shared by pods and templates.
import { selectorFromLabelSelector } from '../../engine/api/labels';
import type { LabelSelector } from '../../engine/api/labels';
import { LEVEL_0 } from './writer';
import type { PrefixWriter } from './writer';
import { int, list, rec, str } from './values';
import type { J } from './values';

/** metav1.FormatLabelSelector: the selector string, `<none>` when empty, `<error>` when invalid. */
export function formatLabelSelector(ls: unknown): string {
  try {
    const s = selectorFromLabelSelector((rec(ls) as LabelSelector | undefined) ?? null).toString();
    return s === '' ? '<none>' : s;
  } catch {
    return '<error>';
  }
}

/** LabelSelectorAsSelector(...).String(), or the error text. */
export function selectorString(ls: unknown): { ok: true; value: string } | { ok: false; error: string } {
  try {
    return { ok: true, value: selectorFromLabelSelector((rec(ls) as LabelSelector | undefined) ?? null).toString() };
  } catch (e) {
    return { ok: false, error: e instanceof Error ? e.message : String(e) };
  }
}

/** `Topology Spread Constraints:  key:Effect when max skew N is exceeded for selector S`. */
export function describeTopologySpreadConstraints(tscs: unknown, w: PrefixWriter, space: string): void {
  const items = list(tscs);
  if (items.length === 0) return;
  const sorted = [...items].sort((a: J, b: J) => (str(a?.topologyKey) < str(b?.topologyKey) ? -1 : str(a?.topologyKey) > str(b?.topologyKey) ? 1 : 0));
  w.write(LEVEL_0, `${space}Topology Spread Constraints:\t`);
  sorted.forEach((t: J, i) => {
    if (i !== 0) {
      w.write(LEVEL_0, space);
      w.write(LEVEL_0, '\t');
    }
    let line = `${str(t?.topologyKey)}:${str(t?.whenUnsatisfiable)} when max skew ${int(t?.maxSkew)} is exceeded`;
    if (rec(t?.labelSelector)) line += ` for selector ${formatLabelSelector(t.labelSelector)}`;
    w.write(LEVEL_0, line + '\n');
  });
}
