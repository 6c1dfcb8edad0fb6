// Rollout history (kubectl polymorphichelpers/history.go): a Deployment's revisions from its
// ReplicaSets, a DaemonSet's or StatefulSet's from its ControllerRevisions; the REVISION /
// CHANGE-CAUSE table, or one revision's pod template as DescribePodTemplate prints it.

import type { KObject } from '../../engine/api/types';
import { describePodTemplate } from '../describe/pod-template';
import type { J } from '../describe/values';
import { str } from '../describe/values';
import type { PrefixWriter } from '../describe/writer';
import { describeWriter } from '../printers/tabwriter';

export const CHANGE_CAUSE = 'kubernetes.io/change-cause';
export const REVISION_ANNOTATION = 'deployment.kubernetes.io/revision';

/** deploymentutil.Revision: the revision annotation parsed, or undefined when absent or invalid. */
export function revisionOf(obj: J): number | undefined {
  const v = str(obj?.metadata?.annotations?.[REVISION_ANNOTATION]);
  return /^-?\d+$/.test(v) ? Number(v) : undefined;
}

/**
 * The PrefixWriter that printTemplate uses (describe.NewPrefixWriter straight onto a buffer):
 * no tabwriter, so the TABs stay in the output as they are.
 */
export class RawPrefixWriter implements PrefixWriter {
  text = '';
  write(level: number, s: string): void {
    this.text += '  '.repeat(Math.max(0, level)) + s;
  }
  writeLine(...a: Array<string | number | boolean>): void {
    this.text += a.map(String).join(' ') + '\n';
  }
  flush(): void {}
}

/** printTemplate: DescribePodTemplate without alignment. */
export function printTemplate(template: J, now: number): string {
  const w = new RawPrefixWriter();
  describePodTemplate(template, w, now);
  return w.text;
}

function table(rows: Array<[number, string | undefined]>, withCause: boolean): string {
  const tw = describeWriter();
  tw.write(withCause ? 'REVISION\tCHANGE-CAUSE\n' : 'REVISION\n');
  for (const [r, cause] of rows) tw.write(withCause ? `${r}\t${cause || '<none>'}\n` : `${r}\n`);
  return tw.flush();
}

/** A history lookup that fails, printed as `error: <message>`. */
export class HistoryError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'HistoryError';
  }
}

/**
 * DeploymentHistoryViewer.ViewHistory over the Deployment's ReplicaSets (old and new). A later
 * ReplicaSet with the same revision wins, as the map assignment upstream does.
 */
export function deploymentHistory(replicaSets: readonly J[], revision: number, now: number): string {
  const info = new Map<number, J>();
  for (const rs of replicaSets) {
    const v = revisionOf(rs);
    if (v === undefined) continue;
    const template = JSON.parse(JSON.stringify(rs?.spec?.template ?? {}));
    template.metadata ??= {};
    template.metadata.annotations ??= {};
    const cause = str(rs?.metadata?.annotations?.[CHANGE_CAUSE]);
    if (cause) template.metadata.annotations[CHANGE_CAUSE] = cause;
    info.set(v, template);
  }
  if (info.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const t = info.get(revision);
    if (!t) throw new HistoryError('unable to find the specified revision');
    return printTemplate(t, now);
  }
  const revs = [...info.keys()].sort((a, b) => a - b);
  return table(revs.map((r) => [r, str(info.get(r)?.metadata?.annotations?.[CHANGE_CAUSE])]), true);
}

/** The pod template a ControllerRevision records (its data is `{spec:{template:{..., $patch: replace}}}`). */
export function revisionTemplate(cr: J): J {
  const t = JSON.parse(JSON.stringify(cr?.data?.spec?.template ?? {}));
  delete t.$patch;
  return t;
}

/** ControllerRevisions owned (as controller) by `owner`, e.g. a DaemonSet's history. */
export function controlledRevisions(all: readonly KObject[], owner: KObject): J[] {
  const uid = owner.metadata.uid;
  return all.filter((cr) => (cr.metadata.ownerReferences ?? []).some((r) => r.controller === true && r.uid === uid));
}

/** DaemonSetHistoryViewer / StatefulSetHistoryViewer (the latter prints REVISION only). */
export function controllerRevisionHistory(revisions: readonly J[], revision: number, kind: 'DaemonSet' | 'StatefulSet', now: number): string {
  const info = new Map<number, J>();
  for (const cr of revisions) info.set(Number(cr?.revision ?? 0), cr);
  if (info.size === 0) return 'No rollout history found.';
  if (revision > 0) {
    const cr = info.get(revision);
    if (!cr) throw new HistoryError('unable to find the specified revision');
    return printTemplate(revisionTemplate(cr), now);
  }
  const revs = [...info.keys()].sort((a, b) => a - b);
  return table(revs.map((r) => [r, str(info.get(r)?.metadata?.annotations?.[CHANGE_CAUSE])]), kind === 'DaemonSet');
}
