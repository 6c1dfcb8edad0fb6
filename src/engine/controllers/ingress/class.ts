// Which Ingresses the ingress-nginx controller serves: those naming an IngressClass whose
// spec.controller is its own, those with the legacy class annotation, and class-less ones.

import type { KObject } from '../../api/types';

/** The controller value of ingress-nginx's IngressClass (`--controller-class`). */
export const NGINX_CONTROLLER = 'k8s.io/ingress-nginx';
/** The legacy annotation (`--ingress-class` compares against it). */
export const INGRESS_CLASS_ANNOTATION = 'kubernetes.io/ingress.class';
/** Marks the IngressClass the DefaultIngressClass admission plugin assigns to class-less Ingresses. */
export const DEFAULT_CLASS_ANNOTATION = 'ingressclass.kubernetes.io/is-default-class';

/** The controller's class flags (kind's and minikube's manifests). */
export interface ClassConfig {
  /** `--ingress-class`: the class name matched against the legacy annotation. */
  className: string;
  /** `--controller-class`. */
  controller: string;
  /** `--watch-ingress-without-class`. */
  watchWithoutClass: boolean;
}

export const DEFAULT_CLASS_CONFIG: ClassConfig = { className: 'nginx', controller: NGINX_CONTROLLER, watchWithoutClass: true };

/**
 * Whether the controller serves `ing`: the legacy annotation decides when present; else
 * spec.ingressClassName must name an existing IngressClass with our controller; an Ingress with
 * neither is served when `watchWithoutClass` is on.
 */
export function isOurIngress(ing: KObject, classByName: (name: string) => KObject | undefined, cfg: ClassConfig = DEFAULT_CLASS_CONFIG): boolean {
  const ann = ing.metadata.annotations?.[INGRESS_CLASS_ANNOTATION];
  if (ann !== undefined) return ann === cfg.className;
  const name = (ing as { spec?: { ingressClassName?: unknown } }).spec?.ingressClassName;
  if (typeof name === 'string' && name !== '') {
    const cls = classByName(name) as { spec?: { controller?: unknown } } | undefined;
    return cls?.spec?.controller === cfg.controller;
  }
  return cfg.watchWithoutClass;
}

/** Whether an IngressClass is marked as the cluster default. */
export function isDefaultClass(cls: KObject): boolean {
  return cls.metadata.annotations?.[DEFAULT_CLASS_ANNOTATION] === 'true';
}
