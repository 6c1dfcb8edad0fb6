// The Endpoints controller and the apiserver's `kubernetes` Service endpoint reconciler.
export { EndpointsController, endpointsControllerFactory } from './controller';
export { KubernetesServiceEndpoints, kubernetesServiceEndpointsFactory } from './kubernetes-service';
export { computeSubsets, endpointsToWrite, repackSubsets } from './reconcile';
