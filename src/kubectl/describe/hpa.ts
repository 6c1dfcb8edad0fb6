// The HorizontalPodAutoscaler (autoscaling/v2) describer: metrics as `current / target`,
// replica bounds, scaling behavior and conditions.
import type { KObject } from '../../engine/api/types';
import { goQuote } from '../../engine/codec/go-quote';
import type { DescribeContext } from './client';
import { describeEvents, eventsFor } from './events';
import { printAnnotationsMultiline, printLabelsMultiline } from './multiline';
import { LEVEL_0, LEVEL_1, LEVEL_2, LEVEL_3, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { int, isSet, list, qptr, rec, rfc1123z, str, strMap } from './values';
import type { J } from './values';

function describeMetric(w: PrefixWriter, metric: J, current: J | undefined): void {
  const type = str(metric?.type);
  const unknown = '<unknown>';
  switch (type) {
    case 'External': {
      const m = metric.external ?? {};
      const cur = rec(current?.external);
      if (isSet(m.target?.averageValue)) {
        const c = cur && isSet(cur.current?.averageValue) ? qptr(cur.current.averageValue) : unknown;
        w.write(LEVEL_1, `${goQuote(str(m.metric?.name))} (target average value):\t${c} / ${qptr(m.target.averageValue)}\n`);
      } else {
        const c = cur ? qptr(cur.current?.value) : unknown;
        w.write(LEVEL_1, `${goQuote(str(m.metric?.name))} (target value):\t${c} / ${qptr(m.target?.value)}\n`);
      }
      return;
    }
    case 'Pods': {
      const m = metric.pods ?? {};
      const c = rec(current?.pods) ? qptr(current.pods.current?.averageValue) : unknown;
      w.write(LEVEL_1, `${goQuote(str(m.metric?.name))} on pods:\t${c} / ${qptr(m.target?.averageValue)}\n`);
      return;
    }
    case 'Object': {
      const m = metric.object ?? {};
      w.write(LEVEL_1, `"${str(m.metric?.name)}" on ${str(m.describedObject?.kind)}/${str(m.describedObject?.name)} `);
      const cur = rec(current?.object);
      if (str(m.target?.type) === 'AverageValue') {
        w.write(LEVEL_0, `(target average value):\t${cur ? qptr(cur.current?.averageValue) : unknown} / ${qptr(m.target?.averageValue)}\n`);
      } else {
        w.write(LEVEL_0, `(target value):\t${cur ? qptr(cur.current?.value) : unknown} / ${qptr(m.target?.value)}\n`);
      }
      return;
    }
    case 'Resource':
    case 'ContainerResource': {
      const isContainer = type === 'ContainerResource';
      const m = (isContainer ? metric.containerResource : metric.resource) ?? {};
      const cur = rec(isContainer ? current?.containerResource : current?.resource);
      w.write(LEVEL_1, isContainer ? `resource ${str(m.name)} of container "${str(m.container)}" on pods` : `resource ${str(m.name)} on pods`);
      if (isSet(m.target?.averageValue)) {
        w.write(LEVEL_0, `:\t${cur ? qptr(cur.current?.averageValue) : unknown} / ${qptr(m.target.averageValue)}\n`);
      } else {
        const c = cur && isSet(cur.current?.averageUtilization) ? `${int(cur.current.averageUtilization)}% (${qptr(cur.current.averageValue)})` : unknown;
        const target = isSet(m.target?.averageUtilization) ? `${int(m.target.averageUtilization)}%` : '<auto>';
        w.write(LEVEL_1, `(as a percentage of request):\t${c} / ${target}\n`);
      }
      return;
    }
    default:
      w.write(LEVEL_1, `<unknown metric type ${goQuote(type)}>\n`);
  }
}

function printDirectionBehavior(w: PrefixWriter, direction: string, rules: J): void {
  if (!rec(rules)) return;
  w.write(LEVEL_1, `${direction}:\n`);
  if (isSet(rules.stabilizationWindowSeconds)) w.write(LEVEL_2, `Stabilization Window: ${int(rules.stabilizationWindowSeconds)} seconds\n`);
  const policies = list(rules.policies);
  if (policies.length === 0) return;
  w.write(LEVEL_2, `Select Policy: ${isSet(rules.selectPolicy) ? str(rules.selectPolicy) : 'Max'}\n`);
  w.write(LEVEL_2, 'Policies:\n');
  for (const p of policies) w.write(LEVEL_3, `- Type: ${str(p?.type)}\tValue: ${int(p?.value)}\tPeriod: ${int(p?.periodSeconds)} seconds\n`);
}

/** kubectl describe hpa (autoscaling/v2). */
export async function describeHPA(hpa: KObject, ctx: DescribeContext): Promise<string> {
  const o = hpa as J;
  const events = await eventsFor(ctx, hpa);
  return tabbedString((w) => {
    const spec = o.spec ?? {};
    const st = o.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(o.metadata?.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(o.metadata?.namespace)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(o.metadata?.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(o.metadata?.annotations));
    w.write(LEVEL_0, `CreationTimestamp:\t${rfc1123z(o.metadata?.creationTimestamp)}\n`);
    w.write(LEVEL_0, `Reference:\t${str(spec.scaleTargetRef?.kind)}/${str(spec.scaleTargetRef?.name)}\n`);
    w.write(LEVEL_0, 'Metrics:\t( current / target )\n');
    const currents = list(st.currentMetrics);
    list(spec.metrics).forEach((m, i) => describeMetric(w, m, currents[i]));
    w.write(LEVEL_0, `Min replicas:\t${isSet(spec.minReplicas) ? int(spec.minReplicas) : '<unset>'}\n`);
    w.write(LEVEL_0, `Max replicas:\t${int(spec.maxReplicas)}\n`);
    if (rec(spec.behavior)) {
      w.write(LEVEL_0, 'Behavior:\n');
      printDirectionBehavior(w, 'Scale Up', spec.behavior.scaleUp);
      printDirectionBehavior(w, 'Scale Down', spec.behavior.scaleDown);
    }
    w.write(LEVEL_0, `${str(spec.scaleTargetRef?.kind)} pods:\t`);
    w.write(LEVEL_0, `${int(st.currentReplicas)} current / ${int(st.desiredReplicas)} desired\n`);
    const conds = list(st.conditions);
    if (conds.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n');
      w.write(LEVEL_1, 'Type\tStatus\tReason\tMessage\n');
      w.write(LEVEL_1, '----\t------\t------\t-------\n');
      for (const c of conds) w.write(LEVEL_1, `${str(c?.type)}\t${str(c?.status)}\t${str(c?.reason)}\t${str(c?.message)}\n`);
    }
    if (events) describeEvents(events, w, ctx.opts.now);
  });
}
