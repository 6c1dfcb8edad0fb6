// helper.DefaultSelector: the selector system-default spreading uses, merged from the Services
// selecting the pod and the selector of its controlling ReplicaSet or StatefulSet.

import { everything, selectorFromLabelSelector, selectorFromRequirements, selectorFromSet, type LabelSelector, type Selector } from '../../api/labels';
import type { PodInfo } from '../pod-info';
import type { Listers } from '../types';

type Obj = Record<string, unknown>;

export function defaultSelector(pod: PodInfo, listers: Listers): Selector {
  const set: Record<string, string> = {};
  for (const svc of listers.inNamespace('Service', pod.namespace)) {
    const sel = (svc.spec as Obj | undefined)?.selector as Record<string, string> | undefined;
    if (!sel) continue;
    if (selectorFromSet(sel).matches(pod.labels)) Object.assign(set, sel);
  }
  let selector = Object.keys(set).length === 0 ? everything() : selectorFromSet(set);
  const owner = (pod.obj.metadata.ownerReferences ?? []).find((r) => r.controller);
  if (!owner) return selector;
  const kind = owner.apiVersion === 'apps/v1' && (owner.kind === 'ReplicaSet' || owner.kind === 'StatefulSet') ? owner.kind : undefined;
  if (!kind) return selector;
  const o = listers.get(kind, pod.namespace, owner.name);
  if (!o) return selector;
  try {
    const other = selectorFromLabelSelector((o.spec as Obj | undefined)?.selector as LabelSelector);
    selector = selectorFromRequirements([...selector.requirements(), ...other.requirements()]);
  } catch {
    // An invalid selector adds nothing, as upstream ignores the parse error.
  }
  return selector;
}
