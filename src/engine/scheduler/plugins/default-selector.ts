// helper.DefaultSelector: the selector system-default spreading uses, merged from the Services
// selecting the pod and the selector of its controlling ReplicaSet or StatefulSet.

import { everything, selectorFromLabelSelector, selectorFromRequirements, selectorFromSet, type LabelSelector, type Selector } from '../../api/labels';
import type { KObject } from '../../api/types';
import type { PodInfo } from '../pod-info';
import type { Listers } from '../types';

type Obj = Record<string, unknown>;

/**
 * The last result and what it was built from: the selectors of the Services that matched the pod
 * (identical objects, in order) and its controller object. Pods of one ReplicaSet find the same
 * ones, so the merged selector (immutable) is reused instead of rebuilt per pod.
 */
let lastServices: KObject[] = [];
let lastOwner: KObject | undefined;
let lastSelector: Selector | undefined;

export function defaultSelector(pod: PodInfo, listers: Listers): Selector {
  const matched: KObject[] = [];
  for (const svc of listers.inNamespace('Service', pod.namespace)) {
    const sel = (svc.spec as Obj | undefined)?.selector as Record<string, string> | undefined;
    if (!sel) continue;
    if (selectorFromSet(sel).matches(pod.labels)) matched.push(svc);
  }
  const owner = controllerObject(pod, listers);
  if (lastSelector && owner === lastOwner && sameObjects(matched, lastServices)) return lastSelector;
  const selector = build(matched, owner);
  lastServices = matched;
  lastOwner = owner;
  lastSelector = selector;
  return selector;
}

function sameObjects(a: readonly KObject[], b: readonly KObject[]): boolean {
  if (a.length !== b.length) return false;
  for (let i = 0; i < a.length; i++) if (a[i] !== b[i]) return false;
  return true;
}

/** The pod's controlling ReplicaSet or StatefulSet, when the listers have it. */
function controllerObject(pod: PodInfo, listers: Listers): KObject | undefined {
  const owner = (pod.obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!owner) return undefined;
  const kind = owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') ? owner.kind : undefined;
  if (!kind) return undefined;
  return listers.get(kind, pod.namespace, owner.name);
}

/** The matched Services' selectors merged (later ones win a key), and'ed with the controller's. */
function build(services: readonly KObject[], o: KObject | undefined): Selector {
  const set: Record<string, string> = {};
  for (const svc of services) Object.assign(set, (svc.spec as Obj).selector as Record<string, string>);
  let selector = Object.keys(set).length === 0 ? everything() : selectorFromSet(set);
  if (!o) return selector;
  try {
    const other = selectorFromLabelSelector((o.spec as Obj | undefined)?.selector as LabelSelector);
    selector = selectorFromRequirements([...selector.requirements(), ...other.requirements()]);
  } catch {
    // An invalid selector adds nothing, as upstream ignores the parse error.
  }
  return selector;
}
