// Plain Deployment / ReplicaSet objects for the pure-function tests (upstream's newDeployment
// and rs helpers: maxSurge and maxUnavailable default to 0).

import type { ReplicaSetView } from '../../../../src/engine/controllers/replicaset/pods';
import type { DeploymentView, IntOrString } from '../../../../src/engine/controllers/deployment/types';

export function dep(replicas: number, surge?: IntOrString, unavailable?: IntOrString, type = 'RollingUpdate'): DeploymentView {
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'foo', namespace: 'default', uid: 'd-uid', generation: 1 },
    spec: {
      replicas,
      selector: { matchLabels: { foo: 'bar' } },
      template: { metadata: { labels: { foo: 'bar' } }, spec: { containers: [{ name: 'c', image: 'nginx' }] } },
      strategy: type === 'RollingUpdate' ? { type, rollingUpdate: { maxSurge: surge ?? 0, maxUnavailable: unavailable ?? 0 } } : { type },
    },
  };
}

export function rs(name: string, replicas: number, created = '2025-01-01T00:00:00Z', available = 0): ReplicaSetView {
  return {
    apiVersion: 'apps/v1',
    kind: 'ReplicaSet',
    metadata: { name, namespace: 'default', uid: `${name}-uid`, creationTimestamp: created },
    spec: { replicas, selector: { matchLabels: { foo: 'bar' } }, template: { metadata: { labels: { foo: 'bar' } } } },
    status: { replicas, availableReplicas: available },
  };
}

