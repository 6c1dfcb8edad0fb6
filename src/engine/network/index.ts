// The simulated cluster network as one component: the view (informers + indexes), kube-proxy,
// CoreDNS, and the entry points the kubelet (NetHooks for a container's curl/wget/nslookup), the
// headless runner (`curl URL` from outside) and the browser use.

import { DEFAULT_BACKEND_404, INGRESS_NGINX_CONTROLLER, INGRESS_NGINX_NAMESPACE, isOurIngress, routeIngress } from '../controllers/ingress';
import type { KObject } from '../api/types';
import { Random } from '../clock';
import type { Component, ComponentDeps, ComponentFactory } from '../controllers/deps';
import type { NodeAgents } from '../kubelet/agents';
import type { HttpRequest, HttpResponse } from '../kubelet/process';
import type { NetHooks, NetResult } from '../kubelet/shell/state';
import { DNS_SERVER, resolve, answer, type DnsAnswer } from './dns';
import { request, type RequestOptions } from './http';
import { KubeProxy } from './proxy';
import { NetworkView, type PodPlace } from './view';

export { DNS_SERVER, resolve, answer, candidates, searchPath, dashedIP, isIPv4, type DnsAnswer } from './dns';
export { request, resolveHost, OUTSIDE_IP, type RequestOptions, type Deliver } from './http';
export { KubeProxy, type Route } from './proxy';
export { NetworkView, type Endpoint, type PodPlace, type ServicePort } from './view';

type Json = Record<string, unknown>;

export interface NetworkOptions {
  /** The kubelets that deliver requests to containers (NodeAgent.http). */
  agents: NodeAgents;
  /**
   * kube-proxy's own PRNG stream, so that traffic does not shift the names the rest of the
   * cluster draws. Default: a stream seeded from one draw of deps.random at construction.
   */
  random?: Random;
}

export class Network implements Component {
  readonly view: NetworkView;
  readonly proxy: KubeProxy;

  constructor(
    private readonly deps: ComponentDeps,
    private readonly opts: NetworkOptions,
  ) {
    this.view = new NetworkView(deps);
    this.proxy = new KubeProxy(this.view, opts.random ?? new Random(deps.random.nextUint32()), deps.clock);
  }

  start(): void {
    this.view.start();
  }

  stop(): void {
    this.view.stop();
  }

  private deliver = (pod: PodPlace, req: HttpRequest): HttpResponse | 'refused' | undefined => {
    if (pod.namespace === INGRESS_NGINX_NAMESPACE && pod.name.startsWith(`${INGRESS_NGINX_CONTROLLER}-`) && req.port === 80) {
      const routed = this.viaIngress(req);
      if (routed) return routed;
    }
    const agent = this.opts.agents.get(pod.nodeName);
    if (!agent?.http) return undefined;
    return agent.http(pod.namespace, pod.name, req);
  };

  /**
   * What ingress-nginx does with a request: pick the backend Service from the Ingress rules (host
   * and path) and proxy to it; no rule and no default backend gives its 404 page.
   */
  private viaIngress(req: HttpRequest): HttpResponse | undefined {
    const t = this.deps.type('networking.k8s.io', 'Ingress');
    const classes = new Map(this.deps.client.list(this.deps.type('networking.k8s.io', 'IngressClass')).items.map((c) => [c.metadata.name!, c] as const));
    const ings = this.deps.client.list(t).items.filter((i) => isOurIngress(i, (name) => classes.get(name)));
    const route = routeIngress(ings, req.host ?? '', req.path);
    if (route === 'default-backend') return { status: 404, headers: { 'Content-Type': 'text/html' }, body: DEFAULT_BACKEND_404 };
    const svc = this.deps.client.get(this.deps.type('', 'Service'), route.namespace, route.service);
    const clusterIP = ((svc?.spec ?? {}) as { clusterIP?: string }).clusterIP;
    if (!svc || !clusterIP || clusterIP === 'None') return { status: 503, headers: { 'Content-Type': 'text/html' }, body: SERVICE_UNAVAILABLE_503 };
    const port = typeof route.port === 'number' ? route.port : this.servicePort(route.namespace, route.service, route.port);
    // The controller proxies to the Service as any pod would (its ClusterIP through kube-proxy).
    const res = this.request(`http://${clusterIP}:${port}${req.path}`, {
      method: req.method,
      headers: { ...(req.headers ?? {}), Host: req.host ?? '' },
      body: req.body,
      clientIP: req.clientIP,
    });
    if (!res.ok) return { status: 503, headers: { 'Content-Type': 'text/html' }, body: SERVICE_UNAVAILABLE_503 };
    return { status: res.status, headers: res.headers, body: res.body };
  }

  private servicePort(namespace: string, name: string, portName: string): number {
    const svc = this.deps.client.get(this.deps.type('', 'Service'), namespace, name);
    const ports = ((svc?.spec ?? {}) as { ports?: { name?: string; port: number }[] }).ports ?? [];
    return ports.find((p) => p.name === portName)?.port ?? 80;
  }

  /** An HTTP request from a pod (`opts.fromPod`) or from outside the cluster. */
  request(url: string, opts: RequestOptions = {}): NetResult {
    return request({ view: this.view, proxy: this.proxy, deliver: this.deliver }, url, opts);
  }

  /** Resolves a name as a pod in `namespace` would (undefined: no search path). */
  lookup(name: string, namespace?: string): DnsAnswer {
    return resolve(this.view, name, namespace);
  }

  /**
   * The hooks a container's curl/wget/nslookup use. `podIP` is read when a request is made, so
   * hooks built before the IP is known still work. dnsPolicy Default (the node's resolver) has
   * no cluster names, and the simulation has no outside DNS.
   */
  netHooksFor(pod: KObject, podIP?: string): NetHooks {
    const namespace = pod.metadata.namespace ?? 'default';
    const clusterDns = ((pod.spec ?? {}) as Json).dnsPolicy !== 'Default';
    // Methods, not named arrow functions (one set per container): see kubelet/images/container.ts.
    const net = this;
    return {
      http(req) {
        const ip = podIP ?? String(((pod.status ?? {}) as Json).podIP ?? '');
        return net.request(req.url, { fromPod: clusterDns ? { namespace, ip } : undefined, clientIP: ip, method: req.method, headers: req.headers, body: req.body });
      },
      lookup(name) {
        let a = clusterDns ? resolve(net.view, name, namespace) : ({ kind: 'NXDOMAIN', name } as DnsAnswer);
        if (a.kind === 'CNAME') a = answer(net.view, a.target);
        if (a.kind === 'A') return { server: DNS_SERVER, name: a.name, addresses: a.addresses };
        return { server: DNS_SERVER, error: 'NXDOMAIN' };
      },
    };
  }
}

/** A ComponentFactory for the network; `onCreate` hands out the instance (kubelets, runner, UI). */
export function networkFactory(opts: NetworkOptions & { onCreate?: (n: Network) => void }): ComponentFactory {
  return (deps) => {
    const n = new Network(deps, opts);
    opts.onCreate?.(n);
    return n;
  };
}

/** ingress-nginx's answer when the backend cannot be reached. */
const SERVICE_UNAVAILABLE_503 = '<html>\r\n<head><title>503 Service Temporarily Unavailable</title></head>\r\n<body>\r\n<center><h1>503 Service Temporarily Unavailable</h1></center>\r\n<hr><center>nginx</center>\r\n</body>\r\n</html>\r\n';
