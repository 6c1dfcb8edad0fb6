// The scheduler's public surface: the component factory and the explanation types.

export { Scheduler, schedulerFactory, type SchedulerOptions } from './scheduler';
export type { Placement, FilterVerdict, NodeScore } from './explain';
