// TriggerTimeTracker (pkg/controller/util/endpoint/trigger_time_tracker.go): the time of the
// earliest change (a pod's Ready transition, the Service's creation) not yet reflected in the
// Service's Endpoints/EndpointSlices, for the last-change-trigger-time annotation.

import type { EndpointPodView, ServiceView } from './pods';
import { podTriggerTime } from './pods';
import { parseTime } from '../../util/time';

interface ServiceState {
  pods: Map<string, number>;
  service: number | undefined;
}

export class TriggerTimeTracker {
  private readonly states = new Map<string, ServiceState>();

  /**
   * ComputeEndpointLastChangeTriggerTime: for a Service seen for the first time, its creation
   * time; afterwards the minimum of the trigger times that moved since the last call (undefined
   * when none did). Example: pods a (Ready at 10 s) and b (Ready at 12 s) were seen; b turns
   * not-ready at 30 s -> 30 s; a call with nothing new -> undefined.
   */
  compute(key: string, svc: ServiceView, pods: readonly EndpointPodView[]): number | undefined {
    const state = this.states.get(key);
    let min: number | undefined;
    const podTimes = new Map<string, number>();
    for (const pod of pods) {
      const t = podTriggerTime(pod);
      if (t === undefined) continue;
      const name = pod.metadata.name ?? '';
      podTimes.set(name, t);
      const last = state?.pods.get(name);
      if (last === undefined || t > last) min = min === undefined ? t : Math.min(min, t);
    }
    const svcTime = parseTime(svc.metadata.creationTimestamp);
    if (svcTime !== undefined && (state?.service === undefined || svcTime > state.service)) min = min === undefined ? svcTime : Math.min(min, svcTime);
    this.states.set(key, { pods: podTimes, service: svcTime });
    if (!state) return svcTime;
    return min;
  }

  /** DeleteService: forget a Service that is gone. */
  delete(key: string): void {
    this.states.delete(key);
  }
}
