// Describers of the apps/v1 workloads: Deployment, ReplicaSet, DaemonSet, StatefulSet.
import type { KObject } from '../../engine/api/types';
import { formatLabels } from '../../engine/api/labels';
import { DescribeError } from './client';
import type { DescribeContext } from './client';
import { deploymentReplicaSets, podStatusForController } from './controller-pods';
import type { PodPhaseCounts } from './controller-pods';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printLabelsMultilineWithIndent } from './multiline';
import { describePodTemplate } from './pod-template';
import { formatLabelSelector, selectorString } from './topology';
import { pvcClass } from './volumes';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { goStrings, int, intOrString, isSet, list, printController, qstr, rec, rfc1123z, str, strMap } from './values';
import type { J } from './values';

function selectorOrThrow(ls: unknown): string {
  const s = selectorString(ls);
  if (!s.ok) throw new DescribeError(s.error);
  return s.value;
}

function podsStatusLine(c: PodPhaseCounts): string {
  return `${c.running} Running / ${c.waiting} Waiting / ${c.succeeded} Succeeded / ${c.failed} Failed`;
}

/** `<intstr>` of an optional IntOrString pointer: `<nil>` when unset. */
function intstrPtr(v: unknown): string {
  return isSet(v) ? intOrString(v) : '<nil>';
}

function conditionsTable(w: PrefixWriter, conditions: unknown): void {
  const cs = list(conditions);
  if (cs.length === 0) return;
  w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\tReason\n');
  w.write(LEVEL_1, '----\t------\t------\n');
  for (const c of cs) w.write(LEVEL_1, `${str(c?.type)} \t${str(c?.status)}\t${str(c?.reason)}\n`);
}

function rsList(rss: J[]): string {
  const s = rss.map((rs) => `${str(rs?.metadata?.name)} (${int(rs?.status?.replicas)}/${int(rs?.spec?.replicas)} replicas created)`).join(', ');
  return s === '' ? '<none>' : s;
}

/** kubectl describe deployment. */
export async function describeDeployment(d: KObject, ctx: DescribeContext): Promise<string> {
  const o = d as J;
  const selector = selectorOrThrow(o.spec?.selector);
  const events = await eventsFor(ctx, d);
  const rss = await deploymentReplicaSets(ctx, o, selector);
  const oldRSs = rss?.oldRSs ?? [];
  const newRSs = rss?.newRS ? [rss.newRS] : [];
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    const status = o.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(o.metadata?.creationTimestamp)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(
      LEVEL_0,
      `Replicas:\t${int(spec.replicas)} desired | ${int(status.updatedReplicas)} updated | ${int(status.replicas)} total | ` +
        `${int(status.availableReplicas)} available | ${int(status.unavailableReplicas)} unavailable\n`,
    );
    w.write(LEVEL_0, `StrategyType:\t${str(spec.strategy?.type)}\n`);
    w.write(LEVEL_0, `MinReadySeconds:\t${int(spec.minReadySeconds)}\n`);
    const ru = rec(spec.strategy?.rollingUpdate);
    if (ru) w.write(LEVEL_0, `RollingUpdateStrategy:\t${intstrPtr(ru.maxUnavailable)} max unavailable, ${intstrPtr(ru.maxSurge)} max surge\n`);
    describePodTemplate(spec.template, w, ctx.opts.now);
    conditionsTable(w, status.conditions);
    if (oldRSs.length > 0 || newRSs.length > 0) {
      w.write(LEVEL_0, `OldReplicaSets:\t${rsList(oldRSs)}\n`);
      w.write(LEVEL_0, `NewReplicaSet:\t${rsList(newRSs)}\n`);
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

/** kubectl describe replicaset. */
export async function describeReplicaSet(rs: KObject, ctx: DescribeContext): Promise<string> {
  const o = rs as J;
  const selector = selectorOrThrow(o.spec?.selector);
  const pods = await podStatusForController(ctx, str(o.metadata?.namespace), selector, str(o.metadata?.uid));
  const events = await eventsFor(ctx, rs);
  return tabbedString((w) => {
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    w.write(LEVEL_0, `Selector:\t${formatLabelSelector(o.spec?.selector)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    const controlledBy = printController(o);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    w.write(LEVEL_0, `Replicas:\t${int(o.status?.replicas)} current / ${int(o.spec?.replicas)} desired\n`);
    w.write(LEVEL_0, 'Pods Status:\t');
    w.write(LEVEL_0, pods.ok ? `${podsStatusLine(pods.counts)}\n` : `error in fetching pods: ${pods.error}\n`);
    describePodTemplate(o.spec?.template ?? {}, w, ctx.opts.now);
    conditionsTable(w, o.status?.conditions);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

async function countsOrThrow(ctx: DescribeContext, o: J, selector: string): Promise<PodPhaseCounts> {
  const pods = await podStatusForController(ctx, str(o.metadata?.namespace), selector, str(o.metadata?.uid));
  if (!pods.ok) throw new DescribeError(pods.error);
  return pods.counts;
}

/** kubectl describe daemonset (upstream prints no Namespace line for it). */
export async function describeDaemonSet(ds: KObject, ctx: DescribeContext): Promise<string> {
  const o = ds as J;
  const selector = selectorOrThrow(o.spec?.selector);
  const counts = await countsOrThrow(ctx, o, selector);
  const events = await eventsFor(ctx, ds);
  return tabbedString((w) => {
    const st = o.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    w.write(LEVEL_0, `Node-Selector:\t${formatLabels(strMap(o.spec?.template?.spec?.nodeSelector))}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Desired Number of Nodes Scheduled: ${int(st.desiredNumberScheduled)}\n`);
    w.write(LEVEL_0, `Current Number of Nodes Scheduled: ${int(st.currentNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Up-to-date Pods: ${int(st.updatedNumberScheduled)}\n`);
    w.write(LEVEL_0, `Number of Nodes Scheduled with Available Pods: ${int(st.numberAvailable)}\n`);
    w.write(LEVEL_0, `Number of Nodes Misscheduled: ${int(st.numberMisscheduled)}\n`);
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(o.spec?.template ?? {}, w, ctx.opts.now);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}

function describeVolumeClaimTemplates(templates: unknown, w: PrefixWriter): void {
  const ts = list(templates);
  if (ts.length === 0) {
    w.write(LEVEL_0, 'Volume Claims:\t<none>\n');
    return;
  }
  w.write(LEVEL_0, 'Volume Claims:\n');
  for (const pvc of ts) {
    w.write(LEVEL_1, `Name:\t${str(pvc?.metadata?.name)}\n`);
    w.write(LEVEL_1, `StorageClass:\t${pvcClass(pvc)}\n`);
    printLabelsMultilineWithIndent(w, '  ', 'Labels', '\t', strMap(pvc?.metadata?.labels));
    printLabelsMultilineWithIndent(w, '  ', 'Annotations', '\t', strMap(pvc?.metadata?.annotations));
    const requests = rec(pvc?.spec?.resources?.requests);
    const capacity = requests && 'storage' in requests ? qstr(requests.storage) : '<default>';
    w.write(LEVEL_1, `Capacity:\t${capacity}\n`);
    w.write(LEVEL_1, `Access Modes:\t${goStrings(pvc?.spec?.accessModes)}\n`);
  }
}

/** kubectl describe statefulset. */
export async function describeStatefulSet(sts: KObject, ctx: DescribeContext): Promise<string> {
  const o = sts as J;
  const selector = selectorOrThrow(o.spec?.selector);
  const counts = await countsOrThrow(ctx, o, selector);
  const events = await eventsFor(ctx, sts);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(o.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Selector:\t${selector}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `Replicas:\t${int(spec.replicas)} desired | ${int(o.status?.replicas)} total\n`);
    w.write(LEVEL_0, `Update Strategy:\t${str(spec.updateStrategy?.type)}\n`);
    const ru = rec(spec.updateStrategy?.rollingUpdate);
    if (ru && isSet(ru.partition)) {
      w.write(LEVEL_1, `Partition:\t${int(ru.partition)}\n`);
      if (isSet(ru.maxUnavailable)) w.write(LEVEL_1, `MaxUnavailable:\t${intOrString(ru.maxUnavailable)}\n`);
    }
    w.write(LEVEL_0, `Pods Status:\t${podsStatusLine(counts)}\n`);
    describePodTemplate(spec.template ?? {}, w, ctx.opts.now);
    describeVolumeClaimTemplates(spec.volumeClaimTemplates, w);
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
