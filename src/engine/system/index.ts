// The kube-system workloads of a kubeadm cluster as objects the bootstrap creates, and the two
// small controllers that fill every namespace (root CA ConfigMap, default ServiceAccount).

import type { KObject } from '../api/types';
import { parseTime } from '../util/time';
import { corednsObjects, kubeProxyObjects, kubeadmConfigMaps } from './addons';
import { staticPods } from './static-pods';

export { rootCACertPublisherFactory, rootCAConfigMap, CA_BUNDLE, ROOT_CA_CONFIGMAP } from './root-ca';
export { serviceAccountsControllerFactory } from './serviceaccounts';
export { staticPods, configHash, SYSTEM_NODE_CRITICAL, SYSTEM_CLUSTER_CRITICAL, K8S_VERSION, ETCD_IMAGE } from './static-pods';
export { corednsObjects, kubeProxyObjects, kubeadmConfigMaps, COREFILE, COREDNS_IMAGE, KUBE_PROXY_IMAGE, DNS_SERVICE_IP } from './addons';

/**
 * Everything kube-system holds after `kubeadm init` + addons, for the given created nodes (with
 * uids: the mirror pods are owned by the control-plane Node): ConfigMaps and ServiceAccounts first,
 * then the kube-dns Service, the coredns Deployment, the kube-proxy DaemonSet and the mirror pods.
 * `nowMs` (default: the control-plane node's creation time) stamps kubernetes.io/config.seen.
 */
export function systemObjects(nodes: readonly KObject[], nowMs?: number): KObject[] {
  const out: KObject[] = [...kubeadmConfigMaps(), ...kubeProxyObjects(), ...corednsObjects()];
  const order = (o: KObject) => ['ConfigMap', 'ServiceAccount', 'Service', 'Deployment', 'DaemonSet'].indexOf(o.kind);
  out.sort((a, b) => order(a) - order(b));
  for (const node of nodes) {
    if (!('node-role.kubernetes.io/control-plane' in (node.metadata.labels ?? {}))) continue;
    out.push(...staticPods(node, nowMs ?? parseTime(node.metadata.creationTimestamp) ?? 0));
  }
  return out;
}
