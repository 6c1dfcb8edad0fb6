// DescribePodTemplate: the `Pod Template:` block shared by workload describers.
import { LEVEL_0, LEVEL_1 } from './writer';
import type { PrefixWriter } from './writer';
import { describeContainers } from './containers';
import { describeTopologySpreadConstraints } from './topology';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline';
import { describeVolumes } from './volumes';
import { list, rec, str, strMap } from './values';
import type { J } from './values';

/** DescribePodTemplate: labels, annotations, containers, volumes, node selectors, tolerations. */
export function describePodTemplate(template: J, w: PrefixWriter, now: number): void {
  w.write(LEVEL_0, 'Pod Template:\n');
  if (!rec(template)) {
    w.write(LEVEL_1, '<unset>');
    return;
  }
  const meta = template.metadata ?? {};
  const spec = template.spec ?? {};
  printLabelsMultiline(w, '  Labels', strMap(meta.labels));
  const annotations = strMap(meta.annotations);
  if (Object.keys(annotations).length > 0) printAnnotationsMultiline(w, '  Annotations', annotations);
  if (str(spec.serviceAccountName) !== '') w.write(LEVEL_1, `Service Account:\t${str(spec.serviceAccountName)}\n`);
  if (list(spec.initContainers).length > 0) describeContainers('Init Containers', spec.initContainers, undefined, undefined, w, '  ');
  describeContainers('Containers', spec.containers, undefined, undefined, w, '  ');
  describeVolumes(spec.volumes, w, '  ', now);
  describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '  ');
  if (str(spec.priorityClassName) !== '') w.write(LEVEL_1, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
  printLabelsMultiline(w, '  Node-Selectors', strMap(spec.nodeSelector));
  printTolerationsMultiline(w, '  Tolerations', spec.tolerations);
}
