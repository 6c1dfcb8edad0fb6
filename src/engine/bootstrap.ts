// The objects a fresh default cluster starts with, as kubeadm/kind leaves them: the four
// namespaces, the `kubernetes` Service, one control-plane node (tainted NoSchedule) and the
// worker nodes.

import type { KObject } from './api/types';

export interface NodeShape {
  cpu: string;
  memory: string;
  pods: string;
}

export const DEFAULT_WORKER: NodeShape = { cpu: '2', memory: '4Gi', pods: '110' };

export const CLUSTER_NAME = 'kubeplay';

function namespace(name: string): KObject {
  return { apiVersion: 'v1', kind: 'Namespace', metadata: { name } };
}

/** Node names as kind names them: `<cluster>-control-plane`, `<cluster>-worker`, `-worker2`, ... */
export function workerName(i: number): string {
  return i === 0 ? `${CLUSTER_NAME}-worker` : `${CLUSTER_NAME}-worker${i + 1}`;
}

/** A Node object as a kubelet registers it, Ready. `index` picks its addresses and pod CIDR. */
export function nodeObject(name: string, index: number, shape: NodeShape, controlPlane: boolean, now: string): KObject {
  const labels: Record<string, string> = {
    'beta.kubernetes.io/arch': 'amd64',
    'beta.kubernetes.io/os': 'linux',
    'kubernetes.io/arch': 'amd64',
    'kubernetes.io/hostname': name,
    'kubernetes.io/os': 'linux',
  };
  if (controlPlane) {
    labels['node-role.kubernetes.io/control-plane'] = '';
    labels['node.kubernetes.io/exclude-from-external-load-balancers'] = '';
  }
  const cidr = `10.244.${index}.0/24`;
  const resources = { cpu: shape.cpu, 'ephemeral-storage': '100Gi', 'hugepages-1Gi': '0', 'hugepages-2Mi': '0', memory: shape.memory, pods: shape.pods };
  const cond = (type: string, status: string, reason: string, message: string) => ({
    type,
    status,
    reason,
    message,
    lastHeartbeatTime: now,
    lastTransitionTime: now,
  });
  return {
    apiVersion: 'v1',
    kind: 'Node',
    metadata: {
      name,
      labels,
      annotations: {
        'kubeadm.alpha.kubernetes.io/cri-socket': 'unix:///run/containerd/containerd.sock',
        'node.alpha.kubernetes.io/ttl': '0',
        'volumes.kubernetes.io/controller-managed-attach-detach': 'true',
      },
    },
    spec: {
      podCIDR: cidr,
      podCIDRs: [cidr],
      providerID: `kind://docker/${CLUSTER_NAME}/${name}`,
      ...(controlPlane ? { taints: [{ effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane' }] } : {}),
    },
    status: {
      addresses: [
        { address: `172.18.0.${index + 2}`, type: 'InternalIP' },
        { address: name, type: 'Hostname' },
      ],
      allocatable: resources,
      capacity: resources,
      conditions: [
        cond('MemoryPressure', 'False', 'KubeletHasSufficientMemory', 'kubelet has sufficient memory available'),
        cond('DiskPressure', 'False', 'KubeletHasNoDiskPressure', 'kubelet has no disk pressure'),
        cond('PIDPressure', 'False', 'KubeletHasSufficientPID', 'kubelet has sufficient PID available'),
        cond('Ready', 'True', 'KubeletReady', 'kubelet is posting ready status'),
      ],
      daemonEndpoints: { kubeletEndpoint: { Port: 10250 } },
      nodeInfo: {
        architecture: 'amd64',
        bootID: '',
        containerRuntimeVersion: 'containerd://1.7.24',
        kernelVersion: '6.8.0-kubeplay',
        kubeProxyVersion: 'v1.32.4',
        kubeletVersion: 'v1.32.4',
        machineID: '',
        operatingSystem: 'linux',
        osImage: 'Debian GNU/Linux 12 (bookworm)',
        systemUUID: '',
      },
    },
  };
}

export function bootstrapObjects(opts: { workers: number; worker?: Partial<NodeShape>; now: string }): KObject[] {
  const shape = { ...DEFAULT_WORKER, ...opts.worker };
  const objs: KObject[] = ['default', 'kube-node-lease', 'kube-public', 'kube-system'].map(namespace);
  objs.push({
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'kubernetes', namespace: 'default', labels: { component: 'apiserver', provider: 'kubernetes' } },
    spec: {
      clusterIP: '10.96.0.1',
      clusterIPs: ['10.96.0.1'],
      ports: [{ name: 'https', port: 443, protocol: 'TCP', targetPort: 6443 }],
      sessionAffinity: 'None',
      type: 'ClusterIP',
    },
  });
  objs.push(nodeObject(`${CLUSTER_NAME}-control-plane`, 0, { ...DEFAULT_WORKER }, true, opts.now));
  for (let i = 0; i < opts.workers; i++) objs.push(nodeObject(workerName(i), i + 1, shape, false, opts.now));
  return objs;
}
