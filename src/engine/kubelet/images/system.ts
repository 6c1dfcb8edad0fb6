// The control-plane and add-on images a kubeadm node runs (etcd, kube-apiserver,
// kube-controller-manager, kube-scheduler, kube-proxy, CoreDNS): long-running daemons that log a
// few klog lines, listen on their ports and answer their health endpoints with `ok`.

import type { Behaviour, ImageDef, Program, TagInfo } from './types';
import { formatDate } from '../shell/date';
import { DEFAULT_BACKEND_404 } from '../../controllers/ingress/route';

const MB = 1024 * 1024;

/** A klog line as Go components print it: `I0102 15:04:05.000000       1 file.go:N] msg`. */
function klog(startMs: number, at: number, file: string, msg: string): Behaviour['events'][number] {
  const t = startMs + at;
  return { at, kind: 'stderr', text: `I${formatDate(t, '%m%d %H:%M:%S.')}${String((t % 1000) * 1000).padStart(6, '0')}       1 ${file}] ${msg}\n` };
}

interface DaemonSpec {
  ports: number[];
  lines: [string, string][];
}

const DAEMONS: Record<string, DaemonSpec> = {
  etcd: { ports: [2379, 2380, 2381], lines: [['etcd.go:73', 'Running: etcd'], ['server.go:2068', 'published local member to cluster through raft'], ['serve.go:103', 'ready to serve client requests']] },
  apiserver: { ports: [6443], lines: [['options.go:228', 'external host was not specified, using 172.18.0.2'], ['server.go:174', 'Version: v1.32.4'], ['secure_serving.go:213', 'Serving securely on [::]:6443']] },
  controllerManager: { ports: [10257], lines: [['serving.go:386', 'Generated self-signed cert in-memory'], ['controllermanager.go:202', '"Starting" version="v1.32.4"'], ['leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-controller-manager...']] },
  scheduler: { ports: [10259], lines: [['serving.go:386', 'Generated self-signed cert in-memory'], ['server.go:167', '"Starting Kubernetes Scheduler" version="v1.32.4"'], ['leaderelection.go:257', 'attempting to acquire leader lease kube-system/kube-scheduler...']] },
  proxy: { ports: [10249, 10256], lines: [['server_linux.go:66', '"Using iptables proxy"'], ['server.go:697', '"Successfully retrieved node IP(s)" IPs=["172.18.0.3"]'], ['proxier.go:292', '"Setting route_localnet=1 to allow node-ports on localhost; to change this either disable iptables.localhostNodePorts (--iptables-localhost-nodeports) or set nodePortAddresses (--nodeport-addresses) to filter loopback addresses" ipFamily="IPv4"']] },
};

function daemon(name: string): Program {
  const d = DAEMONS[name];
  return ({ spec }) => {
    const start = spec.startedAtMs ?? 0;
    return {
      events: d.lines.map(([file, msg], i) => klog(start, 100 + i * 100, file, msg)),
      listen: { ports: d.ports, afterMs: 300 },
      http: () => ({ response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' } }),
    };
  };
}

/** CoreDNS prints its own banner (not klog) and serves /health on 8080 and /ready on 8181. */
const coredns: Program = () => ({
  events: [
    { at: 100, kind: 'stdout', text: '.:53\n' },
    { at: 110, kind: 'stdout', text: '[INFO] plugin/reload: Running configuration SHA512 = 591cf328cccc12bc490481273e738df59329c62c0b729d94e8b61db9961c2fa5f046dd37f1cf888b953814040d180f52594972691cd6ff41be96639138a43908\n' },
    { at: 120, kind: 'stdout', text: 'CoreDNS-1.11.3\n' },
    { at: 130, kind: 'stdout', text: 'linux/amd64, go1.21.11, a6338e9\n' },
  ],
  listen: { ports: [53, 8080, 8181, 9153], afterMs: 200 },
  http: (req) => ({ response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: req.path === '/ready' || req.path === '/health' ? 'OK' : '' } }),
});

/**
 * ingress-nginx's controller: nginx on 80/443 answering its default backend's 404 (the network
 * routes Ingress traffic itself, see src/engine/network), health on 10254.
 */
const ingressNginx: Program = ({ spec }) => {
  const start = spec.startedAtMs ?? 0;
  return {
    events: [
      { at: 100, kind: 'stdout', text: '-------------------------------------------------------------------------------\n' },
      { at: 101, kind: 'stdout', text: 'NGINX Ingress controller\n' },
      { at: 102, kind: 'stdout', text: '  Release:       v1.12.1\n' },
      { at: 103, kind: 'stdout', text: '  Build:         51c2b819690bbf1709b844dbf321a9acf6eda5a7\n' },
      { at: 104, kind: 'stdout', text: '  Repository:    https://github.com/kubernetes/ingress-nginx\n' },
      { at: 105, kind: 'stdout', text: '  nginx version: nginx/1.25.5\n' },
      { at: 106, kind: 'stdout', text: '\n' },
      { at: 107, kind: 'stdout', text: '-------------------------------------------------------------------------------\n' },
      { at: 108, kind: 'stdout', text: '\n' },
      klog(start, 300, 'main.go:205', '"Creating API client" host="https://10.96.0.1:443"'),
      klog(start, 400, 'controller.go:193', '"Configuration changes detected, backend reload required"'),
      klog(start, 500, 'controller.go:213', '"Backend successfully reloaded"'),
    ],
    listen: { ports: [80, 443, 8443, 10254], afterMs: 500 },
    http: (req) =>
      req.port === 10254
        ? { response: { status: 200, headers: { 'Content-Type': 'text/plain; charset=utf-8' }, body: 'ok' } }
        : { response: { status: 404, headers: { 'Content-Type': 'text/html' }, body: DEFAULT_BACKEND_404 } },
  };
};

export const SYSTEM_PROGRAMS: Record<string, Program> = {
  ingressNginx,
  etcd: daemon('etcd'),
  kubeApiserver: daemon('apiserver'),
  kubeControllerManager: daemon('controllerManager'),
  kubeScheduler: daemon('scheduler'),
  kubeProxy: daemon('proxy'),
  coredns,
};

const tag = (sizeMB: number, version: string): TagInfo => ({ sizeBytes: Math.round(sizeMB * MB), version });

function row(repository: string, tags: Record<string, TagInfo>, main: string, binary: string, ports: number[], memMi: number): ImageDef {
  return {
    repository,
    tags,
    entrypoint: [],
    cmd: [binary],
    exposedPorts: ports,
    programs: [binary],
    mains: { [binary]: main },
    profile: { idleCpuMillicores: main === 'kubeApiserver' ? 40 : 5, idleMemoryBytes: memMi * MB },
  };
}

/** Preloaded on every kind/kubeadm node (see SYSTEM_IMAGE_REFS). */
export const SYSTEM_IMAGES: ImageDef[] = [
  row('registry.k8s.io/etcd', { '3.5.16-0': tag(57.7, '3.5.16') }, 'etcd', 'etcd', [2379, 2380], 40),
  row('registry.k8s.io/kube-apiserver', { 'v1.32.4': tag(28.7, 'v1.32.4') }, 'kubeApiserver', 'kube-apiserver', [6443], 250),
  row('registry.k8s.io/kube-controller-manager', { 'v1.32.4': tag(26.3, 'v1.32.4') }, 'kubeControllerManager', 'kube-controller-manager', [10257], 45),
  row('registry.k8s.io/kube-scheduler', { 'v1.32.4': tag(20.7, 'v1.32.4') }, 'kubeScheduler', 'kube-scheduler', [10259], 20),
  row('registry.k8s.io/kube-proxy', { 'v1.32.4': tag(30.9, 'v1.32.4') }, 'kubeProxy', 'kube-proxy', [], 15),
  { ...row('registry.k8s.io/ingress-nginx/controller', { 'v1.12.1': tag(107.8, 'v1.12.1') }, 'ingressNginx', 'nginx-ingress-controller', [80, 443], 90), entrypoint: ['/usr/bin/dumb-init', '--'], cmd: ['/nginx-ingress-controller'], programs: ['nginx-ingress-controller', 'dumb-init'], mains: { 'dumb-init': 'ingressNginx', 'nginx-ingress-controller': 'ingressNginx' } },
  { ...row('registry.k8s.io/coredns/coredns', { 'v1.11.3': tag(18.6, 'v1.11.3') }, 'coredns', 'coredns', [53], 15), entrypoint: ['/coredns'], cmd: [] },
];
