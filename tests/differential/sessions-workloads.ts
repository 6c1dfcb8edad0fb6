// Differential sessions, part 3: commands that need running pods (issue 7's workloads rows):
// get/describe of running pods, logs, exec (over WebSocket for the real kubectl), rollout, set image, scale.
import { WEB } from './manifests';
import type { DiffSession } from './sessions';

// Several pods' logs with --prefix come out in the order the real kubectl's requests finish
// (not deterministic), so the --prefix row selects a single pod.

/** A busybox pod `bb` that logs three lines and then sleeps. */
const BB = `kubectl run bb --image=busybox:1.36 --restart=Never -- sh -c 'echo one; echo two; echo three; sleep 3600'`;

export const WORKLOAD_SESSIONS: DiffSession[] = [
  {
    name: 'running pods: get, describe, logs',
    script: `
${WEB}
kubectl apply -f web.yaml
${BB}
kubectl run done --image=busybox:1.36 --restart=Never -- echo bye
sleep 30s
kubectl get pods
kubectl get pods -o wide
kubectl get pods -l app=web -o name
kubectl describe pod bb
kubectl logs bb
kubectl logs bb --tail=1
kubectl logs bb --tail 2 --timestamps
kubectl logs bb --limit-bytes=5
kubectl logs pod/bb -c bb
kubectl logs deploy/web
kubectl logs deploy/web --tail=3
kubectl logs -l app=web --tail=1
kubectl logs -l run=bb --tail=1 --prefix
kubectl logs done
kubectl logs -f done
kubectl logs bb -c nope
kubectl logs nope
kubectl logs deploy/nope
`,
  },
  {
    name: 'exec',
    script: `
${WEB}
kubectl apply -f web.yaml
${BB}
sleep 30s
kubectl exec bb -- env
kubectl exec bb -- cat /etc/hosts
kubectl exec bb -- hostname
kubectl exec deploy/web -- env
kubectl exec deploy/web -c nginx -- nginx -v
kubectl exec bb -- sh -c 'echo out; echo err >&2; exit 3'
kubectl exec bb -- sh -c 'exit 1'
kubectl exec bb -- false
kubectl exec -i bb -- cat <<EOF
hello from stdin
EOF
kubectl exec -i bb -- wc -l <<EOF
a
b
EOF
kubectl exec bb -c nope -- ls
kubectl exec nope -- ls
kubectl exec bb
kubectl exec bb -- nosuchcmd
`,
  },
  {
    name: 'rollout, set image, scale',
    script: `
${WEB}
kubectl apply -f web.yaml
sleep 30s
kubectl rollout status deploy/web --timeout=5s
kubectl rollout history deploy/web
kubectl set image deploy/web nginx=nginx:1.26
sleep 60s
kubectl rollout status deploy/web --timeout=5s
kubectl rollout history deploy/web
kubectl rollout history deploy/web --revision=2
kubectl get rs
kubectl set image deploy/web nginx=nginx:9.99
sleep 30s
kubectl get pods
kubectl rollout undo deploy/web
sleep 60s
kubectl get deploy web -o wide
kubectl rollout status deploy/web --timeout=5s
kubectl rollout history deploy/web
kubectl rollout undo deploy/web --to-revision=9
kubectl get deploy web -o jsonpath={.spec.template.spec.containers[0].image}
kubectl scale deploy web --replicas=4
sleep 30s
kubectl get rs
kubectl get pods
kubectl get deploy web
kubectl scale deploy web --replicas=1
sleep 60s
kubectl get rs -o wide
kubectl get pods -o wide
`,
  },
  {
    name: 'events',
    script: `
${WEB}
kubectl apply -f web.yaml
sleep 30s
kubectl get events --sort-by=.metadata.creationTimestamp
kubectl get events --field-selector involvedObject.kind=Deployment
kubectl get events -o name --sort-by=.metadata.name
`,
  },
];
