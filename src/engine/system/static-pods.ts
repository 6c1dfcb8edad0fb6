// The control-plane static pods kubeadm writes to /etc/kubernetes/manifests, as the kubelet
// mirrors them into the API: etcd, kube-apiserver, kube-controller-manager and kube-scheduler on
// the control-plane node (`<component>-<node>`, owned by the Node, config.* annotations).

import type { KObject } from '../api/types';

export const K8S_VERSION = 'v1.32.4';
export const ETCD_IMAGE = 'registry.k8s.io/etcd:3.5.16-0';
export const SYSTEM_NODE_CRITICAL = 2000001000;
export const SYSTEM_CLUSTER_CRITICAL = 2000000000;

/** 32 hex digits from a string (the kubelet's config hash is an md5 of the manifest; ours is stable, not md5). */
export function configHash(s: string): string {
  let out = '';
  let h = 0x811c9dc5;
  for (let round = 0; round < 4; round++) {
    for (let i = 0; i < s.length; i++) {
      h ^= s.charCodeAt(i) + round;
      h = Math.imul(h, 0x01000193) >>> 0;
    }
    out += h.toString(16).padStart(8, '0');
  }
  return out;
}

function nodeIP(node: KObject): string {
  const addrs = ((node.status as { addresses?: { type: string; address: string }[] } | undefined)?.addresses ?? []);
  return addrs.find((a) => a.type === 'InternalIP')?.address ?? '';
}

interface Static {
  component: string;
  image: string;
  command: string[];
  cpu: string;
  memory?: string;
  probePort: number;
  probeHost: string;
  probeScheme: 'HTTP' | 'HTTPS';
  liveness: string;
  readiness?: string;
  startup: string;
  extraAnnotations: Record<string, string>;
}

function components(ip: string, node: string): Static[] {
  return [
    {
      component: 'etcd',
      image: ETCD_IMAGE,
      command: ['etcd', `--advertise-client-urls=https://${ip}:2379`, '--cert-file=/etc/kubernetes/pki/etcd/server.crt', '--client-cert-auth=true', '--data-dir=/var/lib/etcd', '--experimental-initial-corrupt-check=true', '--experimental-watch-progress-notify-interval=5s', `--initial-advertise-peer-urls=https://${ip}:2380`, `--initial-cluster=${node}=https://${ip}:2380`, '--key-file=/etc/kubernetes/pki/etcd/server.key', `--listen-client-urls=https://127.0.0.1:2379,https://${ip}:2379`, '--listen-metrics-urls=http://127.0.0.1:2381', `--listen-peer-urls=https://${ip}:2380`, `--name=${node}`, '--peer-cert-file=/etc/kubernetes/pki/etcd/peer.crt', '--peer-client-cert-auth=true', '--peer-key-file=/etc/kubernetes/pki/etcd/peer.key', '--peer-trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt', '--snapshot-count=10000', '--trusted-ca-file=/etc/kubernetes/pki/etcd/ca.crt'],
      cpu: '100m',
      memory: '100Mi',
      probePort: 2381,
      probeHost: '127.0.0.1',
      probeScheme: 'HTTP',
      liveness: '/livez',
      readiness: '/readyz',
      startup: '/readyz',
      extraAnnotations: { 'kubeadm.kubernetes.io/etcd.advertise-client-urls': `https://${ip}:2379` },
    },
    {
      component: 'kube-apiserver',
      image: `registry.k8s.io/kube-apiserver:${K8S_VERSION}`,
      command: ['kube-apiserver', `--advertise-address=${ip}`, '--allow-privileged=true', '--authorization-mode=Node,RBAC', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--enable-admission-plugins=NodeRestriction', '--enable-bootstrap-token-auth=true', '--etcd-servers=https://127.0.0.1:2379', '--runtime-config=', '--secure-port=6443', '--service-account-issuer=https://kubernetes.default.svc.cluster.local', '--service-account-key-file=/etc/kubernetes/pki/sa.pub', '--service-account-signing-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/16', '--tls-cert-file=/etc/kubernetes/pki/apiserver.crt', '--tls-private-key-file=/etc/kubernetes/pki/apiserver.key'],
      cpu: '250m',
      probePort: 6443,
      probeHost: ip,
      probeScheme: 'HTTPS',
      liveness: '/livez',
      readiness: '/readyz',
      startup: '/livez',
      extraAnnotations: { 'kubeadm.kubernetes.io/kube-apiserver.advertise-address.endpoint': `${ip}:6443` },
    },
    {
      component: 'kube-controller-manager',
      image: `registry.k8s.io/kube-controller-manager:${K8S_VERSION}`,
      command: ['kube-controller-manager', '--allocate-node-cidrs=true', '--authentication-kubeconfig=/etc/kubernetes/controller-manager.conf', '--authorization-kubeconfig=/etc/kubernetes/controller-manager.conf', '--bind-address=127.0.0.1', '--client-ca-file=/etc/kubernetes/pki/ca.crt', '--cluster-cidr=10.244.0.0/16', '--cluster-name=kubeplay', '--cluster-signing-cert-file=/etc/kubernetes/pki/ca.crt', '--cluster-signing-key-file=/etc/kubernetes/pki/ca.key', '--controllers=*,bootstrapsigner,tokencleaner', '--enable-hostpath-provisioner=true', '--kubeconfig=/etc/kubernetes/controller-manager.conf', '--leader-elect=true', '--requestheader-client-ca-file=/etc/kubernetes/pki/front-proxy-ca.crt', '--root-ca-file=/etc/kubernetes/pki/ca.crt', '--service-account-private-key-file=/etc/kubernetes/pki/sa.key', '--service-cluster-ip-range=10.96.0.0/16', '--use-service-account-credentials=true'],
      cpu: '200m',
      probePort: 10257,
      probeHost: '127.0.0.1',
      probeScheme: 'HTTPS',
      liveness: '/healthz',
      startup: '/healthz',
      extraAnnotations: {},
    },
    {
      component: 'kube-scheduler',
      image: `registry.k8s.io/kube-scheduler:${K8S_VERSION}`,
      command: ['kube-scheduler', '--authentication-kubeconfig=/etc/kubernetes/scheduler.conf', '--authorization-kubeconfig=/etc/kubernetes/scheduler.conf', '--bind-address=127.0.0.1', '--kubeconfig=/etc/kubernetes/scheduler.conf', '--leader-elect=true'],
      cpu: '100m',
      probePort: 10259,
      probeHost: '127.0.0.1',
      probeScheme: 'HTTPS',
      liveness: '/livez',
      readiness: '/readyz',
      startup: '/livez',
      extraAnnotations: {},
    },
  ];
}

function probe(s: Static, path: string, failureThreshold: number, initialDelaySeconds: number) {
  return { failureThreshold, httpGet: { host: s.probeHost, path, port: s.probePort, scheme: s.probeScheme }, initialDelaySeconds, periodSeconds: 10, timeoutSeconds: 15 };
}

/**
 * The four mirror pods of a control-plane node. `node` must be the created Node (its uid goes into
 * the ownerReference); `seenMs` is when the kubelet first saw the manifests.
 */
export function staticPods(node: KObject, seenMs: number): KObject[] {
  const nodeName = node.metadata.name!;
  const ip = nodeIP(node);
  const seen = new Date(seenMs).toISOString().replace(/\.(\d{3})Z$/, '.$1000000Z');
  return components(ip, nodeName).map((s) => {
    const hash = configHash(`${s.component}/${nodeName}/${ip}`);
    const requests: Record<string, string> = { cpu: s.cpu };
    if (s.memory) requests.memory = s.memory;
    return {
      apiVersion: 'v1',
      kind: 'Pod',
      metadata: {
        name: `${s.component}-${nodeName}`,
        namespace: 'kube-system',
        labels: { component: s.component, tier: 'control-plane' },
        annotations: {
          ...s.extraAnnotations,
          'kubernetes.io/config.hash': hash,
          'kubernetes.io/config.mirror': hash,
          'kubernetes.io/config.seen': seen,
          'kubernetes.io/config.source': 'file',
        },
        ownerReferences: [{ apiVersion: 'v1', controller: true, kind: 'Node', name: nodeName, uid: node.metadata.uid ?? '' }],
      },
      spec: {
        containers: [
          {
            name: s.component,
            image: s.image,
            imagePullPolicy: 'IfNotPresent',
            command: s.command,
            livenessProbe: probe(s, s.liveness, 8, 10),
            ...(s.readiness ? { readinessProbe: { failureThreshold: 3, httpGet: { host: s.probeHost, path: s.readiness, port: s.probePort, scheme: s.probeScheme }, periodSeconds: 1, timeoutSeconds: 15 } } : {}),
            resources: { requests },
            startupProbe: probe(s, s.startup, 24, 10),
            terminationMessagePath: '/dev/termination-log',
            terminationMessagePolicy: 'File',
          },
        ],
        dnsPolicy: 'ClusterFirst',
        enableServiceLinks: true,
        hostNetwork: true,
        nodeName,
        preemptionPolicy: 'PreemptLowerPriority',
        priority: SYSTEM_NODE_CRITICAL,
        priorityClassName: 'system-node-critical',
        restartPolicy: 'Always',
        schedulerName: 'default-scheduler',
        securityContext: { seccompProfile: { type: 'RuntimeDefault' } },
        terminationGracePeriodSeconds: 30,
        tolerations: [{ effect: 'NoExecute', operator: 'Exists' }],
      },
    };
  });
}
