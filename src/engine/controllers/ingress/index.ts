// The ingress-nginx controller simulation: class membership, routing, status and the component.

export { IngressNginxController, ingressNginxControllerFactory, backendServices, INGRESS_NGINX_NAMESPACE, INGRESS_NGINX_CONTROLLER, INGRESS_NGINX_POD_SELECTOR } from './controller';
export type { IngressControllerOptions } from './controller';
export { isOurIngress, isDefaultClass, NGINX_CONTROLLER, INGRESS_CLASS_ANNOTATION, DEFAULT_CLASS_ANNOTATION, DEFAULT_CLASS_CONFIG } from './class';
export type { ClassConfig } from './class';
export { routeIngress, selectServer, hostMatches, prefixMatches, normalizeHost, sortIngresses, tlsSecretFor, DEFAULT_BACKEND_404 } from './route';
export type { IngressRoute, DefaultBackend } from './route';
export { controllerAddresses, ingressStatusUpdate, nodeAddress, sortAddresses, tlsProblems } from './status';
export type { LBIngress } from './status';
