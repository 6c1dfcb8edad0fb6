import { describe, expect, it } from 'vitest';
import { completeLine, type CompletionSource } from '../../src/worker/completion';

const objects: Record<string, Record<string, string[]>> = {
  default: { deployments: ['web', 'worker'], pods: ['web-1', 'web-2', 'db-0'], nodes: ['kubeplay-control-plane', 'kubeplay-worker'] },
  'kube-system': { pods: ['coredns-1', 'etcd-kubeplay-control-plane'], nodes: ['kubeplay-control-plane', 'kubeplay-worker'] },
};
const alias: Record<string, string> = { deploy: 'deployments', deployment: 'deployments', po: 'pods', pod: 'pods', node: 'nodes', no: 'nodes' };

const src: CompletionSource = {
  files: () => ['deployment.yml', 'service.yml', 'notes.txt'],
  resourceWords: () => ['deployments', 'deployment', 'deploy', 'pods', 'pod', 'po', 'services', 'service', 'svc', 'nodes', 'node', 'no'],
  objectNames: (word, ns) => objects[ns]?.[alias[word] ?? word] ?? [],
  namespaces: () => ['default', 'kube-system'],
  currentNamespace: () => 'default',
};

const rows: { line: string; cursor?: number; from: number; items: string[] }[] = [
  { line: 'kub', from: 0, items: ['kubectl'] },
  { line: 'c', from: 0, items: ['cat', 'clear', 'curl'] },
  { line: 'kubectl ap', from: 8, items: ['api-resources', 'api-versions', 'apply'] },
  { line: 'kubectl rollout st', from: 16, items: ['status'] },
  { line: 'kubectl get dep', from: 12, items: ['deploy', 'deployment', 'deployments'] },
  { line: 'kubectl get deploy w', from: 19, items: ['web', 'worker'] },
  { line: 'kubectl get pods -n kube-system c', from: 32, items: ['coredns-1'] },
  { line: 'kubectl -n kube-system get po e', from: 30, items: ['etcd-kubeplay-control-plane'] },
  { line: 'kubectl --namespace=kube-system get po e', from: 39, items: ['etcd-kubeplay-control-plane'] },
  { line: 'kubectl describe deploy/w', from: 17, items: ['deploy/web', 'deploy/worker'] },
  { line: 'kubectl logs web', from: 13, items: ['web-1', 'web-2'] },
  { line: 'kubectl apply -f d', from: 17, items: ['deployment.yml'] },
  { line: 'kubectl apply --filename s', from: 25, items: ['service.yml'] },
  { line: 'kubectl get pods -n k', from: 20, items: ['kube-system'] },
  { line: 'kubectl get pods -o y', from: 20, items: ['yaml'] },
  { line: 'kubectl get pods --all-n', from: 17, items: ['--all-namespaces'] },
  { line: 'kubectl scale --rep', from: 14, items: ['--replicas'] },
  { line: 'kubectl cordon kubeplay-w', from: 15, items: ['kubeplay-worker'] },
  { line: 'cat s', from: 4, items: ['service.yml'] },
  { line: 'kubectl get deploy web ', from: 23, items: ['web', 'worker'] },
  { line: 'kubectl zzz ', from: 12, items: [] },
  { line: 'echo hi', from: 5, items: [] },
  // The cursor in the middle: only what is before it counts.
  { line: 'kubectl get po extra', cursor: 14, from: 12, items: ['po', 'pod', 'pods'] },
];

describe('completeLine', () => {
  for (const r of rows) {
    it(`${JSON.stringify(r.line)} -> ${r.items.join(' ') || '(nothing)'}`, () => {
      expect(completeLine(r.line, r.cursor ?? r.line.length, src)).toEqual({ from: r.from, items: r.items });
    });
  }
});
