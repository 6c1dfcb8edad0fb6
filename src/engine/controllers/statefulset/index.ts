// The StatefulSet controller and its pure parts.

export { StatefulSetController, statefulSetControllerFactory } from './controller';
export { reconcileStatefulSet, statefulSetStatus, type Revisions, type StatefulSetPlan } from './reconcile';
export { claimName, claimsFor, newStatefulPod, ordinalOf, podName, type StatefulSetView } from './identity';
