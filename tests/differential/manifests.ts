// Manifests the differential sessions write with `cat > FILE <<EOF` before applying them.

/** A two-replica nginx Deployment `web` (app=web). */
export const WEB = `cat > web.yaml <<EOF
apiVersion: apps/v1
kind: Deployment
metadata:
  name: web
  labels:
    app: web
spec:
  replicas: 2
  selector:
    matchLabels:
      app: web
  template:
    metadata:
      labels:
        app: web
    spec:
      containers:
      - name: nginx
        image: nginx:1.27
        ports:
        - containerPort: 80
EOF`;

/** A ClusterIP Service `web` in front of it. */
export const SVC = `cat > svc.yaml <<EOF
apiVersion: v1
kind: Service
metadata:
  name: web
  labels:
    app: web
spec:
  selector:
    app: web
  ports:
  - port: 80
    targetPort: 80
EOF`;

/** Two documents: ConfigMap `settings` (tier=back) and Secret `creds`. */
export const CM = `cat > cm.yaml <<EOF
apiVersion: v1
kind: ConfigMap
metadata:
  name: settings
  labels:
    tier: back
data:
  mode: fast
  level: "3"
---
apiVersion: v1
kind: Secret
metadata:
  name: creds
type: Opaque
stringData:
  user: admin
EOF`;
