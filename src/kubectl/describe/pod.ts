// The Pod describer (describe.go describePod): header, containers, conditions, volumes, QoS,
// tolerations and events.
import type { KObject } from '../../engine/api/types';
import type { DescribeContext } from './client';
import { describeContainers, describeResources, envValueRetriever } from './containers';
import { describeEvents, searchEvents } from './events';
import { printAnnotationsMultiline, printLabelsMultiline, printTolerationsMultiline } from './multiline';
import { podQOS } from './resources';
import { describeTopologySpreadConstraints } from './topology';
import { describeVolumes } from './volumes';
import { LEVEL_0, LEVEL_1, tabbedString } from './writer';
import type { PrefixWriter } from './writer';
import { int, isSet, list, printController, rec, rfc1123z, since, str, strMap } from './values';
import type { J } from './values';

const MIRROR_POD_ANNOTATION = 'kubernetes.io/config.mirror';

/** describePodIPs: `IPs:  <none>` or one `IP:` line per pod IP. */
export function describePodIPs(pod: J, w: PrefixWriter, space: string): void {
  const ips = list(pod?.status?.podIPs);
  if (ips.length === 0) {
    w.write(LEVEL_0, `${space}IPs:\t<none>\n`);
    return;
  }
  w.write(LEVEL_0, `${space}IPs:\n`);
  for (const ip of ips) w.write(LEVEL_1, `IP:\t${str(ip?.ip)}\n`);
}

/** The text of `kubectl describe pod`. */
export async function describePod(pod: KObject, ctx: DescribeContext): Promise<string> {
  let events: KObject[] | undefined;
  if (ctx.opts.showEvents) {
    // Pods' events are searched without a kind; a mirror pod's events carry its source's UID.
    const ann = strMap(pod.metadata?.annotations);
    const uid = MIRROR_POD_ANNOTATION in ann ? ann[MIRROR_POD_ANNOTATION] : str(pod.metadata?.uid);
    events = await searchEvents(ctx, { name: str(pod.metadata?.name), namespace: str(pod.metadata?.namespace), uid });
  }
  return renderPod(pod, events, ctx.opts.now);
}

/** describePod proper, with the events already fetched. */
export function renderPod(pod: J, events: KObject[] | undefined, now: number): Promise<string> {
  return tabbedString((w) => {
    const meta = pod?.metadata ?? {};
    const spec = pod?.spec ?? {};
    const status = pod?.status ?? {};
    w.write(LEVEL_0, `Name:\t${str(meta.name)}\n`);
    w.write(LEVEL_0, `Namespace:\t${str(meta.namespace)}\n`);
    if (isSet(spec.priority)) w.write(LEVEL_0, `Priority:\t${int(spec.priority)}\n`);
    if (str(spec.priorityClassName) !== '') w.write(LEVEL_0, `Priority Class Name:\t${str(spec.priorityClassName)}\n`);
    if (str(spec.runtimeClassName) !== '') w.write(LEVEL_0, `Runtime Class Name:\t${str(spec.runtimeClassName)}\n`);
    if (str(spec.serviceAccountName) !== '') w.write(LEVEL_0, `Service Account:\t${str(spec.serviceAccountName)}\n`);
    if (str(spec.nodeName) === '') w.write(LEVEL_0, 'Node:\t<none>\n');
    else w.write(LEVEL_0, `Node:\t${str(spec.nodeName)}/${str(status.hostIP)}\n`);
    if (isSet(status.startTime)) w.write(LEVEL_0, `Start Time:\t${rfc1123z(status.startTime)}\n`);
    printLabelsMultiline(w, 'Labels', strMap(meta.labels));
    printAnnotationsMultiline(w, 'Annotations', strMap(meta.annotations));
    const phase = str(status.phase);
    if (isSet(meta.deletionTimestamp) && phase !== 'Failed' && phase !== 'Succeeded') {
      w.write(LEVEL_0, `Status:\tTerminating (lasts ${since(meta.deletionTimestamp, now)})\n`);
      w.write(LEVEL_0, `Termination Grace Period:\t${int(meta.deletionGracePeriodSeconds)}s\n`);
    } else {
      w.write(LEVEL_0, `Status:\t${phase}\n`);
    }
    if (str(status.reason) !== '') w.write(LEVEL_0, `Reason:\t${str(status.reason)}\n`);
    if (str(status.message) !== '') w.write(LEVEL_0, `Message:\t${str(status.message)}\n`);
    const sp = rec(spec.securityContext?.seccompProfile);
    if (sp) {
      w.write(LEVEL_0, `SeccompProfile:\t${str(sp.type)}\n`);
      if (str(sp.type) === 'Localhost') w.write(LEVEL_0, `LocalhostProfile:\t${str(sp.localhostProfile)}\n`);
    }
    w.write(LEVEL_0, `IP:\t${str(status.podIP)}\n`);
    describePodIPs(pod, w, '');
    const controlledBy = printController(pod);
    if (controlledBy !== '') w.write(LEVEL_0, `Controlled By:\t${controlledBy}\n`);
    if (str(status.nominatedNodeName) !== '') w.write(LEVEL_0, `NominatedNodeName:\t${str(status.nominatedNodeName)}\n`);
    if (rec(spec.resources)) {
      w.write(LEVEL_0, 'Resources:\n');
      describeResources(spec.resources, w, LEVEL_1);
    }
    const resolve = envValueRetriever(pod);
    if (list(spec.initContainers).length > 0) describeContainers('Init Containers', spec.initContainers, status.initContainerStatuses, resolve, w, '');
    describeContainers('Containers', spec.containers, status.containerStatuses, resolve, w, '');
    if (list(spec.ephemeralContainers).length > 0) {
      describeContainers('Ephemeral Containers', spec.ephemeralContainers, status.ephemeralContainerStatuses, resolve, w, '');
    }
    const conditions = list(status.conditions);
    const gates = list(spec.readinessGates);
    if (gates.length > 0) {
      w.write(LEVEL_0, 'Readiness Gates:\n  Type\tStatus\n');
      for (const g of gates) {
        const c = conditions.find((x: J) => str(x?.type) === str(g?.conditionType));
        w.write(LEVEL_1, `${str(g?.conditionType)} \t${c ? str(c.status) : '<none>'} \n`);
      }
    }
    if (conditions.length > 0) {
      w.write(LEVEL_0, 'Conditions:\n  Type\tStatus\n');
      for (const c of conditions) w.write(LEVEL_1, `${str(c?.type)} \t${str(c?.status)} \n`);
    }
    describeVolumes(spec.volumes, w, '', now);
    w.write(LEVEL_0, `QoS Class:\t${podQOS(pod)}\n`);
    printLabelsMultiline(w, 'Node-Selectors', strMap(spec.nodeSelector));
    printTolerationsMultiline(w, 'Tolerations', spec.tolerations);
    describeTopologySpreadConstraints(spec.topologySpreadConstraints, w, '');
    if (events) describeEvents(events, w, now);
  });
}
