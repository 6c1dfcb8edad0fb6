// Differential session: the seed 002 tutorial (EKS walkthrough) end to end, as a learner types it,
// through the real kubectl and ours on twin clusters: Deployment sample-deployment (nginx:1.7.9),
// LoadBalancer Service sample-service, scale 1 -> 3, port 80 -> 8080, image httpd with replicas 1,
// and the cleanup.
import type { DiffSession } from './sessions';

const deployment = (replicas: number, image: string) => `cat > deployment.yml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: sample-deployment
spec:
  selector:
    matchLabels:
      app: sample-app
  replicas: ${replicas}
  template:
    metadata:
      labels:
        app: sample-app
    spec:
      containers:
      - name: nginx-container
        image: ${image}
        ports:
        - containerPort: 80
EOF`;

const service = (port: number) => `cat > service.yml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: sample-service
spec:
  type: LoadBalancer
  selector:
    app: sample-app
  ports:
  - protocol: TCP
    port: ${port}
    targetPort: 80
EOF`;

export const TUTORIAL_SESSIONS: DiffSession[] = [
  {
    name: 'seed 002 tutorial end to end',
    script: `
${deployment(1, 'nginx:1.7.9')}
kubectl apply -f deployment.yml
sleep 30s
kubectl get deploy
kubectl get pod
${service(80)}
kubectl apply -f service.yml
sleep 10s
kubectl get svc
kubectl describe svc sample-service
${deployment(3, 'nginx:1.7.9')}
kubectl apply -f deployment.yml
sleep 30s
kubectl get pod --sort-by=.metadata.creationTimestamp
kubectl describe svc sample-service
${service(8080)}
kubectl apply -f service.yml
kubectl get svc sample-service
${deployment(1, 'httpd')}
kubectl apply -f deployment.yml
sleep 2m
kubectl get pod
kubectl get rs --sort-by=.metadata.creationTimestamp
kubectl rollout history deployment sample-deployment
kubectl describe deploy sample-deployment
kubectl delete -f service.yml
kubectl delete -f deployment.yml --wait=false
kubectl get all
`,
  },
];
