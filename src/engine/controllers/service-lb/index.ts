// The simulated cloud-controller-manager's service controller (LoadBalancer Services).
export { ServiceLoadBalancerController, serviceLoadBalancerControllerFactory, LB_PROVISION_DELAY_MS, LB_UPDATE_DELAY_MS } from './controller';
export { allocateAddress, needsCleanup, needsUpdate, wantsLoadBalancer, LB_FINALIZER } from './lb';
