// Differential sessions, part 1: discovery, get, apply, describe, label/annotate/patch/replace/scale,
// delete, wait, workloads.
import { CM, SVC, WEB } from './manifests';
import type { DiffSession } from './sessions';

export const CORE_SESSIONS: DiffSession[] = [
  {
    name: 'discovery and cluster info',
    script: `
kubectl version
kubectl version --client
kubectl api-versions
kubectl api-resources
kubectl api-resources --namespaced=false
kubectl api-resources --api-group=apps -o wide
kubectl api-resources -o name
kubectl cluster-info
kubectl config view
kubectl config current-context
kubectl config get-contexts
`,
  },
  {
    name: 'auth can-i',
    // The real kubectl POSTs a SelfSubjectAccessReview (authorization.k8s.io/v1), which the engine
    // does not serve yet (404); ours answers `yes` locally.
    pending: 'needs authorization.k8s.io/v1 selfsubjectaccessreviews in the engine',
    script: `
kubectl auth can-i create deployments
kubectl auth can-i '*' '*'
kubectl auth can-i get pods -n kube-system
kubectl auth can-i get /healthz
`,
  },
  {
    name: 'get on the default cluster',
    script: `
kubectl get nodes
kubectl get nodes -o wide
kubectl get no kubeplay-worker -o name
kubectl get ns
kubectl get ns default -o yaml
kubectl get ns kube-system -o json
kubectl get pods -A
kubectl get pods -n kube-system -o wide
kubectl get pods -A --show-labels
kubectl get svc -A
kubectl get all -A
kubectl get all
kubectl get pods
kubectl get nodes -L kubernetes.io/hostname
kubectl get nodes -l node-role.kubernetes.io/control-plane
kubectl get nodes --sort-by=.metadata.name -o name
kubectl get nodes -o jsonpath={.items[*].metadata.name}
kubectl get nodes -o custom-columns=NAME:.metadata.name,ARCH:.status.nodeInfo.architecture
kubectl get sa -A
kubectl get cm -n kube-system
`,
  },
  {
    name: 'apply: created, unchanged, configured, multi-doc, stdin',
    script: `
${WEB}
${SVC}
${CM}
kubectl apply -f web.yaml
kubectl apply -f web.yaml
kubectl apply -f svc.yaml
kubectl apply -f cm.yaml
kubectl apply -f cm.yaml
kubectl get deploy
kubectl get deploy web -o yaml
kubectl get deploy,svc,cm -l app=web
kubectl get cm settings -o json
kubectl get secret creds -o jsonpath={.data.user}
kubectl scale deploy web --replicas=3
kubectl apply -f web.yaml
kubectl apply -f - <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: piped
data:
  a: "1"
EOF
kubectl get cm --show-labels
kubectl get cm -L tier
kubectl get cm --sort-by=.metadata.name
`,
  },
  {
    name: 'apply onto an object created without the annotation',
    script: `
${SVC}
kubectl create -f svc.yaml
kubectl apply -f svc.yaml
kubectl get svc web -o jsonpath={.metadata.annotations}
`,
  },
  {
    name: 'describe',
    script: `
${WEB}
${SVC}
${CM}
kubectl apply -f web.yaml
kubectl apply -f svc.yaml
kubectl apply -f cm.yaml
# describe prints a ConfigMap's keys in Go map order, which is random upstream: one key only.
cat > one.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: one
data:
  mode: fast
EOF
sleep 30s
kubectl describe deployment web
kubectl describe service web
kubectl describe namespace default
kubectl describe node kubeplay-worker
kubectl apply -f one.yaml
kubectl describe configmap one
kubectl describe secret creds
kubectl get deploy,rs,pods -o wide
`,
  },
  {
    name: 'label, annotate, patch, replace, scale',
    script: `
${WEB}
kubectl apply -f web.yaml
kubectl label deploy web tier=front
kubectl label deploy web tier=back
kubectl label deploy web tier=back --overwrite
kubectl label deploy web tier-
kubectl annotate deploy web owner=team-a
kubectl annotate deploy web owner=team-b --overwrite
kubectl get deploy web -o jsonpath={.metadata.labels}
kubectl patch deploy web -p '{"spec":{"replicas":4}}'
kubectl patch deploy web --type=merge -p '{"metadata":{"labels":{"patched":"yes"}}}'
kubectl patch deploy web --type=json -p '[{"op":"replace","path":"/spec/replicas","value":1}]'
kubectl patch deploy web --type=json -p '[{"op":"remove","path":"/spec/nope"}]'
kubectl get deploy web -o jsonpath={.spec.replicas}
kubectl scale deploy web --replicas=2
kubectl scale deploy/web --replicas=2 --current-replicas=5
kubectl get deploy web -o yaml
kubectl replace -f web.yaml
kubectl get deploy web --show-labels
`,
  },
  {
    name: 'delete in its forms',
    script: `
${WEB}
${CM}
kubectl apply -f web.yaml
kubectl apply -f cm.yaml
kubectl delete cm settings
kubectl delete -f cm.yaml
kubectl apply -f cm.yaml
kubectl delete cm -l tier=back
kubectl delete secret --all
kubectl delete deploy web --wait=false
kubectl get deploy
kubectl delete deploy web
`,
  },
  {
    name: 'wait',
    script: `
${CM}
kubectl apply -f cm.yaml
kubectl wait --for=delete cm/gone --timeout=1s
kubectl wait --for=jsonpath={.data.mode}=fast cm/settings --timeout=1s
kubectl delete cm settings --wait=false
kubectl wait --for=delete cm/settings --timeout=1s
`,
  },
];
