// The root-ca-cert-publisher (pkg/controller/certificates/rootcacertpublisher): keeps a
// `kube-root-ca.crt` ConfigMap with the cluster CA bundle in every namespace, recreating or
// repairing it when it is deleted or edited.

import { clone, type KObject } from '../api/types';
import type { ResourceType } from '../api/registry';
import { Informer } from '../client/informer';
import { WorkQueue } from '../client/workqueue';
import type { Component, ComponentDeps, ComponentFactory } from '../controllers/deps';

export const ROOT_CA_CONFIGMAP = 'kube-root-ca.crt';
export const ROOT_CA_DESCRIPTION =
  'Contains a CA bundle that can be used to verify the kube-apiserver when using internal endpoints such as the internal service IP or kubernetes.default.svc. No other usage is guaranteed across distributions of Kubernetes clusters.';

/** The simulated cluster CA (a certificate-shaped PEM block; nothing verifies it). */
export const CA_BUNDLE = [
  '-----BEGIN CERTIFICATE-----',
  'MIIDBTCCAe2gAwIBAgIIa3ViZXBsYXkwDQYJKoZIhvcNAQELBQAwFTETMBEGA1UE',
  'AxMKa3ViZXJuZXRlczAeFw0yNTAxMDEwMDAwMDBaFw0zNTAxMDEwMDAwMDBaMBUx',
  'EzARBgNVBAMTCmt1YmVybmV0ZXMwggEiMA0GCSqGSIb3DQEBAQUAA4IBDwAwggEK',
  'AoIBAQDKa3ViZXBsYXkgaXMgYSBzaW11bGF0ZWQgY2x1c3RlcjsgdGhpcyBpcyBu',
  'b3QgYSByZWFsIGNlcnRpZmljYXRlIGFuZCBub3RoaW5nIHZlcmlmaWVzIGl0Lgo=',
  '-----END CERTIFICATE-----',
  '',
].join('\n');

/** The ConfigMap the publisher keeps in `namespace`. */
export function rootCAConfigMap(namespace: string): KObject {
  return {
    apiVersion: 'v1',
    kind: 'ConfigMap',
    metadata: { name: ROOT_CA_CONFIGMAP, namespace, annotations: { 'kubernetes.io/description': ROOT_CA_DESCRIPTION } },
    data: { 'ca.crt': CA_BUNDLE },
  };
}

export class RootCACertPublisher implements Component {
  private namespaces: Informer;
  private configMaps: Informer;
  private cmType: ResourceType;
  private queue: WorkQueue;

  constructor(private readonly deps: ComponentDeps) {
    this.cmType = deps.type('', 'ConfigMap');
    this.namespaces = deps.informers.informerFor(deps.type('', 'Namespace'));
    this.configMaps = deps.informers.informerFor(this.cmType);
    this.queue = new WorkQueue(deps.clock, (ns) => this.sync(ns));
    this.namespaces.addHandlers({ add: (n) => this.queue.add(n.metadata.name!), update: (_o, n) => this.queue.add(n.metadata.name!) });
    const cmChanged = (c: KObject) => {
      if (c.metadata.name === ROOT_CA_CONFIGMAP) this.queue.add(c.metadata.namespace!);
    };
    this.configMaps.addHandlers({ update: (_o, c) => cmChanged(c), delete: cmChanged });
  }

  start(): void {
    this.configMaps.start();
    this.namespaces.start();
  }

  stop(): void {
    this.namespaces.stop();
    this.configMaps.stop();
  }

  private sync(ns: string): void {
    const n = this.namespaces.get(ns);
    if (!n || n.metadata.deletionTimestamp) return;
    const cur = this.configMaps.get(`${ns}/${ROOT_CA_CONFIGMAP}`);
    const want = rootCAConfigMap(ns);
    if (!cur) {
      this.deps.client.create(this.cmType, want);
      return;
    }
    const data = (cur.data ?? {}) as Record<string, string>;
    const ann = cur.metadata.annotations ?? {};
    if (Object.keys(data).length === 1 && data['ca.crt'] === CA_BUNDLE && ann['kubernetes.io/description'] === ROOT_CA_DESCRIPTION) return;
    const next = clone(cur);
    next.data = { 'ca.crt': CA_BUNDLE };
    next.metadata.annotations = { ...ann, 'kubernetes.io/description': ROOT_CA_DESCRIPTION };
    this.deps.client.update(this.cmType, next);
  }
}

/** root-ca-cert-publisher as a cluster component. */
export const rootCACertPublisherFactory: ComponentFactory = (deps) => new RootCACertPublisher(deps);
