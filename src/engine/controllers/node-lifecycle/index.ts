// The node lifecycle components: node health and taints, taint-based eviction, and pod GC.

export { NodeLifecycleController, nodeLifecycleControllerFactory } from './controller';
export { TaintEvictionController, taintEvictionControllerFactory, evictionPlan } from './taint-eviction';
export { PodGCController, podGCControllerFactory } from './pod-gc';
