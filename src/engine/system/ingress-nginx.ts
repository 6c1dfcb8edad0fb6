// The `ingress-nginx` namespace as kind's / minikube's ingress-nginx v1.12.1 install leaves it:
// the default `nginx` IngressClass, the controller Deployment and Services, its ConfigMap,
// ServiceAccounts and admission Secret, and (separately) the two certgen Jobs.

import type { KObject } from '../api/types';

export const INGRESS_NGINX_VERSION = '1.12.1';
export const INGRESS_NGINX_IMAGE = `registry.k8s.io/ingress-nginx/controller:v${INGRESS_NGINX_VERSION}`;
export const CERTGEN_IMAGE = 'registry.k8s.io/ingress-nginx/kube-webhook-certgen:v1.5.2';

const NS = 'ingress-nginx';

/** The labels every object of the install carries (helm chart labels without helm.sh/chart). */
function labels(component?: string): Record<string, string> {
  return {
    ...(component ? { 'app.kubernetes.io/component': component } : {}),
    'app.kubernetes.io/instance': 'ingress-nginx',
    'app.kubernetes.io/name': 'ingress-nginx',
    'app.kubernetes.io/part-of': 'ingress-nginx',
    'app.kubernetes.io/version': INGRESS_NGINX_VERSION,
  };
}

/** The controller pods' selector (the Deployment's and both Services'). */
export const INGRESS_NGINX_SELECTOR: Record<string, string> = {
  'app.kubernetes.io/component': 'controller',
  'app.kubernetes.io/instance': 'ingress-nginx',
  'app.kubernetes.io/name': 'ingress-nginx',
};

function b64(s: string): string {
  // btoa is not in lib ES2023 (engine code type-checks without DOM/Node), so encode by hand.
  const chars = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';
  let out = '';
  for (let i = 0; i < s.length; i += 3) {
    const a = s.charCodeAt(i);
    const b = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
    const c = i + 2 < s.length ? s.charCodeAt(i + 2) : 0;
    const n = (a << 16) | (b << 8) | c;
    out += chars[(n >> 18) & 63]! + chars[(n >> 12) & 63]!;
    out += i + 1 < s.length ? chars[(n >> 6) & 63]! : '=';
    out += i + 2 < s.length ? chars[n & 63]! : '=';
  }
  return out;
}

/** The `nginx` IngressClass, marked default as minikube's addon marks it. */
export function nginxIngressClass(): KObject {
  return {
    apiVersion: 'networking.k8s.io/v1',
    kind: 'IngressClass',
    metadata: { name: 'nginx', labels: labels('controller'), annotations: { 'ingressclass.kubernetes.io/is-default-class': 'true' } },
    spec: { controller: 'k8s.io/ingress-nginx' },
  };
}

export interface IngressNginxOptions {
  /** The controller Service's type: NodePort as kind and minikube install it (default), or LoadBalancer. */
  serviceType?: 'NodePort' | 'LoadBalancer';
}

function controllerDeployment(): KObject {
  const probe = (failureThreshold: number) => ({
    failureThreshold,
    httpGet: { path: '/healthz', port: 10254, scheme: 'HTTP' },
    initialDelaySeconds: 10,
    periodSeconds: 10,
    successThreshold: 1,
    timeoutSeconds: 1,
  });
  return {
    apiVersion: 'apps/v1',
    kind: 'Deployment',
    metadata: { name: 'ingress-nginx-controller', namespace: NS, labels: labels('controller') },
    spec: {
      minReadySeconds: 0,
      revisionHistoryLimit: 10,
      selector: { matchLabels: { ...INGRESS_NGINX_SELECTOR } },
      strategy: { rollingUpdate: { maxUnavailable: 1 }, type: 'RollingUpdate' },
      template: {
        metadata: { labels: labels('controller') },
        spec: {
          containers: [
            {
              name: 'controller',
              image: INGRESS_NGINX_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args: [
                '/nginx-ingress-controller',
                '--election-id=ingress-nginx-leader',
                '--controller-class=k8s.io/ingress-nginx',
                '--ingress-class=nginx',
                '--configmap=$(POD_NAMESPACE)/ingress-nginx-controller',
                '--validating-webhook=:8443',
                '--validating-webhook-certificate=/usr/local/certificates/cert',
                '--validating-webhook-key=/usr/local/certificates/key',
                '--watch-ingress-without-class=true',
                '--report-node-internal-ip-address',
              ],
              env: [
                { name: 'POD_NAME', valueFrom: { fieldRef: { fieldPath: 'metadata.name' } } },
                { name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } },
                { name: 'LD_PRELOAD', value: '/usr/local/lib/libmimalloc.so' },
              ],
              lifecycle: { preStop: { exec: { command: ['/wait-shutdown'] } } },
              livenessProbe: probe(5),
              readinessProbe: probe(3),
              ports: [
                { containerPort: 80, hostPort: 80, name: 'http', protocol: 'TCP' },
                { containerPort: 443, hostPort: 443, name: 'https', protocol: 'TCP' },
                { containerPort: 8443, name: 'webhook', protocol: 'TCP' },
              ],
              resources: { requests: { cpu: '100m', memory: '90Mi' } },
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { add: ['NET_BIND_SERVICE'], drop: ['ALL'] },
                readOnlyRootFilesystem: false,
                runAsGroup: 82,
                runAsNonRoot: true,
                runAsUser: 101,
                seccompProfile: { type: 'RuntimeDefault' },
              },
              volumeMounts: [{ mountPath: '/usr/local/certificates/', name: 'webhook-cert', readOnly: true }],
            },
          ],
          dnsPolicy: 'ClusterFirst',
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          serviceAccountName: 'ingress-nginx',
          terminationGracePeriodSeconds: 0,
          tolerations: [
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/master', operator: 'Equal' },
            { effect: 'NoSchedule', key: 'node-role.kubernetes.io/control-plane', operator: 'Equal' },
          ],
          volumes: [{ name: 'webhook-cert', secret: { secretName: 'ingress-nginx-admission' } }],
        },
      },
    },
  };
}

function services(type: 'NodePort' | 'LoadBalancer'): KObject[] {
  const controller: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller', namespace: NS, labels: labels('controller') },
    spec: {
      ipFamilies: ['IPv4'],
      ipFamilyPolicy: 'SingleStack',
      ports: [
        { appProtocol: 'http', name: 'http', port: 80, protocol: 'TCP', targetPort: 'http' },
        { appProtocol: 'https', name: 'https', port: 443, protocol: 'TCP', targetPort: 'https' },
      ],
      selector: { ...INGRESS_NGINX_SELECTOR },
      type,
      ...(type === 'LoadBalancer' ? { externalTrafficPolicy: 'Local' } : {}),
    },
  };
  const admission: KObject = {
    apiVersion: 'v1',
    kind: 'Service',
    metadata: { name: 'ingress-nginx-controller-admission', namespace: NS, labels: labels('controller') },
    spec: {
      ports: [{ appProtocol: 'https', name: 'https-webhook', port: 443, targetPort: 'webhook' }],
      selector: { ...INGRESS_NGINX_SELECTOR },
      type: 'ClusterIP',
    },
  };
  return [controller, admission];
}

/**
 * The objects of the install, in creation order: the Namespace, ServiceAccounts, ConfigMap,
 * the admission Secret (what the certgen Job would have written), the Services, the controller
 * Deployment and the cluster-scoped `nginx` IngressClass.
 */
export function ingressNginxObjects(opts: IngressNginxOptions = {}): KObject[] {
  const sa = (name: string, component: string): KObject => ({ apiVersion: 'v1', kind: 'ServiceAccount', metadata: { name, namespace: NS, labels: labels(component) }, automountServiceAccountToken: true });
  const pem = (what: string) => b64(`-----BEGIN ${what}-----\nMIIBkubeplayingressnginxadmission\n-----END ${what}-----\n`);
  return [
    { apiVersion: 'v1', kind: 'Namespace', metadata: { name: NS, labels: { 'app.kubernetes.io/instance': 'ingress-nginx', 'app.kubernetes.io/name': 'ingress-nginx' } } },
    sa('ingress-nginx', 'controller'),
    sa('ingress-nginx-admission', 'admission-webhook'),
    { apiVersion: 'v1', kind: 'ConfigMap', metadata: { name: 'ingress-nginx-controller', namespace: NS, labels: labels('controller') }, data: { 'allow-snippet-annotations': 'false' } },
    { apiVersion: 'v1', kind: 'Secret', metadata: { name: 'ingress-nginx-admission', namespace: NS }, type: 'Opaque', data: { ca: pem('CERTIFICATE'), cert: pem('CERTIFICATE'), key: pem('EC PRIVATE KEY') } },
    ...services(opts.serviceType ?? 'NodePort'),
    controllerDeployment(),
    nginxIngressClass(),
  ];
}

/**
 * The admission certgen Jobs (`ingress-nginx-admission-create`, `-patch`), which a real install
 * shows as Completed pods. Separate because they need the Job controller and the certgen image.
 */
export function ingressNginxAdmissionJobs(): KObject[] {
  const job = (suffix: 'create' | 'patch', args: string[]): KObject => ({
    apiVersion: 'batch/v1',
    kind: 'Job',
    metadata: { name: `ingress-nginx-admission-${suffix}`, namespace: NS, labels: labels('admission-webhook') },
    spec: {
      template: {
        metadata: { name: `ingress-nginx-admission-${suffix}`, labels: labels('admission-webhook') },
        spec: {
          containers: [
            {
              name: suffix,
              image: CERTGEN_IMAGE,
              imagePullPolicy: 'IfNotPresent',
              args,
              env: [{ name: 'POD_NAMESPACE', valueFrom: { fieldRef: { fieldPath: 'metadata.namespace' } } }],
              securityContext: {
                allowPrivilegeEscalation: false,
                capabilities: { drop: ['ALL'] },
                readOnlyRootFilesystem: true,
                runAsGroup: 65532,
                runAsNonRoot: true,
                runAsUser: 65532,
                seccompProfile: { type: 'RuntimeDefault' },
              },
            },
          ],
          nodeSelector: { 'kubernetes.io/os': 'linux' },
          restartPolicy: 'OnFailure',
          serviceAccountName: 'ingress-nginx-admission',
        },
      },
    },
  });
  return [
    job('create', ['create', '--host=ingress-nginx-controller-admission,ingress-nginx-controller-admission.$(POD_NAMESPACE).svc', '--namespace=$(POD_NAMESPACE)', '--secret-name=ingress-nginx-admission']),
    job('patch', ['patch', '--webhook-name=ingress-nginx-admission', '--namespace=$(POD_NAMESPACE)', '--patch-mutating=false', '--secret-name=ingress-nginx-admission', '--patch-failure-policy=Fail']),
  ];
}
