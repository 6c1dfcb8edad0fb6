// The DaemonSet controller and its pure parts.

export { DaemonSetController, daemonSetControllerFactory } from './controller';
export { reconcileDaemonSet, daemonSetStatus, newDaemonPod, daemonPodSpec } from './reconcile';
export { daemonTolerations, nodeShouldRunDaemonPod, pinToNode, targetNodeName } from './placement';
export { computeHash, daemonSetRevision, REVISION_HASH_LABEL } from './revision';
