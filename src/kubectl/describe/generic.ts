// The generic describer for kinds without a dedicated one (Lease, Event, ControllerRevision,
// CustomResourceDefinition, custom resources): every field of the object, labelled smartly.
import type { KObject } from '../../engine/api/types';
import { compareGo } from '../../engine/api/labels';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { goValue, rec, str, strMap } from './values';

const ACRONYMS = new Set(['API', 'URL', 'UID', 'OSB', 'GUID']);

// fatih/camelcase character classes: lower, upper, digit, other.
function charClass(ch: string): number {
  if (/\p{Ll}/u.test(ch)) return 1;
  if (/\p{Lu}/u.test(ch)) return 2;
  if (/\p{Nd}/u.test(ch)) return 3;
  return 4;
}

/** fatih/camelcase.Split: runs of one class; an upper run's last letter starts the next word. */
export function camelSplit(s: string): string[] {
  const runs: string[][] = [];
  let last = 0;
  for (const ch of s) {
    const c = charClass(ch);
    if (c === last && runs.length > 0) runs[runs.length - 1].push(ch);
    else runs.push([ch]);
    last = c;
  }
  // "PDFLoader" -> "PDF", "Loader": move the last upper letter onto a following lower run.
  for (let i = 0; i < runs.length - 1; i++) {
    if (charClass(runs[i][0]) === 2 && charClass(runs[i + 1][0]) === 1) {
      runs[i + 1].unshift(runs[i].pop() as string);
    }
  }
  return runs.filter((r) => r.length > 0).map((r) => r.join(''));
}

/** smartLabelFor: `apiVersion` -> `API Version`; fields with digits or symbols stay as they are. */
export function smartLabelFor(field: string): string {
  for (const ch of field) if (!/\p{L}/u.test(ch) && ch !== '-') return field;
  return camelSplit(field)
    .filter((p) => p !== '_')
    .map((p) => (ACRONYMS.has(p.toUpperCase()) ? p.toUpperCase() : p.charAt(0).toUpperCase() + p.slice(1)))
    .join(' ');
}

/** The fields the generic describer prints in its header instead (or not at all). */
export const GENERIC_SKIP: ReadonlySet<string> = new Set(['.metadata.managedFields', '.metadata.name', '.metadata.namespace', '.metadata.labels', '.metadata.annotations']);

/** printUnstructuredContent: fields sorted, maps and lists nested one level deeper. */
export function printUnstructuredContent(
  w: PrefixWriter,
  level: number,
  content: Record<string, unknown>,
  skipPrefix: string,
  skip: ReadonlySet<string> = GENERIC_SKIP,
): void {
  for (const field of Object.keys(content).sort(compareGo)) {
    const value = content[field];
    const skipExpr = `${skipPrefix}.${field}`;
    if (skip.has(skipExpr)) continue;
    const asMap = rec(value);
    if (asMap) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      printUnstructuredContent(w, level + 1, asMap, skipExpr, skip);
    } else if (Array.isArray(value)) {
      w.write(level, `${smartLabelFor(field)}:\n`);
      for (const child of value) {
        const childMap = rec(child);
        if (childMap) printUnstructuredContent(w, level + 1, childMap, skipExpr, skip);
        else w.write(level + 1, `${goValue(child)}\n`);
      }
    } else {
      w.write(level, `${smartLabelFor(field)}:\t${goValue(value)}\n`);
    }
  }
}

/** The generic describer (describe.go genericDescriber). */
export async function describeGeneric(obj: KObject, ctx: DescribeContext): Promise<string> {
  const events = await eventsFor(ctx, obj);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(obj.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(obj.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(obj.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(obj.metadata?.annotations));
    printUnstructuredContent(w, LEVEL_0, obj as Record<string, unknown>, '');
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
